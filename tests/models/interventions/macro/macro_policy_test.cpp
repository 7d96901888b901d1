// Tests of macro_policy (mirrors models/interventions/macro/macro_policy).
#include <catch2/catch.hpp>

#include "models/interventions/macro/macro_policy.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

TEST_CASE("macro policies change the week's environment and ramp in", "[models][interventions]") {
  ServiceTown town(10);
  auto& shock = town.add<models::MacroPolicy>("price_shock", {{"energy", V{1.8}},
                                                              {"ramp_weeks", V{std::int64_t{4}}},
                                                              {"start_week", V{std::int64_t{2}}},
                                                              {"cost_per_week", V{7.0}}});
  town.add("benefit_change", {{"level", V{0.9}}, {"sanction_rate", V{0.01}}});
  town.add("minimum_wage", {{"weekly_floor", V{400.0}}});
  town.add("minimum_wage", {{"name", V{std::string("lower")}}, {"weekly_floor", V{300.0}}});
  town.add("legislation", {{"hate_multiplier", V{0.8}}, {"victimisation_multiplier", V{0.9}}});
  town.add("economic_shock", {});
  town.prepare();
  const double expected[] = {1.0, 1.2, 1.4, 1.6, 1.8, 1.8};
  for (std::uint32_t t = 1; t <= 6; ++t) {
    town.step(t);
    CHECK(town.world->macro.energy_price == Approx(expected[t - 1]));
    CHECK(town.series("policy/price_shock/cost") == (t >= 2 ? 7.0 : 0.0));
  }
  CHECK(shock.ramp(1) == 0);
  const auto& m = town.world->macro;
  CHECK(m.benefit_level == Approx(0.9));
  CHECK(m.sanction_rate == Approx(0.01));
  CHECK(m.wage_floor == 400.0);
  CHECK(m.hate == Approx(0.8));
  CHECK(m.victimisation == Approx(0.9));
  CHECK(m.job_loss == Approx(2.0));
  CHECK(m.job_finding == Approx(0.7));
}

TEST_CASE("a price path sets each period's prices relative to its first level",
          "[models][interventions]") {
  ServiceTown town(10);
  town.add("price_shock", {{"energy_path", V{std::vector<double>{100, 150, 120}}},
                           {"food", V{1.1}},
                           {"path_weeks", V{2.0}},
                           {"start_week", V{std::int64_t{2}}}});
  town.prepare();
  // Weeks 2-3 at the first level, 4-5 at the second, then the last held; food by its multiplier.
  const double expected[] = {1.0, 1.0, 1.0, 1.5, 1.5, 1.2, 1.2, 1.2};
  for (std::uint32_t t = 1; t <= 8; ++t) {
    town.step(t);
    INFO("week " << t);
    CHECK(town.world->macro.energy_price == Approx(expected[t - 1]));
    CHECK(town.world->macro.food_price == Approx(t >= 2 ? 1.1 : 1.0));
  }
}
