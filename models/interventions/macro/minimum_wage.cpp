// Minimum wage (macro): a floor on weekly pay of employed adults.
//
// Mechanism: while active, world.macro.wage_floor = max(existing, `weekly_floor`); life events
// pay employed adults at least the floor. Source: National Living Wage £11.44 an hour from April
// 2024 (Low Pay Commission) x 37.5 hours = £429 a week. Hours are not modelled, so the floor is
// a weekly figure: for part-time work give a lower one.
// Why this way: a floor (not a multiplier) is what the policy is, and max() composes.
#include "models/interventions/macro/minimum_wage.hpp"

#include <algorithm>

namespace wellsim::models {

const sim::ParamTable<MinimumWage>& MinimumWage::table() {
  return sim::declared<MinimumWage>([](sim::ParamTable<MinimumWage>& t) {
    t.add("weekly_floor", &MinimumWage::weekly_floor_, 429.0)
        .range(0, 1e6)
        .unit("GBP/week")
        .help("weekly pay floor (NLW 2024: £11.44 x 37.5 hours = £429)");
  });
}

MinimumWage::MinimumWage(const InterventionSetup& s) : MacroPolicy(s) {
  table().read(params_, *this);
}

void MinimumWage::apply(Macro& m, double f) const {
  (void)f;
  m.wage_floor = std::max(m.wage_floor, weekly_floor_);
}

}  // namespace wellsim::models
