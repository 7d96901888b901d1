#pragma once
#include <vector>

#include "models/interventions/meso/area_programme.hpp"

namespace wellsim::models {

/// A youth project: young people aged 11-18 make ties and local victimisation falls.
class YouthProject : public AreaProgramme {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<YouthProject>& table();
  /// Reads its keys.
  explicit YouthProject(const InterventionSetup& setup);

 protected:
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;
  std::vector<double>& local_hazard(World& world) const override {
    return world.local_victimisation;
  }
};

}  // namespace wellsim::models
