// Rural access (the valley's "rural areas underserved"): a service with a `location` sits in one
// neighbourhood; someone living in neighbourhood h takes up its offer with probability
//
//   uptake x exp(-decay x t[h][location])
//
// where t is the scenario's travel time in minutes (`[access] travel_minutes`, one row per home
// neighbourhood). The negative exponential is the usual distance-decay form of spatial
// interaction models (Wilson 1971; Fotheringham & O'Kelly 1989), and use of health services is
// known to fall with travel distance and time (Haynes et al. 1999; Jordan et al. 2004), but no
// published decay per minute exists for the services modelled here: `decay` = 0.03 per minute
// (a journey of 23 minutes halves uptake) is an assumption. A service with `outreach = true`
// goes to people (a mobile or outreach service) and has no decay, at `outreach_cost_per_week`.
// Why this way: the decay scales the one uptake draw a person already has (same stream, same
// draw), so people whose reach is 1 make exactly the choices they made without the mechanism
// (common random numbers), and without travel times nothing changes at all.
#include "models/community/access.hpp"

#include "sim/errors.hpp"

namespace wellsim::models {

const sim::ParamTable<Access>& Access::table() {
  return sim::declared<Access>([](sim::ParamTable<Access>& t) {
    t.add("travel_minutes", &Access::minutes, std::vector<double>{})
        .range(0, 1e4)
        .unit("minutes")
        .help(
            "travel time from each neighbourhood (row) to each (column), row by row in the "
            "order of population.neighbourhoods; empty = no travel (uptake never falls)");
    t.add("decay", &Access::decay, 0.03)
        .range(0, 10)
        .unit("1/minute")
        .help(
            "uptake x exp(-decay x minutes) for a service with a location (assumption: 0.03, "
            "half the uptake at 23 minutes)");
  });
}

Access read_access(const sim::ParamSet& table, const sim::Network& net) {
  Access a;
  Access::table().read(table, a);
  a.groups = net.group_names.size();
  if (a.on() && a.minutes.size() != a.groups * a.groups)
    throw sim::InputError("access.travel_minutes: expected " + std::to_string(a.groups * a.groups) +
                          " values (" + std::to_string(a.groups) + " x " +
                          std::to_string(a.groups) + " neighbourhoods, row by row), found " +
                          std::to_string(a.minutes.size()));
  return a;
}

}  // namespace wellsim::models
