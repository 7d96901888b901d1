// Tests of housing_support (mirrors models/interventions/micro/housing_support).
#include <catch2/catch.hpp>

#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

TEST_CASE("housing_support moves people one step at a time", "[models][interventions]") {
  ServiceTown town(2000);
  for (std::uint32_t i = 0; i < 2000; ++i)
    town.agents.domains[i] = i % 2 ? models::kHomeless : models::kHousingInsecure;
  town.add("housing_support", {{"resolve_rate", V{1.0}}});
  town.prepare();
  town.step(1);
  for (std::uint32_t i = 0; i < 2000; ++i)
    CHECK(town.agents.domains[i] == (i % 2 ? models::kHousingInsecure : 0u));
}
