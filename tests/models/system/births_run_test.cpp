// Births in whole runs ([demography] enabled): newborns fill rows reserved in their mother's
// household, tied to it and to nothing else, and the figures count them from their birth week;
// runs are the same on any thread count; a paired policy run has the same births and changes
// no one it cannot reach.
#include <catch2/catch.hpp>

#include <algorithm>

#include "models/community/layers.hpp"
#include "sim/series_names.hpp"
#include "tests/models/system/paired_runs.hpp"

using namespace wellsim;

namespace {

// Births 5 times the ONS rates and deaths 5 times the life table's, over a year.
const std::string kBirthTown = R"(
[run]
model = "town"
seed = 1313
steps = 52
[population]
neighbourhoods = ["North", "South"]
sizes = [2500, 2500]
[demography]
enabled = true
fertility_scale = 5
mortality_scale = 5
)";

}  // namespace

TEST_CASE("with births a newborn fills a reserved row of its mother's household that week",
          "[models][system][demography][births]") {
  const auto run = test::run_scenario_text(kBirthTown);
  const auto birth = run.kind("birth"), death = run.kind("death");
  const auto births = run.series_of(sim::series::kPopulationBirths);
  const auto deaths = run.series_of(sim::series::kPopulationDeaths);
  const auto present = run.series_of(sim::series::kPopulationPresent);
  std::vector<double> counted(births.size(), 0);
  std::size_t newborns = 0;
  for (const auto& e : run.events) {
    if (e.kind != birth) continue;
    ++newborns;
    counted[e.step] += 1;
    const std::uint32_t baby = e.agent, mother = e.other;
    CHECK(run.household[baby] == run.household[mother]);
    CHECK(run.present[e.step - 1][baby] == 0);
    CHECK(run.present[e.step][baby] == 1);
    CHECK(run.present[0][baby] == 0);  // a reserved row: nobody at week 0
    CHECK(run.ages[e.step][baby] == 0);
    CHECK(run.ages[e.step][mother] >= 15);
    CHECK(run.ages[e.step][mother] <= 49);
    // Tied to each member of the household and to nothing outside it, all as household ties.
    const auto& net = run.network;
    for (auto k = net.offsets[baby]; k < net.offsets[baby + 1]; ++k) {
      CHECK(run.household[net.neighbours[k]] == run.household[baby]);
      CHECK(net.layer_names[net.layer[k]] == models::kLayerNames[models::kHousehold]);
    }
    std::size_t members = 0;
    for (std::uint32_t j = 0; j < run.household.size(); ++j)
      members += j != baby && run.household[j] == run.household[baby];
    CHECK(net.degree(baby) == members);
  }
  CHECK(newborns > 100);
  for (std::size_t s = 1; s < births.size(); ++s) {
    CHECK(births[s] == counted[s]);
    CHECK(present[s] == present[s - 1] - deaths[s] + births[s]);
    const auto living = std::count(run.present[s].begin(), run.present[s].end(), 1);
    CHECK(present[s] == static_cast<double>(living));
  }
  // No one dies who was never born, and the dead do not come back.
  std::vector<std::uint32_t> died(run.household.size(), 0);
  for (const auto& e : run.events)
    if (e.kind == death) died[e.agent] = e.step;
  for (std::size_t i = 0; i < died.size(); ++i)
    if (died[i] > 0) CHECK(run.present.back()[i] == 0);
  CHECK(run.series_of(sim::series::kPopulationBirthsUnplaced).back() >= 0);
}

TEST_CASE("a run with births is identical on 1 and 2 threads",
          "[models][system][demography][births]") {
  const auto one = test::run_scenario_text(kBirthTown, 1);
  const auto two = test::run_scenario_text(kBirthTown, 2);
  CHECK(one.wellbeing == two.wellbeing);
  CHECK(one.present == two.present);
  CHECK(one.series == two.series);
  REQUIRE(one.events.size() == two.events.size());
  for (std::size_t e = 0; e < one.events.size(); ++e) {
    CHECK(one.events[e].agent == two.events[e].agent);
    CHECK(one.events[e].kind == two.events[e].kind);
  }
}

TEST_CASE("with births people a policy cannot reach stay bit-identical, and the same are born",
          "[models][system][demography][births]") {
  const auto pair = test::village_hub_pair(
      "[demography]\nenabled = true\nmortality_scale = 5\nfertility_scale = 5\n");
  if (!pair) {
    WARN("shared data absent: skipped");
    return;
  }
  const auto& [base, policy] = *pair;
  REQUIRE_FALSE(base.present.empty());
  CHECK(base.present == policy.present);  // the same born and the same dead, the same weeks
  CHECK(base.agents_with("birth") == policy.agents_with("birth"));
  CHECK(base.agents_with("birth").size() > 50);
  test::check_hub_reach(base, policy);
}
