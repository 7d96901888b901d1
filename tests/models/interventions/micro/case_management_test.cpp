// Tests of case_management (mirrors models/interventions/micro/case_management).
#include <catch2/catch.hpp>

#include "models/interventions/service.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;
using test::near_rate;

TEST_CASE("case_management resolves problems and refers onward", "[models][interventions]") {
  const std::size_t n = 5000;
  ServiceTown town(n);
  for (auto& d : town.agents.domains) d = models::kHomeless | models::kMentalIll;
  town.add("case_management", {{"resolve_rate", V{0.4}}, {"referral_rate", V{0.3}}});
  town.prepare();
  town.step(1);
  std::size_t rehoused = 0, treated = 0, referred = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto d = town.agents.domains[i];
    if (!(d & models::kHomeless)) {
      ++rehoused;
      CHECK((d & models::kHousingInsecure));  // homeless becomes insecure, not secure
    }
    treated += !(d & models::kMentalIll);
    referred += (town.world->referral[i] & models::kReferMentalHealth) != 0;
  }
  CHECK(near_rate(static_cast<double>(rehoused + treated) / n, 0.4, n));
  CHECK(near_rate(static_cast<double>(rehoused) / n, 0.2, n));
  CHECK(near_rate(static_cast<double>(referred) / n, 0.3, n));
}

TEST_CASE("case work referrals go first in housing and debt queues and are cleared",
          "[models][interventions]") {
  for (const char* type : {"housing_support", "income_maximisation"}) {
    INFO(type);
    const bool housing = std::string(type) == "housing_support";
    ServiceTown town(100);
    for (auto& d : town.agents.domains)
      d = housing ? models::kHousingInsecure : models::kFinancialStrain;
    const std::uint8_t bit = housing ? models::kReferHousing : models::kReferDebt;
    auto& svc = town.add<models::Service>(type, {{"capacity", V{std::int64_t{3}}}});
    town.prepare();
    for (std::uint32_t i : {97u, 42u, 70u}) town.world->referral[i] = bit;
    town.step(1);
    auto in = svc.participants();
    std::sort(in.begin(), in.end());
    CHECK(in == std::vector<std::uint32_t>{42, 70, 97});  // the referred, not the first three
    for (std::uint32_t i : {97u, 42u, 70u}) CHECK(town.world->referral[i] == 0);
  }
}
