// Trouble with neighbours ([neighbours], models/life/neighbours.cpp) and neighbour mediation in
// whole towns: the calibrated share holds in a run without policy, turning it on shifts no other
// draw, mediation changes only the households it serves by exactly the configured effect, and
// the children's measure is what its definition says.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "models/community/vocabulary.hpp"
#include "tests/models/interventions/fixture.hpp"
#include "tests/models/system/paired_runs.hpp"

using namespace wellsim;
using test::near_rate;

namespace {

const std::string kNeighbourTown = R"(
[run]
model = "town"
seed = 1717
steps = 52
[population]
neighbourhoods = ["North", "South", "East"]
sizes = [3000, 3000, 2000]
[neighbours]
enabled = true
)";

/// Share of households in trouble in week w (every member must agree), and the household count.
std::pair<double, std::size_t> households_in_trouble(const test::RunRecord& r, std::size_t w) {
  std::set<std::uint32_t> all, trouble, split;
  for (std::size_t i = 0; i < r.age.size(); ++i) {
    all.insert(r.household[i]);
    if (r.domains[w][i] & models::kNeighbourConflict) trouble.insert(r.household[i]);
  }
  for (std::size_t i = 0; i < r.age.size(); ++i)
    if (trouble.count(r.household[i]) && !(r.domains[w][i] & models::kNeighbourConflict))
      split.insert(r.household[i]);
  CHECK(split.empty());  // a household state: every member or none
  return {static_cast<double>(trouble.size()) / all.size(), all.size()};
}

}  // namespace

TEST_CASE("trouble with neighbours holds its calibrated share in a town without policy",
          "[models][system]") {
  const auto run = test::run_scenario_text(kNeighbourTown);
  REQUIRE(run.domains.size() == 53);
  for (std::size_t w : {0, 26, 52}) {
    INFO("week " << w);
    const auto [share, households] = households_in_trouble(run, w);
    CHECK(near_rate(share, 0.05, households));  // [neighbours] share
    const auto& week = run.domains[w];
    const double people =
        double(std::count_if(week.begin(), week.end(),
                             [](auto d) { return (d & models::kNeighbourConflict) != 0; })) /
        week.size();
    CHECK(run.series_of("prevalence/neighbour_conflict")[w] == Approx(people).epsilon(1e-12));
  }
  CHECK(run.agents_with("onset/neighbour_conflict").size() > 100);  // the chain turns over
  CHECK(run.agents_with("end/neighbour_conflict").size() > 100);
}

TEST_CASE("turning trouble with neighbours on shifts no other mechanism's draws",
          "[models][system]") {
  std::string off = kNeighbourTown;
  off.replace(off.find("enabled = true"), 14, "enabled = false");
  const auto without = test::run_scenario_text(off);
  const auto with = test::run_scenario_text(kNeighbourTown);
  REQUIRE(without.domains.size() == with.domains.size());
  std::size_t carrying = 0;
  for (std::size_t w = 0; w < with.domains.size(); ++w)
    for (std::size_t i = 0; i < with.domains[w].size(); ++i) {
      if ((with.domains[w][i] & ~models::DomainBits{models::kNeighbourConflict}) !=
          without.domains[w][i])
        FAIL("agent " << i << " week " << w << ": another domain moved");
      if (without.domains[w][i] & models::kNeighbourConflict)
        FAIL("agent " << i << " carries the bit with [neighbours] off");
      carrying += (with.domains[w][i] & models::kNeighbourConflict) != 0;
    }
  CHECK(carrying > 0);
}

TEST_CASE("neighbour mediation changes only the households it serves, by its configured effect",
          "[models][system]") {
  // Social terms off: a person's wellbeing moves only with their own circumstances, so everyone
  // outside a served household must be bit-identical (the CRN guarantee), and inside one the gap
  // must be effect_neighbour_conflict run through x(t) = x(t-1) + alpha (u(t) - x(t-1)).
  const std::string social_off = "[wellbeing]\nsusceptibility = 0\nbuffer = 0\n";
  const std::string mediation = R"(
[[intervention]]
type = "neighbour_mediation"
name = "mediation"
start_week = 5
capacity = 40
resolution_rate = 0.15
target = { neighbourhoods = ["North", "East"] }
)";
  const auto base = test::run_scenario_text(kNeighbourTown + social_off);
  const auto policy = test::run_scenario_text(kNeighbourTown + social_off + mediation);
  std::set<std::uint32_t> served;
  for (auto i : policy.agents_with("intervention/mediation/start"))
    served.insert(policy.household[i]);
  REQUIRE(served.size() > 40);
  const auto gap = test::check_served_gap(base, policy, served, models::kNeighbourConflict,
                                          -0.3f);  // effect_neighbour_conflict default
  CHECK(gap.checked > 100);
  CHECK(gap.gained > 20);
  CHECK(gap.children_gained > 5);  // the whole household gains, children too
}

TEST_CASE("the children's measure is the mean and low share of ages 10-15", "[models][system]") {
  const auto run = test::run_scenario_text(kNeighbourTown);
  const auto mean = run.series_of("children/mean"), low = run.series_of("children/share_low");
  for (std::size_t w : {0, 1, 52}) {
    double sum = 0;
    std::size_t children = 0, below = 0;
    for (std::size_t i = 0; i < run.age.size(); ++i) {
      if (run.age[i] < 10 || run.age[i] > 15) continue;
      ++children;
      sum += run.wellbeing[w][i];
      below += run.wellbeing[w][i] < 4.5f;
    }
    INFO("week " << w);
    REQUIRE(children > 300);
    CHECK(mean[w] == Approx(sum / children).epsilon(1e-9));
    CHECK(low[w] == Approx(double(below) / children).epsilon(1e-12));
  }
}
