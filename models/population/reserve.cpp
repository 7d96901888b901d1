// Reserved rows: how the agent store grows during a run without moving anyone.
//
// Households are contiguous agents (World::household_start), the network is CSR frozen before
// the first step, and the run file's per-agent columns have one width for the whole run. A person
// who joins the town mid-run (a newborn) therefore needs a row that already exists, inside their
// household, tied into it. So with [demography] every household that has, or will have within the
// run, a woman of childbearing age gets some rows at week 0 that hold nobody yet: absent
// (AgentStore::present = 0, entered = -1) until a birth fills them (models/life/births.cpp).
// Absent rows already carry no influence, support, statistics or services (the rules for people
// who have died), so a row that waits changes nothing for anyone.
//
// How many: a woman aged x at week 0 (models/life/sexes.cpp, drawn before freezing for this)
// expects sum_y f(x + y) births over the horizon of Y years (run.steps / 52), y = 0..Y-1, the
// last year counted in part (f: the ONS rates of fertility_table.cpp times `fertility_scale`;
// deaths are ignored, which errs towards more rows). A household whose women expect E births in
// all gets the fewest rows r with P(N > r) <= 1% for N ~ Poisson(E), at most `reserve_cap`: a
// household with no woman who is or will be 15-49 within the run gets none, one whose women
// expect 0.02 births gets one row. A birth that finds no free row is counted
// (population/births_unplaced), never lost silently. Memory: each reserved row costs a person's
// bytes (models/memory_estimate.cpp; the share of rows reserved is measured in
// docs/performance.md).
// Ties: reserved rows are inserted after the network generator has tied the people, so the
// people's ties (and the generator's draws) are the same as without a reserve; a reserved row
// gets household ties only. A child reaches kin through their parents in the town network too;
// classmates, friends and colleagues come later, as run-time ties, when the child starts school
// at 5 and enters work (models/life/school_work.cpp).
// Why insertion and not rows at the end: household slices must stay contiguous, and the frozen
// order (groups, then source order) keeps inserted rows next to their household.
#include "models/population/reserve.hpp"

#include <algorithm>
#include <cmath>

#include "models/community/layers.hpp"
#include "models/community/vocabulary.hpp"
#include "models/life/fertility_table.hpp"

namespace wellsim::models {

double expected_births(std::uint8_t age, const ReservePlan& plan) {
  const double years = plan.horizon_weeks / 52.0;
  double births = 0;
  for (unsigned y = 0; y < years; ++y)
    births += annual_fertility(age + y) * std::min(1.0, years - y);
  return births * plan.fertility_scale;
}

std::uint32_t reserved_rows(double births, std::uint32_t cap) {
  // P(N <= r) summed term by term: p_r = e^-m m^r / r!.
  double term = std::exp(-births), below = term;
  std::uint32_t rows = 0;
  while (rows < cap && 1 - below > kReserveShortfall) {
    ++rows;
    term *= births / rows;
    below += term;
  }
  return rows;
}

std::vector<std::uint32_t> plan_reserve(const People& people,
                                        const std::vector<std::uint8_t>& female,
                                        const ReservePlan& plan) {
  const std::vector<std::uint32_t> start = people.household_starts();
  std::vector<std::uint32_t> rows(people.households(), 0);
  for (std::size_t h = 0; h < rows.size(); ++h) {
    double births = 0;
    for (std::uint32_t i = start[h]; i < start[h + 1]; ++i)
      if (female[i]) births += expected_births(people.age[i], plan);
    rows[h] = reserved_rows(births, plan.cap);
  }
  return rows;
}

namespace {

/// The household ties of the reserved rows [first, first + k) of a household whose members are
/// [begin, first): each to every member and to the reserved rows before it.
void household_ties(std::uint32_t begin, std::uint32_t first, std::uint32_t k,
                    sim::EdgeList& ties) {
  for (std::uint32_t r = first; r < first + k; ++r)
    for (std::uint32_t j = begin; j < r; ++j) {
      ties.u.push_back(r);
      ties.v.push_back(j);
      if (!ties.layer.empty()) ties.layer.push_back(kHousehold);
      if (!ties.w.empty()) ties.w.push_back(1.f);
    }
}

}  // namespace

void insert_reserved_rows(People& people, sim::EdgeList& ties,
                          const std::vector<std::uint32_t>& rows) {
  const std::size_t n = people.size(), households = people.households();
  std::uint64_t added = 0;
  for (const std::uint32_t k : rows) added += k;
  if (added == 0) return;
  const std::vector<std::uint32_t> start = people.household_starts();
  // new_index[i] = i + rows reserved in households before i's.
  std::vector<std::uint32_t> shift(households + 1, 0);
  for (std::size_t h = 0; h < households; ++h) shift[h + 1] = shift[h] + rows[h];
  for (std::size_t t = 0; t < ties.u.size(); ++t) {
    ties.u[t] += shift[people.household[ties.u[t]]];
    ties.v[t] += shift[people.household[ties.v[t]]];
  }
  People out;
  out.resize(n + added);
  out.neighbourhood_names = std::move(people.neighbourhood_names);
  out.reserved.assign(n + added, 0);
  std::int64_t next_id = 0;
  for (const std::int64_t id : people.original_id) next_id = std::max(next_id, id + 1);
  std::size_t at = 0;
  for (std::size_t h = 0; h < households; ++h) {
    const std::size_t begin = at;
    for (std::uint32_t p = start[h]; p < start[h + 1]; ++p, ++at) {
      out.household[at] = people.household[p];
      out.neighbourhood[at] = people.neighbourhood[p];
      out.age[at] = people.age[p];
      out.traits[at] = people.traits[p];
      out.tenure[at] = people.tenure[p];
      out.activity[at] = people.activity[p];
      out.wage[at] = people.wage[p];
      out.housing_cost[at] = people.housing_cost[p];
      out.original_id[at] = people.original_id[p];
    }
    household_ties(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(at), rows[h],
                   ties);
    for (std::uint32_t r = 0; r < rows[h]; ++r, ++at) {
      out.household[at] = static_cast<std::uint32_t>(h);
      out.neighbourhood[at] = people.neighbourhood[start[h]];
      out.tenure[at] = people.tenure[start[h]];
      out.activity[at] = static_cast<std::uint8_t>(Activity::Child);
      out.original_id[at] = next_id++;
      out.reserved[at] = 1;
    }
  }
  people = std::move(out);
  ties.n = people.size();
  ties.original_id = people.original_id;
  ties.group = people.neighbourhood;
  ties.group_names = people.neighbourhood_names;
}

}  // namespace wellsim::models
