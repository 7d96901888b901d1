// Common random numbers (DESIGN invariant 2): a baseline and a policy run of the same scenario
// and seed are bit-identical until the policy starts, and people the policy cannot reach through
// any tie stay bit-identical after it starts.
#include <catch2/catch.hpp>

#include "tests/models/system/paired_runs.hpp"
#include "tests/test_support.hpp"
#include "tests/town_toml.hpp"

using namespace wellsim;

namespace {

const std::string kCrnTown = test::town_toml(99, 40, {"North", "South", "East"}, {1200, 1000, 800});

const std::string kPolicy =
    test::intervention("food_bank", "food_bank", {{"start_week", "20"}, {"capacity", "40"}}) +
    test::intervention("social_prescribing", "link_workers",
                       {{"start_week", "20"},
                        {"capacity", "40"},
                        {"target", "{ neighbourhoods = [\"North\"] }"}}) +
    test::intervention("benefit_change", "uplift", {{"start_week", "20"}, {"level", "1.2"}});

}  // namespace

TEST_CASE("a policy run equals its baseline bit for bit until the policy starts",
          "[models][system]") {
  const auto base = test::run_scenario_text(kCrnTown);
  const auto policy = test::run_scenario_text(kCrnTown + kPolicy);
  REQUIRE(base.wellbeing.size() == 41);
  REQUIRE(policy.wellbeing.size() == 41);
  for (std::size_t s = 0; s < 20; ++s) {  // states after weeks 0..19
    INFO("week " << s);
    CHECK(base.wellbeing[s] == policy.wellbeing[s]);
    CHECK(base.domains[s] == policy.domains[s]);
  }
  // ...and the policy does change things once it runs.
  CHECK(base.wellbeing[40] != policy.wellbeing[40]);
  CHECK_FALSE(policy.agents_with("intervention/food_bank/start").empty());
}

TEST_CASE("people a policy cannot reach stay bit-identical to their baseline selves",
          "[models][system]") {
  // 38 villages with no ties between them: a service in village 1 cannot reach the others.
  const std::string villages = test::karnataka_villages(2013, 30);
  if (villages.empty()) {
    WARN("shared data absent: skipped");
    return;
  }
  const std::string village_1 = "{ neighbourhoods = [\"village 1\"] }";
  const std::string service =
      test::intervention("community_hub", "hub",
                         {{"start_week", "5"}, {"capacity", "60"}, {"target", village_1}}) +
      test::intervention("income_maximisation", "advice",
                         {{"start_week", "5"}, {"capacity", "30"}, {"target", village_1}});
  const auto base = test::run_scenario_text(villages);
  const auto policy = test::run_scenario_text(villages + service);
  auto recipients = policy.agents_with("intervention/hub/start");
  const auto advised = policy.agents_with("intervention/advice/start");
  recipients.insert(recipients.end(), advised.begin(), advised.end());
  REQUIRE_FALSE(recipients.empty());
  // Reachable over frozen ties and the hub's own ties (which join only its participants).
  const test::Reach reach = test::compare_unreachable(base, policy, recipients);
  CHECK(reach.first_difference == "");
  CHECK(reach.unreachable > 30000);    // every other village
  CHECK(reach.reached_changed > 100);  // the policy did something where it could
}
