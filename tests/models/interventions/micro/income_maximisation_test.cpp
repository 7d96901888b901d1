// Tests of income_maximisation (mirrors models/interventions/micro/income_maximisation).
#include <catch2/catch.hpp>

#include "models/interventions/micro/income_maximisation.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;
using test::near_rate;

TEST_CASE("income_maximisation adds its gain and removes it when it ends",
          "[models][interventions]") {
  ServiceTown town(1000);
  for (auto& d : town.agents.domains) d = models::kFinancialStrain;
  for (auto& x : town.agents.extra_income) x = 5.f;  // another intervention's share
  auto& svc = town.add<models::IncomeMaximisation>("income_maximisation",
                                                   {{"success_rate", V{0.5}},
                                                    {"weekly_gain", V{30.0}},
                                                    {"gain_weeks", V{std::int64_t{4}}},
                                                    {"debt_relief", V{0.0}},
                                                    {"end_week", V{std::int64_t{2}}}});
  town.prepare();
  town.step(1);
  std::size_t winners = 0;
  for (std::uint32_t i = 0; i < 1000; ++i) {
    const bool won = svc.gain_of(i) > 0;
    winners += won;
    CHECK(town.agents.extra_income[i] == (won ? 35.f : 5.f));
  }
  CHECK(near_rate(winners / 1000.0, 0.5, 1000));
  CHECK(town.series("service/income_maximisation/gain_holders") == winners);
  for (std::uint32_t t = 2; t <= 4; ++t) town.step(t);
  CHECK(town.events("intervention/income_maximisation/gain_end").empty());
  town.step(5);  // four weeks after the award: the gain ends even though the service closed
  CHECK(town.events("intervention/income_maximisation/gain_end").size() == winners);
  for (std::uint32_t i = 0; i < 1000; ++i) CHECK(town.agents.extra_income[i] == 5.f);
}
