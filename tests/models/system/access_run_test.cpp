// Whole runs with rural access: travel times alone change nothing (default off), a located
// service reaches fewer people from far away, and a bad travel table is refused naming the key.
#include <catch2/catch.hpp>

#include "tests/models/interventions/fixture.hpp"
#include "tests/models/system/paired_runs.hpp"
#include "tests/town_toml.hpp"

using namespace wellsim;

namespace {

const std::string kAccessTown = test::town_toml(17, 20, {"Centre", "Moor"}, {300, 300}) +
                                test::intervention("community_hub", "hub", {{"uptake", "0.3"}});

const std::string kAccessTravel = "[access]\ntravel_minutes = [0, 45, 45, 0]\n";

/// People who ever joined the hub's list: {from the Centre, from the Moor}.
std::vector<std::size_t> hub_joiners_by_place(const test::RunRecord& r) {
  std::vector<std::size_t> n(2, 0);
  for (auto i : r.agents_with("intervention/hub/queued"))
    ++n[r.network.group_names[static_cast<std::size_t>(r.network.group[i])] == "Centre" ? 0 : 1];
  return n;
}

}  // namespace

TEST_CASE("travel times change nothing until a service has a location", "[models][system]") {
  const auto plain = test::run_scenario_text(kAccessTown);
  const auto travel = test::run_scenario_text(kAccessTown + kAccessTravel);
  CHECK(travel.wellbeing == plain.wellbeing);
  CHECK(travel.domains == plain.domains);
  CHECK(travel.events.size() == plain.events.size());
}

TEST_CASE("a service in the centre reaches fewer people from the moor", "[models][system]") {
  std::string located = kAccessTown + "location = \"Centre\"\n" + kAccessTravel;
  const auto plain = hub_joiners_by_place(test::run_scenario_text(kAccessTown));
  const auto far = hub_joiners_by_place(test::run_scenario_text(located));
  CHECK(far[0] == plain[0]);  // the centre's own residents: no journey, the same choices
  CHECK(far[1] < plain[1]);   // exp(-0.03 x 45) = 0.26 of the moor's uptake
  const std::string message = test::message_of(
      [&] { test::run_scenario_text(kAccessTown + "[access]\ntravel_minutes = [0, 45, 45]\n"); });
  CHECK_THAT(message, Catch::EndsWith("access.travel_minutes: expected 4 values (2 x 2 "
                                      "neighbourhoods, row by row), found 3"));
}
