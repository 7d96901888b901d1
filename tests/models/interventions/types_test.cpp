// Each intervention type's effect, the registry, and bad-input messages.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "models/interventions/macro/macro_policy.hpp"
#include "models/interventions/micro/income_maximisation.hpp"
#include "models/interventions/service.hpp"
#include "sim/errors.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

namespace {

/// |share - p| within 5 standard errors of a binomial share over n.
bool near_rate(double share, double p, std::size_t n) {
  return std::abs(share - p) <= 5 * std::sqrt(p * (1 - p) / static_cast<double>(n));
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const sim::InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("registry declares every type once with its keys", "[models][interventions]") {
  std::set<std::string> names;
  for (const auto& t : models::intervention_types()) {
    CHECK(names.insert(t.name).second);
    CHECK(!t.help.empty());
    for (const auto& p : t.params) {
      CHECK(p.fallback.has_value());
      CHECK(!sim::find_spec(models::intervention_common_params(), p.name));
    }
    ServiceTown town(30);
    town.add(t.name);  // builds from defaults
    town.prepare();
    town.step(1);
  }
  CHECK(names.size() == 18);
  const auto* type = sim::find_spec(models::intervention_common_params(), "type");
  REQUIRE(type);
  CHECK(!type->fallback);
  CHECK(type->choices.size() == 18);
}

TEST_CASE("food_bank relief clears food insecurity at its rate", "[models][interventions]") {
  const std::size_t n = 5000;
  ServiceTown town(n);
  for (auto& d : town.agents.domains) d = sim::kFoodInsecure;
  for (std::uint32_t i = 0; i < n; ++i)  // households of three: one head, two others
    town.agents.traits[i] = i % 3 == 0 ? sim::kHouseholdHead : 0;
  town.add("food_bank", {{"relief", V{0.7}}});
  town.prepare();
  town.step(1);
  // A parcel feeds a household: only heads take places, and only their bit is cleared here (life
  // events then clear it for the household).
  std::size_t cleared = 0, heads = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const bool head = town.agents.traits[i] & sim::kHouseholdHead;
    heads += head;
    const bool relieved = !(town.agents.domains[i] & sim::kFoodInsecure);
    if (!head) CHECK_FALSE(relieved);
    cleared += relieved;
  }
  REQUIRE(heads > 500);
  CHECK(near_rate(static_cast<double>(cleared) / heads, 0.7, heads));
  CHECK(town.events("intervention/food_bank/relief").size() == cleared);
}

TEST_CASE("case_management resolves problems and refers onward", "[models][interventions]") {
  const std::size_t n = 5000;
  ServiceTown town(n);
  for (auto& d : town.agents.domains) d = sim::kHomeless | sim::kMentalIll;
  town.add("case_management", {{"resolve_rate", V{0.4}}, {"referral_rate", V{0.3}}});
  town.prepare();
  town.step(1);
  std::size_t rehoused = 0, treated = 0, referred = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto d = town.agents.domains[i];
    if (!(d & sim::kHomeless)) {
      ++rehoused;
      CHECK((d & sim::kHousingInsecure));  // homeless becomes insecure, not secure
    }
    treated += !(d & sim::kMentalIll);
    referred += (town.world->referral[i] & models::kReferMentalHealth) != 0;
  }
  CHECK(near_rate(static_cast<double>(rehoused + treated) / n, 0.4, n));
  CHECK(near_rate(static_cast<double>(rehoused) / n, 0.2, n));
  CHECK(near_rate(static_cast<double>(referred) / n, 0.3, n));
}

TEST_CASE("specialist_referral takes referrals and treats at its rate", "[models][interventions]") {
  const std::size_t n = 4000;
  ServiceTown town(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    town.agents.domains[i] = sim::kMentalIll;
    town.world->referral[i] = i < n / 2 ? models::kReferMentalHealth : 0;
  }
  auto& svc = town.add<models::Service>(
      "specialist_referral", {{"self_referral", V{0.0}}, {"recovery_rate", V{0.5}}});
  town.prepare();
  town.step(1);
  CHECK(svc.participants().size() == n / 2);  // only the referred joined
  std::size_t recovered = 0;
  for (std::uint32_t i = 0; i < n / 2; ++i) {
    CHECK(town.world->referral[i] == 0);  // the referral was taken
    recovered += !(town.agents.domains[i] & sim::kMentalIll);
  }
  for (std::uint32_t i = n / 2; i < n; ++i) CHECK((town.agents.domains[i] & sim::kMentalIll));
  CHECK(near_rate(static_cast<double>(recovered) / (n / 2), 0.5, n / 2));
}

TEST_CASE("housing_support moves people one step at a time", "[models][interventions]") {
  ServiceTown town(2000);
  for (std::uint32_t i = 0; i < 2000; ++i)
    town.agents.domains[i] = i % 2 ? sim::kHomeless : sim::kHousingInsecure;
  town.add("housing_support", {{"resolve_rate", V{1.0}}});
  town.prepare();
  town.step(1);
  for (std::uint32_t i = 0; i < 2000; ++i)
    CHECK(town.agents.domains[i] == (i % 2 ? sim::kHousingInsecure : 0));
}

TEST_CASE("case work referrals go first in housing and debt queues and are cleared",
          "[models][interventions]") {
  for (const char* type : {"housing_support", "income_maximisation"}) {
    INFO(type);
    const bool housing = std::string(type) == "housing_support";
    ServiceTown town(100);
    for (auto& d : town.agents.domains) d = housing ? sim::kHousingInsecure : sim::kFinancialStrain;
    const std::uint8_t bit = housing ? models::kReferHousing : models::kReferDebt;
    auto& svc = town.add<models::Service>(type, {{"capacity", V{std::int64_t{3}}}});
    town.prepare();
    for (std::uint32_t i : {97u, 42u, 70u}) town.world->referral[i] = bit;
    town.step(1);
    auto in = svc.participants();
    std::sort(in.begin(), in.end());
    CHECK(in == std::vector<std::uint32_t>{42, 70, 97});  // the referred, not the first three
    for (std::uint32_t i : {97u, 42u, 70u}) CHECK(town.world->referral[i] == 0);
  }
}

TEST_CASE("income_maximisation adds its gain and removes it when it ends",
          "[models][interventions]") {
  ServiceTown town(1000);
  for (auto& d : town.agents.domains) d = sim::kFinancialStrain;
  for (auto& x : town.agents.extra_income) x = 5.f;  // another intervention's share
  auto& svc = town.add<models::IncomeMaximisation>(
      "income_maximisation", {{"success_rate", V{0.5}}, {"weekly_gain", V{30.0}},
                              {"gain_weeks", V{std::int64_t{4}}}, {"debt_relief", V{0.0}},
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

TEST_CASE("social_prescribing ties appear after publish", "[models][interventions]") {
  ServiceTown town(300);
  for (std::uint32_t i = 0; i < 300; ++i) town.agents.domains[i] = i < 150 ? sim::kLonely : 0;
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

TEST_CASE("community programmes make ties among participants", "[models][interventions]") {
  ServiceTown town(400);
  for (std::uint32_t i = 0; i < 400; ++i) {
    town.agents.age[i] = static_cast<std::uint8_t>(i < 100 ? 14 : 40);
    town.agents.domains[i] = i >= 300 ? sim::kFuelPoor : 0;
    town.agents.traits[i] = i % 4 == 0 ? sim::kMinority : 0;
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
  for (std::uint32_t i = 300; i < 400; ++i) CHECK(!(town.agents.domains[i] & sim::kFuelPoor));
}

TEST_CASE("local_service_capacity treats at its rate", "[models][interventions]") {
  const std::size_t n = 4000;
  ServiceTown town(n);
  for (auto& d : town.agents.domains) d = sim::kMentalIll | sim::kSubstanceMisuse;
  town.add("local_service_capacity", {{"condition", V{std::string("substance_use")}},
                                      {"recovery_rate", V{0.3}}});
  town.prepare();
  town.step(1);
  std::size_t recovered = 0;
  for (auto d : town.agents.domains) {
    recovered += !(d & sim::kSubstanceMisuse);
    CHECK((d & sim::kMentalIll));
  }
  CHECK(near_rate(static_cast<double>(recovered) / n, 0.3, n));
}

TEST_CASE("youth_project and inclusion_campaign act locally while active",
          "[models][interventions]") {
  ServiceTown town(60);
  town.add("youth_project", {{"target.neighbourhoods", V{std::vector<std::string>{"B"}}},
                             {"start_week", V{std::int64_t{3}}}, {"end_week", V{std::int64_t{5}}},
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
      town.agents.traits[i] = i % 3 == 0 ? sim::kHouseholdHead : 0;
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

TEST_CASE("macro policies change the week's environment and ramp in", "[models][interventions]") {
  ServiceTown town(10);
  auto& shock = town.add<models::MacroPolicy>(
      "price_shock", {{"energy", V{1.8}}, {"ramp_weeks", V{std::int64_t{4}}},
                      {"start_week", V{std::int64_t{2}}}, {"cost_per_week", V{7.0}}});
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

TEST_CASE("service_funding scales the capacity of services", "[models][interventions]") {
  ServiceTown town(100);
  for (auto& d : town.agents.domains) d = sim::kFoodInsecure | sim::kFinancialStrain;
  town.add("service_funding",
           {{"micro", V{0.5}}, {"meso", V{1.5}}, {"start_week", V{std::int64_t{3}}}});
  auto& cm = town.add<models::Service>("case_management",
                                       {{"capacity", V{std::int64_t{11}}}, {"resolve_rate", V{0.0}},
                                        {"referral_rate", V{0.0}}});
  town.add("food_bank", {{"capacity", V{std::int64_t{10}}}, {"relief", V{0.0}}});
  town.prepare();
  for (std::uint32_t t = 1; t <= 4; ++t) {
    town.step(t);
    INFO("week " << t);
    CHECK(town.series("service/case_management/capacity") == (t < 3 ? 11 : 5));
    CHECK(town.series("service/food_bank/capacity") == (t < 3 ? 10 : 15));
    CHECK(cm.participants().size() <= (t < 3 ? 11u : 5u));
    if (t == 3) {  // the cut withdrew the six latest places
      const auto ends = town.events("intervention/case_management/end");
      CHECK(ends.size() == 6);
      for (const auto& e : ends) CHECK(e.detail == 2);
    }
  }
}

TEST_CASE("bad intervention input names file, line, key and the fix", "[models][interventions]") {
  ServiceTown town(30);
  CHECK(message_of([&] {
          town.add("food_bank", {{"target.neighbourhoods", V{std::vector<std::string>{"B", "X"}}}});
        }) == "town.toml:10: intervention[1].target.neighbourhoods: unknown neighbourhood 'X'; "
              "known: A, B, C");
  const std::string filter = message_of(
      [&] { town.add("food_bank", {{"target.filter", V{std::vector<std::string>{"rich"}}}}); });
  CHECK_THAT(filter, Catch::StartsWith("town.toml:15: intervention[2].target.filter: unknown "
                                       "condition 'rich'; expected one of unemployed, employed"));
  CHECK_THAT(filter, Catch::Contains("age>=N"));
  CHECK_THAT(message_of([&] {
               town.add("food_bank", {{"target.filter", V{std::vector<std::string>{"age>=x"}}}});
             }),
             Catch::Contains("unknown condition 'age>=x'"));

  auto e = [](const std::string& type, std::map<std::string, V> keys, long line) {
    return ServiceTown::entry(type, keys, line);
  };
  CHECK(message_of([&] {
          models::check_interventions({e("food_bank", {}, 3), e("food_bank", {}, 9)}, "s.toml");
        }) == "s.toml:9: intervention[2].name: duplicate intervention name 'food_bank' (also "
              "intervention[1] at s.toml:3); give each a distinct `name`");
  CHECK(message_of([&] {
          models::check_interventions(
              {e("food_bank", {}, 3),
               e("case_management", {{"name", V{std::string("food_bank")}}}, 8)},
              "s.toml");
        }) ==
        "s.toml:8: intervention[2].name: duplicate intervention name 'food_bank' (also "
        "intervention[1] at s.toml:3); give each a distinct `name`");
  CHECK(message_of([&] {
          models::check_interventions(
              {e("food_bank",
                 {{"start_week", V{std::int64_t{10}}}, {"end_week", V{std::int64_t{4}}}}, 5)},
              "s.toml");
        }) == "s.toml:5: intervention[1].end_week: expected a week >= start_week (10), found 4");
  CHECK_THAT(
      message_of([&] {
        models::check_interventions(
            {e("food_bank", {{"target.filter", V{std::vector<std::string>{"tenure=castle"}}}}, 4)},
            "s.toml");
      }),
      Catch::StartsWith("s.toml:4: intervention[1].target.filter: unknown condition "
                        "'tenure=castle'"));
  CHECK(message_of([&] {
          models::check_interventions({e("price_shock", {{"capacity", V{std::int64_t{5}}}}, 2)},
                                      "s.toml");
        }) == "s.toml:2: intervention[1].capacity: expected 0 for the macro policy 'price_shock' "
              "(it has no participants), found 5");
  CHECK(message_of([&] {
          models::check_interventions(
              {e("legislation", {{"target.neighbourhoods", V{std::vector<std::string>{"A"}}}}, 2)},
              "s.toml");
        }) == "s.toml:2: intervention[1].target.neighbourhoods: expected no target for the macro "
              "policy 'legislation' (it acts nationally), found [\"A\"]");
  // Distinct names pass.
  CHECK(message_of([&] {
          models::check_interventions(
              {e("food_bank", {}, 3), e("food_bank", {{"name", V{std::string("second")}}}, 9)},
              "s.toml");
        }) == "(no error)");
}
