// Shared part of macro policies: see macro_policy.hpp.
#include "models/interventions/macro/macro_policy.hpp"

#include <algorithm>

#include "sim/series_names.hpp"

namespace wellsim::models {

MacroPolicy::MacroPolicy(const InterventionSetup& s) : Intervention(s) {}

const sim::ParamTable<MacroPolicy>& MacroPolicy::ramp_table() {
  return sim::declared<MacroPolicy>([](sim::ParamTable<MacroPolicy>& t) {
    t.add("ramp_weeks", &MacroPolicy::ramp_weeks_, 0)
        .range(0, 1e6)
        .unit("weeks")
        .help("weeks over which the change phases in linearly (0 = at once)");
  });
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
    weeks_in_ = ctx.step - start_week();
    apply(world_->macro, ramp(ctx.step));
    return;
  }
  ctx.ledger.set(s_cost_,
                 costs_.per_week + (ctx.step == start_ ? costs_.fixed : 0.0) + fiscal_cost(ctx));
}

}  // namespace wellsim::models
