// Tests of local_service_capacity (mirrors models/interventions/meso/local_service_capacity).
#include <catch2/catch.hpp>

#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;
using test::near_rate;

TEST_CASE("local_service_capacity treats at its rate", "[models][interventions]") {
  const std::size_t n = 4000;
  ServiceTown town(n);
  for (auto& d : town.agents.domains) d = models::kMentalIll | models::kSubstanceMisuse;
  town.add("local_service_capacity",
           {{"condition", V{std::string("substance_use")}}, {"recovery_rate", V{0.3}}});
  town.prepare();
  town.step(1);
  std::size_t recovered = 0;
  for (auto d : town.agents.domains) {
    recovered += !(d & models::kSubstanceMisuse);
    CHECK((d & models::kMentalIll));
  }
  CHECK(near_rate(static_cast<double>(recovered) / n, 0.3, n));
}
