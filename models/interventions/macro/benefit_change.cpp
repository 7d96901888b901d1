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

const sim::ParamTable<BenefitChange>& BenefitChange::table() {
  return sim::declared<BenefitChange>([](sim::ParamTable<BenefitChange>& t) {
    t.add("level", &BenefitChange::level_, 1.0)
        .range(0, 10)
        .help(
            "multiplier on out-of-work benefit rates (0.94: the 2016-20 freeze in real terms; "
            "1.25: the 2020 UC uplift)");
    t.add("sanction_rate", &BenefitChange::sanction_rate_, 0.0)
        .range(0, 1)
        .unit("1/week")
        .help(
            "extra weekly probability that a claimant is sanctioned (DWP: 0.5-2% a week at "
            "the 2013 peak)");
    t.inherit(ramp_table());
  });
}

BenefitChange::BenefitChange(const InterventionSetup& s) : MacroPolicy(s) {
  table().read(params_, *this);
}

void BenefitChange::apply(Macro& m, double f) const {
  m.benefit_level *= ramped(level_, f);
  m.sanction_rate += f * sanction_rate_;
}

}  // namespace wellsim::models
