// Tests of tie_programme (mirrors models/interventions/tie_programme).
#include <catch2/catch.hpp>

#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

TEST_CASE("community programmes make ties among participants", "[models][interventions]") {
  ServiceTown town(400);
  for (std::uint32_t i = 0; i < 400; ++i) {
    town.agents.age[i] = static_cast<std::uint8_t>(i < 100 ? 14 : 40);
    town.agents.domains[i] = i >= 300 ? models::kFuelPoor : 0u;
    town.agents.traits[i] = i % 4 == 0 ? models::kMinority : 0;
  }
  town.add("community_hub",
           {{"tie_rate", V{1.0}}, {"target.filter", V{std::vector<std::string>{"!minority"}}}});
  town.add("youth_project", {{"tie_rate", V{1.0}}});
  town.add("warm_space", {{"tie_rate", V{1.0}}, {"relief", V{1.0}}, {"include_lonely", V{false}}});
  town.add("inclusion_campaign", {{"tie_rate", V{1.0}}});
  town.prepare();
  town.step(1);
  for (const auto& e : town.events("tie/youth_project")) CHECK((e.agent < 100 && e.other < 100));
  for (const auto& e : town.events("tie/community_hub"))
    CHECK((e.agent >= 100 && e.other >= 100 && e.agent % 4 && e.other % 4));
  for (const auto& e : town.events("tie/warm_space")) CHECK((e.agent >= 300 && e.other >= 300));
  for (const auto& e : town.events("tie/inclusion_campaign"))
    CHECK((e.agent % 4 == 0 && e.other % 4 != 0));  // minority with majority
  // Every participant tries once; a draw of oneself makes no tie.
  CHECK(town.events("tie/youth_project").size() > 90);
  CHECK(town.events("tie/youth_project").size() <= 100);
  CHECK(town.events("tie/inclusion_campaign").size() == 100);
  for (std::uint32_t i = 300; i < 400; ++i) CHECK(!(town.agents.domains[i] & models::kFuelPoor));
}
