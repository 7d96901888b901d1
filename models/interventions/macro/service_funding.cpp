// Service funding (macro): national funding of local services, cut or increased.
//
// Mechanism: while active, world.macro.capacity_micro and capacity_meso are multiplied by `micro`
// and `meso`, phased in over `ramp_weeks`; every service multiplies its places by them (rounded
// down) and withdraws places from its latest admissions when a cut leaves it over capacity.
// Source: local authority spending power fell by about a quarter in real terms 2010-2020 (IFS,
// NAO "Financial sustainability of local authorities 2018"): micro = meso = 0.75 reproduces it.
// Why this way: funding acts on capacity, the lever through which it reaches people.
#include "models/interventions/macro/service_funding.hpp"

#include <algorithm>

namespace wellsim::models {

const sim::ParamTable<ServiceFunding>& ServiceFunding::table() {
  return sim::declared<ServiceFunding>([](sim::ParamTable<ServiceFunding>& t) {
    t.add("micro", &ServiceFunding::micro_, 1.0)
        .range(0, 100)
        .help("multiplier on places of micro services (0.75: a quarter cut, 2010-20)");
    t.add("meso", &ServiceFunding::meso_, 1.0)
        .range(0, 100)
        .help("multiplier on places of meso services");
    t.inherit(ramp_table());
  });
}

ServiceFunding::ServiceFunding(const InterventionSetup& s) : MacroPolicy(s) {
  table().read(params_, *this);
}

void ServiceFunding::apply(Macro& m, double f) const {
  m.capacity_micro *= ramped(micro_, f);
  m.capacity_meso *= ramped(meso_, f);
}

}  // namespace wellsim::models
