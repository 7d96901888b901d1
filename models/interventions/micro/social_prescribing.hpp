#pragma once
#include <vector>

#include "models/interventions/service.hpp"
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

/// Social prescribing: a link worker connects lonely adults to community groups, where they make
/// ties (see social_prescribing.cpp).
class SocialPrescribing : public Service {
 public:
  /// Its own keys, declared once.
  static std::vector<sim::ParamSpec> params();
  /// Reads its keys.
  explicit SocialPrescribing(const InterventionSetup& setup);

 protected:
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  void serve(sim::StepContext&, const sim::RandomStream&, std::uint32_t,
             std::vector<sim::Event>&) const override {}
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;
  void prepare_type(const sim::Network& net, sim::AgentStore&, sim::Ledger& ledger) override;

 private:
  TieRule rule_;
  double peer_share_;
  std::vector<std::uint32_t> group_start_, group_members_;  // neighbourhood members, CSR
  std::uint16_t e_tie_ = 0;
};

}  // namespace wellsim::models
