// Tests of neighbour_mediation (mirrors models/interventions/micro/neighbour_mediation): one
// place per household, the resolution rate, capacity and the waiting list, and bad input.
#include <catch2/catch.hpp>

#include <algorithm>

#include "models/assemble_community.hpp"
#include "models/interventions/service.hpp"
#include "models/scenario_schema.hpp"
#include "sim/scenario.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using Catch::Matchers::Contains;
using test::near_rate;
using test::ServiceTown;
using V = sim::ParamValue;

namespace {

/// Households of three: two adults (members 0, 1) and a child of 12 (2), every member in
/// trouble with the neighbours.
void make_disputing_households(ServiceTown& town) {
  auto& a = town.agents;
  test::make_households(town, 3, [&](std::size_t i, std::size_t k) {
    a.age[i] = k == 2 ? 12 : 45;
    a.activity[i] =
        static_cast<std::uint8_t>(k == 2 ? models::Activity::Child : models::Activity::Employed);
    a.domains[i] = models::kNeighbourConflict;
  });
}

}  // namespace

TEST_CASE("neighbour_mediation takes one adult per household and resolves at its rate",
          "[models][interventions]") {
  const std::size_t n = 9000;
  ServiceTown town(n);
  make_disputing_households(town);
  auto& svc = town.add<models::Service>("neighbour_mediation", {{"resolution_rate", V{0.3}}});
  town.prepare();
  town.step(1);
  // One place per household, its first adult; the others keep it until the household's step.
  const std::size_t resolved =
      test::first_week_resolved(town, svc.participants(), 3, models::kNeighbourConflict);
  CHECK(near_rate(static_cast<double>(resolved) / (n / 3), 0.3, n / 3));
  CHECK(town.events("intervention/neighbour_mediation/resolved").size() == resolved);
}

TEST_CASE("neighbour_mediation keeps to its capacity, queues the rest and charges per case",
          "[models][interventions]") {
  const std::size_t n = 3000;  // 1000 households for 20 places
  ServiceTown town(n);
  make_disputing_households(town);
  auto& svc =
      town.add<models::Service>("neighbour_mediation", {{"resolution_rate", V{0.0}},
                                                        {"capacity", V{std::int64_t{20}}},
                                                        {"queue", V{std::string("first_come")}},
                                                        {"case_weeks", V{std::int64_t{4}}},
                                                        {"cost_per_participant", V{400.0}}});
  town.prepare();
  town.step(1);
  CHECK(svc.participants().size() == 20);
  CHECK(town.series("service/neighbour_mediation/queue") == n / 3 - 20);
  CHECK(town.series("service/neighbour_mediation/cost") == 20 * 400.0);
  const auto first = svc.participants();
  for (std::uint32_t t = 2; t <= 5; ++t) town.step(t);
  CHECK(svc.participants().size() == 20);  // the first cases closed after 4 weeks, 20 new
  for (std::uint32_t i : svc.participants())
    CHECK(std::find(first.begin(), first.end(), i) == first.end());
  CHECK(town.series("service/neighbour_mediation/mean_wait_weeks") == 4);
}

TEST_CASE("neighbour_mediation refuses bad input in one line naming the key",
          "[models][interventions]") {
  const std::string on = "[run]\nmodel = \"town\"\n[neighbours]\nenabled = true\n";
  const std::string mediation = "[[intervention]]\ntype = \"neighbour_mediation\"\n";
  // (scenario, what the one line must say): a bad value, an unknown key (another service's
  // key), a bad [neighbours] value, and mediation without the domain it acts on.
  const std::pair<std::string, std::string> cases[] = {
      {on + mediation + "resolution_rate = 2\n",
       "town.toml:7: intervention[1].resolution_rate: expected a number in [0, 1]"},
      {on + mediation + "case_weeks = 0\n", "intervention[1].case_weeks"},
      {on + mediation + "recovery_rate = 0.1\n", "intervention[1].recovery_rate"},
      {"[run]\nmodel = \"town\"\n[neighbours]\nshare = 1.5\n", "town.toml:4: neighbours.share"},
      {"[run]\nmodel = \"town\"\n" + mediation,
       "town.toml:3: intervention[1].type: 'neighbour_mediation' acts on trouble with neighbours, "
       "which needs [neighbours] enabled = true"},
  };
  for (const auto& [text, expected] : cases) {
    const std::string error = test::community_error(text);
    INFO(text);
    CHECK_THAT(error, Contains(expected));
    CHECK(error.find('\n') == std::string::npos);
  }
}
