#pragma once
#include <vector>

#include "models/interventions/service.hpp"
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

/// A warm space: heated rooms for the fuel poor (and lonely), where attendees meet.
class WarmSpace : public Service {
 public:
  /// Its own keys, declared once.
  static std::vector<sim::ParamSpec> params();
  /// Reads its keys.
  explicit WarmSpace(const InterventionSetup& setup);

 protected:
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;

 private:
  double relief_;
  bool include_lonely_;
  TieRule rule_;
  std::uint16_t e_relief_ = 0, e_tie_ = 0;
};

}  // namespace wellsim::models
