// Legislation (macro): law and enforcement against hate crime and victimisation (e.g. aggravated
// offences and sentence uplifts, stronger duties on police).
//
// Mechanism: while active, world.macro.hate is multiplied by `hate_multiplier` and
// world.macro.victimisation by `victimisation_multiplier`. Source: none gives a causal effect
// size; 0.8 for hate incidents is judgement (a fifth fewer), and victimisation is unchanged by
// default. Say so when reporting results that rest on it.
// Why this way: the legislation's hoped-for effect is on hazards; an analyst can vary the
// multiplier to see how much it would have to work to matter.
#include "models/interventions/macro/legislation.hpp"

#include <algorithm>

namespace wellsim::models {

const sim::ParamTable<Legislation>& Legislation::table() {
  return sim::declared<Legislation>([](sim::ParamTable<Legislation>& t) {
    t.add("hate_multiplier", &Legislation::hate_multiplier_, 0.8)
        .range(0, 10)
        .help("multiplier on hate-incident hazards (0.8 is judgement)");
    t.add("victimisation_multiplier", &Legislation::victimisation_multiplier_, 1.0)
        .range(0, 10)
        .help("multiplier on every victimisation hazard (judgement)");
  });
}

Legislation::Legislation(const InterventionSetup& s) : MacroPolicy(s) {
  table().read(params_, *this);
}

void Legislation::apply(Macro& m, double f) const {
  (void)f;
  m.hate *= hate_multiplier_;
  m.victimisation *= victimisation_multiplier_;
}

}  // namespace wellsim::models
