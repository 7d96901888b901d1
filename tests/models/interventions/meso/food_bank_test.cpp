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
  for (std::uint32_t i = 0; i < n; ++i)  // households of three: one head, two others
    town.agents.traits[i] = i % 3 == 0 ? models::kHouseholdHead : 0;
  town.add("food_bank", {{"relief", V{0.7}}});
  town.prepare();
  town.step(1);
  // A parcel feeds a household: only heads take places, and only their bit is cleared here (life
  // events then clear it for the household).
  std::size_t cleared = 0, heads = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const bool head = town.agents.traits[i] & models::kHouseholdHead;
    heads += head;
    const bool relieved = !(town.agents.domains[i] & models::kFoodInsecure);
    if (!head) CHECK_FALSE(relieved);
    cleared += relieved;
  }
  REQUIRE(heads > 500);
  CHECK(near_rate(static_cast<double>(cleared) / heads, 0.7, heads));
  CHECK(town.events("intervention/food_bank/relief").size() == cleared);
}
