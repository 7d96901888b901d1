#pragma once
#include <vector>

#include "models/interventions/meso/area_programme.hpp"

namespace wellsim::models {

/// Arts and inclusion work: less hate locally and ties across groups.
class InclusionCampaign : public AreaProgramme {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<InclusionCampaign>& table();
  /// Reads its keys.
  explicit InclusionCampaign(const InterventionSetup& setup);

 protected:
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;
  std::vector<double>& local_hazard(World& world) const override { return world.local_hate; }
};

}  // namespace wellsim::models
