#pragma once
#include <vector>

#include "models/interventions/service.hpp"
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

/// A community hub: a place where adults meet and make ties.
class CommunityHub : public Service {
 public:
  /// Its own keys, declared once.
  static std::vector<sim::ParamSpec> params();
  /// Reads its keys.
  explicit CommunityHub(const InterventionSetup& setup);

 protected:
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;

 private:
  TieRule rule_;
  std::uint16_t e_tie_ = 0;
};

}  // namespace wellsim::models
