// Economic shock (macro): a recession.
//
// Mechanism: while active, world.macro.job_loss and job_finding are multiplied by `job_loss` and
// `job_finding`, phased in over `ramp_weeks`. Source: in the 2008-09 recession UK flows from
// employment to unemployment roughly doubled and the job-finding rate of the unemployed fell by
// about a third (ONS Labour Force Survey flows; Gomes 2012, "Labour market flows: facts from the
// United Kingdom", Labour Economics 19) — hence x2 and x0.7.
// Why this way: hazards, not a target unemployment rate, so the shock's reach depends on who
// holds which jobs in the population.
#include "models/interventions/macro/economic_shock.hpp"

#include <algorithm>

namespace wellsim::models {

const sim::ParamTable<EconomicShock>& EconomicShock::table() {
  return sim::declared<EconomicShock>([](sim::ParamTable<EconomicShock>& t) {
    t.add("job_loss", &EconomicShock::job_loss_, 2.0)
        .range(0, 100)
        .help("multiplier on the weekly job-loss hazard (2: the 2008-09 recession)");
    t.add("job_finding", &EconomicShock::job_finding_, 0.7)
        .range(0, 100)
        .help("multiplier on the weekly job-finding hazard (0.7: the 2008-09 recession)");
    t.inherit(ramp_table());
  });
}

EconomicShock::EconomicShock(const InterventionSetup& s) : MacroPolicy(s) {
  table().read(params_, *this);
}

void EconomicShock::apply(Macro& m, double f) const {
  m.job_loss *= ramped(job_loss_, f);
  m.job_finding *= ramped(job_finding_, f);
}

}  // namespace wellsim::models
