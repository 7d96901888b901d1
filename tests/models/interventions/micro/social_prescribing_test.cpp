// Tests of social_prescribing (mirrors models/interventions/micro/social_prescribing).
#include <catch2/catch.hpp>

#include "models/interventions/service.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

TEST_CASE("social_prescribing ties appear after publish", "[models][interventions]") {
  ServiceTown town(300);
  for (std::uint32_t i = 0; i < 300; ++i) town.agents.domains[i] = i < 150 ? models::kLonely : 0;
  auto& peers = town.add<models::Service>("social_prescribing",
                                          {{"tie_rate", V{1.0}}, {"peer_share", V{1.0}}});
  auto& local = town.add<models::Service>(
      "social_prescribing",
      {{"name", V{std::string("local")}}, {"tie_rate", V{1.0}}, {"peer_share", V{0.0}}});
  town.prepare();
  town.step(1);
  CHECK(town.world->overlay.ties().empty());  // added in week 1, visible from week 2
  const auto made = town.events("tie/social_prescribing");
  const auto made_local = town.events("tie/local");
  CHECK(made.size() > 100);
  for (const auto& e : made) CHECK(e.other < 150);  // another participant
  for (const auto& e : made_local) CHECK(town.net.group[e.other] == town.net.group[e.agent]);
  town.world->overlay.publish(2, 300);
  CHECK(!town.world->overlay.ties().empty());
  for (const auto& e : made) {
    const auto nb = town.world->overlay.neighbours_of(e.agent);
    CHECK(std::find(nb.begin(), nb.end(), e.other) != nb.end());
  }
  CHECK(peers.participants().size() == 150);
  CHECK(local.participants().size() == 150);
}
