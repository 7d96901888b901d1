// Tests of family_support and relationship_counselling (mirrors models/interventions/micro/
// family_service, family_support, relationship_counselling): one place per couple, abuse
// screening, the resolution rate, capacity and the waiting list, and bad input.
#include <catch2/catch.hpp>

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

/// Households of four: two partners (members 0, 1) and two children of 8 (2, 3), every member
/// with relationship distress. `with_children(h)` false makes 2 and 3 unpartnered adults of 40.
void make_families(ServiceTown& town, const std::function<bool(std::size_t)>& with_children) {
  auto& a = town.agents;
  test::make_households(town, 4, [&](std::size_t i, std::size_t k) {
    const bool child = k >= 2 && with_children(i / 4);
    a.age[i] = child ? 8 : 40;
    a.activity[i] =
        static_cast<std::uint8_t>(child ? models::Activity::Child : models::Activity::Employed);
    a.traits[i] = k < 2 ? models::kPartnered : 0;
    if (k == 0) a.traits[i] |= models::kHouseholdHead;
    a.domains[i] = models::kRelationshipDistress;
  });
}

}  // namespace

TEST_CASE("relationship_counselling takes one partner per couple and resolves at its rate",
          "[models][interventions]") {
  const std::size_t n = 8000;
  ServiceTown town(n);
  make_families(town, [](std::size_t) { return true; });
  auto& svc = town.add<models::Service>("relationship_counselling", {{"recovery_rate", V{0.3}}});
  town.prepare();
  town.step(1);
  // One place per couple, the first partner; partner and children keep it until the family's
  // own step next week.
  const std::size_t resolved =
      test::first_week_resolved(town, svc.participants(), 4, models::kRelationshipDistress);
  CHECK(near_rate(static_cast<double>(resolved) / (n / 4), 0.3, n / 4));
  CHECK(town.events("intervention/relationship_counselling/resolved").size() == resolved);
}

TEST_CASE("family services screen out domestic abuse and family_support needs a child",
          "[models][interventions]") {
  const std::size_t n = 4000;
  ServiceTown town(n);
  make_families(town, [](std::size_t h) { return h % 3 != 0; });  // every third: no children
  for (std::size_t i = 0; i < n; i += 4)
    if ((i / 4) % 2 == 1) town.agents.domains[i + 1] |= models::kDomesticAbuse;  // the partner
  auto& parenting = town.add<models::Service>("family_support", {{"recovery_rate", V{0.0}}});
  auto& counselling =
      town.add<models::Service>("relationship_counselling", {{"recovery_rate", V{0.0}}});
  town.prepare();
  town.step(1);
  std::size_t expect_parenting = 0, expect_counselling = 0;
  for (std::size_t h = 0; h < n / 4; ++h) {
    const bool abuse = h % 2 == 1, children = h % 3 != 0;
    expect_counselling += !abuse;
    expect_parenting += !abuse && children;
  }
  REQUIRE(counselling.participants().size() == expect_counselling);
  REQUIRE(parenting.participants().size() == expect_parenting);
  for (std::uint32_t i : parenting.participants()) {
    const std::size_t h = i / 4;
    CHECK(h % 2 == 0);
    CHECK(h % 3 != 0);
  }
}

TEST_CASE("family services keep to their capacity and take the waiting list in turn",
          "[models][interventions]") {
  const std::size_t n = 4000;  // 1000 couples for 50 places
  ServiceTown town(n);
  make_families(town, [](std::size_t) { return true; });
  auto& svc = town.add<models::Service>("family_support", {{"recovery_rate", V{0.0}},
                                                           {"capacity", V{std::int64_t{50}}},
                                                           {"queue", V{std::string("first_come")}},
                                                           {"course_weeks", V{std::int64_t{3}}}});
  town.prepare();
  std::vector<std::uint32_t> first;
  for (std::uint32_t t = 1; t <= 9; ++t) {
    town.step(t);
    INFO("week " << t);
    CHECK(svc.participants().size() == 50);
    CHECK(town.series("service/family_support/enrolled") == 50);
    CHECK(town.series("service/family_support/capacity") == 50);
    CHECK(svc.participants().size() + svc.waiting().size() <= n / 4);
    if (t == 1) {
      first = svc.participants();
      CHECK(town.series("service/family_support/queue") == n / 4 - 50);
    }
    if (t == 4) {  // the first course is over: 50 new families from the list
      for (std::uint32_t i : svc.participants())
        CHECK(std::find(first.begin(), first.end(), i) == first.end());
      CHECK(town.series("service/family_support/mean_wait_weeks") == 3);
    }
  }
}

TEST_CASE("family services refuse bad input in one line naming the key",
          "[models][interventions]") {
  const std::string town = "[run]\nmodel = \"town\"\n[family]\nenabled = true\n";
  CHECK_THAT(test::community_error(town + "[[intervention]]\ntype = \"relationship_counselling\"\n"
                                          "recovery_rate = 2\n"),
             Contains("town.toml:7: intervention[1].recovery_rate: expected a number in [0, 1]"));
  CHECK_THAT(test::community_error(town + "[[intervention]]\ntype = \"family_support\"\n"
                                          "course_weeks = 0\n"),
             Contains("intervention[1].course_weeks"));
  CHECK_THAT(test::community_error("[run]\nmodel = \"town\"\n[family]\ndistress_share = 1.5\n"),
             Contains("town.toml:4: family.distress_share"));
  const std::string off = test::community_error(
      "[run]\nmodel = \"town\"\n[[intervention]]\ntype = \"family_support\"\n");
  CHECK_THAT(off, Contains("town.toml:3: intervention[1].type: 'family_support'"));
  CHECK_THAT(off, Contains("[family] enabled = true"));
  CHECK(off.find('\n') == std::string::npos);
}
