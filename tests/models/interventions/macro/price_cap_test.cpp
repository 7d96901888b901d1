// Tests of price_cap (mirrors models/interventions/macro/price_cap).
#include <catch2/catch.hpp>

#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

TEST_CASE("price_cap caps energy whatever the order", "[models][interventions]") {
  auto effective = [](bool cap_first) {
    ServiceTown town(10);
    if (cap_first) town.add("price_cap", {{"energy_cap", V{1.4}}});
    town.add("price_shock", {{"energy", V{1.8}}, {"food", V{1.2}}});
    if (!cap_first) town.add("price_cap", {{"energy_cap", V{1.4}}});
    town.prepare();
    town.step(1);
    const auto& m = town.world->macro;
    CHECK(m.food_price == Approx(1.2));
    return std::min(m.energy_price, m.energy_price_cap);
  };
  CHECK(effective(true) == Approx(1.4));
  CHECK(effective(false) == Approx(1.4));
}

TEST_CASE("price_cap pays the energy bills above the cap", "[models][interventions]") {
  for (const bool cap_first : {true, false}) {
    ServiceTown town(12);  // four households of three: a head, an adult, a child
    for (std::uint32_t i = 0; i < 12; ++i) {
      town.agents.traits[i] = i % 3 == 0 ? models::kHouseholdHead : 0;
      town.agents.age[i] = i % 3 == 2 ? 8 : 40;
    }
    town.world->energy_cost = 24.0;
    if (cap_first) town.add("price_cap", {{"energy_cap", V{1.4}}, {"cost_per_week", V{10.0}}});
    town.add("price_shock", {{"energy", V{2.0}}, {"food", V{1.0}}});
    if (!cap_first) town.add("price_cap", {{"energy_cap", V{1.4}}, {"cost_per_week", V{10.0}}});
    town.prepare();
    town.step(1);
    // 4 households × (1 + 0.5 + 0.3) equivalised adults × £24 × (2.0 − 1.4), plus the £10 key.
    CHECK(town.series("policy/price_cap/cost") == Approx(4 * 1.8 * 24.0 * 0.6 + 10.0));
    CHECK(town.series("policy/price_shock/cost") == 0.0);
  }
  ServiceTown calm(12);  // prices under the cap cost nothing beyond the keys
  calm.world->energy_cost = 24.0;
  calm.add("price_cap", {{"energy_cap", V{1.4}}});
  calm.prepare();
  calm.step(1);
  CHECK(calm.series("policy/price_cap/cost") == 0.0);
}
