#pragma once
// The base of macro interventions: national policy and the economy. A macro policy has no
// participants; while active it changes this week's `world.macro` in the macro-environment
// phase, after the macro baseline has reset it and before life events read it. Several policies
// compose: multipliers multiply, floors take the larger, caps the smaller, in scenario order.
//
// Ramps: a type with `ramp_weeks` phases in linearly — in active week k (1-based) it applies the
// fraction min(1, k / ramp_weeks) of its change (a multiplier m acts as 1 + f (m - 1)), as price
// rises and benefit changes arrive over months, not overnight.
// Costs: series "policy/<name>/cost" (GBP in the week): `cost_fixed` in the start week plus
// `cost_per_week` while active; per-participant cost keys are refused for macro types
// (check_interventions), since a policy has no participants. The fiscal cost of a benefit
// change itself is not computed here: give it as cost_per_week.
#include <vector>

#include "models/interventions/intervention.hpp"

namespace wellsim::models {

/// Shared part of macro policies (see the file comment).
class MacroPolicy : public Intervention {
 public:
  /// Reads the common keys (a type that phases in inherits ramp_table() into its own).
  explicit MacroPolicy(const InterventionSetup& setup);
  /// Runs in the macro-environment phase (applies the policy) and in the interventions phase
  /// (records the week's cost, once every macro policy has set the week's environment).
  sim::PhaseMask phases() const override {
    return sim::bit(sim::Phase::MacroEnvironment) | sim::bit(sim::Phase::Interventions);
  }
  /// Declares the cost series.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// While active, applies the policy to world.macro; sets the cost series every step.
  void run(sim::Phase phase, sim::StepContext& ctx) override;
  /// Share of the change in force in week `step` (0 outside the active weeks).
  double ramp(std::uint32_t step) const;

  /// The `ramp_weeks` key, for types that phase in (inherited into their table).
  static const sim::ParamTable<MacroPolicy>& ramp_table();

 protected:
  /// Changes the week's macro environment; `f` is the ramp share in (0, 1].
  virtual void apply(Macro& macro, double f) const = 0;
  /// The policy's own fiscal cost this week beyond its cost keys (GBP), computed from the
  /// week's final environment; 0 unless a type says otherwise.
  virtual double fiscal_cost(const sim::StepContext& /*ctx*/) const { return 0; }
  /// A multiplier `m` phased in by share f.
  static double ramped(double m, double f) { return 1.0 + f * (m - 1.0); }
  /// Weeks since the policy started (0 in its start week), for types that follow a path.
  std::uint32_t weeks_in() const { return weeks_in_; }

 private:
  std::uint32_t weeks_in_ = 0;
  std::uint32_t ramp_weeks_ = 0;
  std::size_t s_cost_ = 0;
};

}  // namespace wellsim::models
