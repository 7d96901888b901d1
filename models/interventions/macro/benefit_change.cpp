// Benefit change (macro): uprating, cuts or rises of out-of-work benefits, and conditionality.
//
// Mechanism: while active, world.macro.benefit_level is multiplied by `level` (life events scale
// benefit income by it) and `sanction_rate` is added to the weekly sanction hazard; both phase in
// over `ramp_weeks`. Sources: the 2016-20 benefit freeze cut real rates by about 6% (IFS); the
// £20 Universal Credit uplift of 2020-21 was about +25% of the standard allowance; DWP sanction
// statistics put monthly sanction rates of claimants subject to conditionality at 2-8% in
// 2013-14 (0.5-2% a week). Defaults are "no change".
// Why this way: two levers analysts ask about — how much, and how conditional.
#include "models/interventions/macro/benefit_change.hpp"

#include <algorithm>

namespace wellsim::models {

std::vector<sim::ParamSpec> BenefitChange::params() {
  using sim::ParamType;
  return {
      {"level", ParamType::Real,
       "multiplier on out-of-work benefit rates (0.94: the 2016-20 freeze in real terms; "
       "1.25: the 2020 UC uplift)",
       "", 1.0, 0.0, 10.0},
      {"sanction_rate", ParamType::Real,
       "extra weekly probability that a claimant is sanctioned (DWP: 0.5-2% a week at the "
       "2013 peak)",
       "1/week", 0.0, 0.0, 1.0},
      ramp_param(),
  };
}

BenefitChange::BenefitChange(const InterventionSetup& s) : MacroPolicy(s) {
  level_ = params_.real("level");
  sanction_rate_ = params_.real("sanction_rate");
}

void BenefitChange::apply(Macro& m, double f) const {
  m.benefit_level *= ramped(level_, f);
  m.sanction_rate += f * sanction_rate_;
}

}  // namespace wellsim::models
