// Tests of area_programme (mirrors models/interventions/meso/area_programme).
#include <catch2/catch.hpp>

#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

TEST_CASE("youth_project and inclusion_campaign act locally while active",
          "[models][interventions]") {
  ServiceTown town(60);
  town.add("youth_project", {{"target.neighbourhoods", V{std::vector<std::string>{"B"}}},
                             {"start_week", V{std::int64_t{3}}},
                             {"end_week", V{std::int64_t{5}}},
                             {"victimisation_reduction", V{0.25}}});
  town.add("inclusion_campaign", {{"target.neighbourhoods", V{std::vector<std::string>{"A", "C"}}},
                                  {"hate_reduction", V{0.5}}});
  town.prepare();
  for (std::uint32_t t = 1; t <= 7; ++t) {
    town.step(t);
    INFO("week " << t);
    const bool on = t >= 3 && t <= 5;
    CHECK(town.world->local_victimisation[0] == 1.0);
    CHECK(town.world->local_victimisation[1] == (on ? 0.75 : 1.0));
    CHECK(town.world->local_victimisation[2] == 1.0);
    CHECK(town.world->local_hate == std::vector<double>{0.5, 1.0, 0.5});
  }
}
