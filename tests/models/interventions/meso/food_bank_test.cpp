// Tests of food_bank (mirrors models/interventions/meso/food_bank).
#include <catch2/catch.hpp>

#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;
using test::near_rate;

TEST_CASE("food_bank relief clears food insecurity at its rate", "[models][interventions]") {
  const std::size_t n = 5000;
  ServiceTown town(n);
  for (auto& d : town.agents.domains) d = models::kFoodInsecure;
  town.world->household_start.clear();
  for (std::uint32_t i = 0; i < n; ++i) {  // households of three: one head, two others
    town.agents.traits[i] = i % 3 == 0 ? models::kHouseholdHead : 0;
    town.agents.household[i] = i / 3;
    if (i % 3 == 0) town.world->household_start.push_back(i);
  }
  town.world->household_start.push_back(static_cast<std::uint32_t>(n));
  town.add("food_bank", {{"relief", V{0.7}}});
  town.prepare();
  town.step(1);
  // A parcel feeds a household: only heads take places, and every member is relieved for the
  // week — the flag cleared, the need kept in World::relieved for life events to restore.
  std::size_t cleared = 0, heads = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const bool head = town.agents.traits[i] & models::kHouseholdHead;
    heads += head;
    const bool relieved = !(town.agents.domains[i] & models::kFoodInsecure);
    const std::uint32_t h = i - i % 3;
    CHECK(relieved == !(town.agents.domains[h] & models::kFoodInsecure));  // as their head
    CHECK(relieved == bool(town.world->relieved[i] & models::kFoodInsecure));
    cleared += head && relieved;
  }
  REQUIRE(heads > 500);
  CHECK(near_rate(static_cast<double>(cleared) / heads, 0.7, heads));
  CHECK(town.events("intervention/food_bank/relief").size() == cleared);
}
