#pragma once
// AreaProgramme: a meso programme that, besides its participants' ties, lowers a hazard for
// everyone in its target neighbourhoods while active (youth projects: victimisation; inclusion
// campaigns: hate incidents). The reduction goes through the World's local multiplier that life
// events read, in the macro-environment phase — after the macro baseline resets the multipliers
// and before life events read them — so the area effect reaches residents who never take part.
#include <utility>
#include <vector>

#include "models/interventions/tie_programme.hpp"
#include "sim/errors.hpp"

namespace wellsim::models {

/// A tie-making programme with an area effect on a local hazard (see the file comment).
class AreaProgramme : public TieProgramme {
 public:
  /// `level` picks the funding multiplier, as for any service. Refuses named people or
  /// households: the area effect reaches a whole neighbourhood, never only them.
  AreaProgramme(const InterventionSetup& setup, Level level) : TieProgramme(setup, level) {
    for (const auto& [key, ids] : {std::pair{"target.people", &target_keys_.people},
                                   std::pair{"target.households", &target_keys_.households}})
      if (!ids->empty())
        throw sim::InputError(at(key) + "expected no named people for the area programme '" +
                              type_ + "' (its area effect reaches a whole neighbourhood), found " +
                              sim::to_text(*ids) + "; name the neighbourhood instead");
  }
  /// Runs in the macro-environment phase (the area effect) and the interventions phase.
  sim::PhaseMask phases() const override {
    return sim::bit(sim::Phase::MacroEnvironment) | sim::bit(sim::Phase::Interventions);
  }
  /// While active, multiplies the local hazard of the target neighbourhoods by
  /// (1 - area_reduction_) in the macro environment; runs the service otherwise.
  void run(sim::Phase phase, sim::StepContext& ctx) override {
    if (phase != sim::Phase::MacroEnvironment) return Service::run(phase, ctx);
    if (!active(ctx.step)) return;
    std::vector<double>& local = local_hazard(*world_);
    for (std::size_t g = 0; g < local.size(); ++g)
      if (target_.has_group(g)) local[g] *= 1.0 - area_reduction_;
  }

 protected:
  /// The World's per-neighbourhood multiplier this programme lowers.
  virtual std::vector<double>& local_hazard(World& world) const = 0;
  double area_reduction_ = 0;  ///< bound by each type's table (its own key name)
};

}  // namespace wellsim::models
