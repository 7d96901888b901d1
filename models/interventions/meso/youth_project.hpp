#pragma once
#include <vector>

#include "models/interventions/service.hpp"
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

/// A youth project: young people aged 11-18 make ties and local victimisation falls.
class YouthProject : public Service {
 public:
  /// Its own keys, declared once.
  static std::vector<sim::ParamSpec> params();
  /// Reads its keys.
  explicit YouthProject(const InterventionSetup& setup);
  /// Runs in the macro-environment phase (local victimisation) and the interventions phase.
  sim::PhaseMask phases() const override;
  /// Lowers local victimisation while active (macro environment), else runs the service.
  void run(sim::Phase phase, sim::StepContext& ctx) override;

 protected:
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;

 private:
  TieRule rule_;
  double victimisation_reduction_;
  std::uint16_t e_tie_ = 0;
};

}  // namespace wellsim::models
