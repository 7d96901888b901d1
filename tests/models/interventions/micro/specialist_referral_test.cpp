// Tests of specialist_referral (mirrors models/interventions/micro/specialist_referral).
#include <catch2/catch.hpp>

#include "models/interventions/service.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;
using test::near_rate;

TEST_CASE("specialist_referral takes referrals and treats at its rate", "[models][interventions]") {
  const std::size_t n = 4000;
  ServiceTown town(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    town.agents.domains[i] = models::kMentalIll;
    town.world->referral[i] = i < n / 2 ? models::kReferMentalHealth : 0;
  }
  auto& svc = town.add<models::Service>("specialist_referral",
                                        {{"self_referral", V{0.0}}, {"recovery_rate", V{0.5}}});
  town.prepare();
  town.step(1);
  CHECK(svc.participants().size() == n / 2);  // only the referred joined
  std::size_t recovered = 0;
  for (std::uint32_t i = 0; i < n / 2; ++i) {
    CHECK(town.world->referral[i] == 0);  // the referral was taken
    recovered += !(town.agents.domains[i] & models::kMentalIll);
  }
  for (std::uint32_t i = n / 2; i < n; ++i) CHECK((town.agents.domains[i] & models::kMentalIll));
  CHECK(near_rate(static_cast<double>(recovered) / (n / 2), 0.5, n / 2));
}
