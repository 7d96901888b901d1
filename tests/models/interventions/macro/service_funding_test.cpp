// Tests of service_funding (mirrors models/interventions/macro/service_funding).
#include <catch2/catch.hpp>

#include "models/interventions/service.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

TEST_CASE("service_funding scales the capacity of services", "[models][interventions]") {
  ServiceTown town(100);
  for (auto& d : town.agents.domains) d = models::kFoodInsecure | models::kFinancialStrain;
  town.add("service_funding",
           {{"micro", V{0.5}}, {"meso", V{1.5}}, {"start_week", V{std::int64_t{3}}}});
  auto& cm = town.add<models::Service>(
      "case_management",
      {{"capacity", V{std::int64_t{11}}}, {"resolve_rate", V{0.0}}, {"referral_rate", V{0.0}}});
  town.add("food_bank", {{"capacity", V{std::int64_t{10}}}, {"relief", V{0.0}}});
  town.prepare();
  for (std::uint32_t t = 1; t <= 4; ++t) {
    town.step(t);
    INFO("week " << t);
    CHECK(town.series("service/case_management/capacity") == (t < 3 ? 11 : 5));
    CHECK(town.series("service/food_bank/capacity") == (t < 3 ? 10 : 15));
    CHECK(cm.participants().size() <= (t < 3 ? 11u : 5u));
    if (t == 3) {  // the cut withdrew the six latest places
      const auto ends = town.events("intervention/case_management/end");
      CHECK(ends.size() == 6);
      for (const auto& e : ends) CHECK(e.detail == 2);
    }
  }
}
