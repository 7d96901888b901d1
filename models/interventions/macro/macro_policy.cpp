// Shared part of macro policies: see macro_policy.hpp.
#include "models/interventions/macro/macro_policy.hpp"

#include <algorithm>

#include "sim/series_names.hpp"

namespace wellsim::models {

MacroPolicy::MacroPolicy(const InterventionSetup& s) : Intervention(s) {
  if (params_.has("ramp_weeks"))
    ramp_weeks_ = static_cast<std::uint32_t>(params_.integer("ramp_weeks"));
}

sim::ParamSpec MacroPolicy::ramp_param() {
  return {"ramp_weeks", sim::ParamType::Integer,
          "weeks over which the change phases in linearly (0 = at once)", "weeks",
          std::int64_t{0}, 0, 1e6};
}

void MacroPolicy::prepare(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  s_cost_ = ledger.add_series(sim::series::policy_cost(label_));
}

double MacroPolicy::ramp(std::uint32_t step) const {
  if (!active(step)) return 0;
  if (ramp_weeks_ == 0) return 1;
  return std::min(1.0, static_cast<double>(step - start_ + 1) / ramp_weeks_);
}

void MacroPolicy::run(sim::Phase phase, sim::StepContext& ctx) {
  if (!active(ctx.step)) {
    ctx.ledger.set(s_cost_, 0);
    return;
  }
  if (phase == sim::Phase::MacroEnvironment) {
    apply(world_->macro, ramp(ctx.step));
    return;
  }
  ctx.ledger.set(s_cost_, costs_.per_week + (ctx.step == start_ ? costs_.fixed : 0.0) +
                              fiscal_cost(ctx));
}

}  // namespace wellsim::models
