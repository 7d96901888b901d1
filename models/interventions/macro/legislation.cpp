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

std::vector<sim::ParamSpec> Legislation::params() {
  using sim::ParamType;
  return {
      {"hate_multiplier", ParamType::Real,
       "multiplier on hate-incident hazards (0.8 is judgement)",
       "", 0.8, 0.0, 10.0},
      {"victimisation_multiplier", ParamType::Real,
       "multiplier on every victimisation hazard (judgement)",
       "", 1.0, 0.0, 10.0},
  };
}

Legislation::Legislation(const InterventionSetup& s) : MacroPolicy(s) {
  hate_multiplier_ = params_.real("hate_multiplier");
  victimisation_multiplier_ = params_.real("victimisation_multiplier");
}

void Legislation::apply(Macro& m, double f) const {
  (void)f;
  m.hate *= hate_multiplier_;
  m.victimisation *= victimisation_multiplier_;
}

}  // namespace wellsim::models
