#pragma once
#include <vector>

#include "models/interventions/tie_programme.hpp"

namespace wellsim::models {

/// A community hub: a place where adults meet and make ties.
class CommunityHub : public TieProgramme {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<CommunityHub>& table();
  /// Reads its keys.
  explicit CommunityHub(const InterventionSetup& setup);

 protected:
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;
};

}  // namespace wellsim::models
