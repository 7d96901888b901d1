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

std::vector<sim::ParamSpec> EconomicShock::params() {
  using sim::ParamType;
  return {
      {"job_loss", ParamType::Real,
       "multiplier on the weekly job-loss hazard (2: the 2008-09 recession)",
       "", 2.0, 0.0, 100.0},
      {"job_finding", ParamType::Real,
       "multiplier on the weekly job-finding hazard (0.7: the 2008-09 recession)",
       "", 0.7, 0.0, 100.0},
      ramp_param(),
  };
}

EconomicShock::EconomicShock(const InterventionSetup& s) : MacroPolicy(s) {
  job_loss_ = params_.real("job_loss");
  job_finding_ = params_.real("job_finding");
}

void EconomicShock::apply(Macro& m, double f) const {
  m.job_loss *= ramped(job_loss_, f);
  m.job_finding *= ramped(job_finding_, f);
}

}  // namespace wellsim::models
