// The shared service machinery: capacity, waiting-list order, uptake, costs, targets, active
// weeks and determinism across thread counts.
#include <tbb/global_control.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "models/interventions/service.hpp"
#include "sim/deterministic_parallel.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::ServiceTown;
using V = sim::ParamValue;

namespace {

std::vector<std::uint32_t> agents_of(const std::vector<sim::Event>& events) {
  std::vector<std::uint32_t> out;
  for (const auto& e : events) out.push_back(e.agent);
  return out;
}

/// `ids` sorted by the service's hash for seed 7, replicate 0.
std::vector<std::uint32_t> by_hash(const models::Service& s, std::vector<std::uint32_t> ids) {
  std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
    return s.order_hash(7, 0, a) < s.order_hash(7, 0, b);
  });
  return ids;
}

}  // namespace

TEST_CASE("Service never exceeds its capacity in any week", "[models][interventions]") {
  ServiceTown town(100);
  for (auto& d : town.agents.domains) d = models::kFoodInsecure;
  auto& bank = town.add<models::Service>("food_bank", {{"capacity", V{std::int64_t{10}}},
                                                       {"relief", V{0.0}},
                                                       {"duration_weeks", V{std::int64_t{3}}}});
  town.prepare();
  for (std::uint32_t t = 1; t <= 40; ++t) {
    town.step(t);
    INFO("week " << t);
    REQUIRE(bank.participants().size() <= 10);
    REQUIRE(town.series("service/food_bank/enrolled") <= 10);
    REQUIRE(town.series("service/food_bank/capacity") == 10);
    REQUIRE(town.series("service/food_bank/enrolled") + town.series("service/food_bank/queue") <=
            100);
    // Full while people wait: 100 people x 3 weeks fill 10 places for 30 weeks.
    if (t <= 30) CHECK(bank.participants().size() == 10);
  }
}

TEST_CASE("first_come admits in order of arrival then hash", "[models][interventions]") {
  ServiceTown town(20);
  auto& svc = town.add<models::Service>("housing_support", {{"capacity", V{std::int64_t{1}}},
                                                            {"queue", V{std::string("first_come")}},
                                                            {"duration_weeks", V{std::int64_t{1}}},
                                                            {"resolve_rate", V{0.0}}});
  town.prepare();
  std::vector<std::uint32_t> early, late, started;
  for (std::uint32_t i = 0; i < 10; ++i)
    town.agents.domains[i] = models::kHousingInsecure, late.push_back(i + 10);
  for (std::uint32_t i = 0; i < 10; ++i) early.push_back(i);
  for (std::uint32_t t = 1; t <= 25; ++t) {
    if (t == 2)  // the homeless arrive later: first come still serves the insecure first
      for (std::uint32_t i = 10; i < 20; ++i) town.agents.domains[i] = models::kHomeless;
    town.step(t);
    for (auto i : agents_of(town.events("intervention/housing_support/start")))
      started.push_back(i);
  }
  auto expected = by_hash(svc, early);
  for (auto i : by_hash(svc, late)) expected.push_back(i);
  CHECK(started == expected);
}

TEST_CASE("need admits higher need first then arrival then hash", "[models][interventions]") {
  ServiceTown town(20);
  auto& svc = town.add<models::Service>("housing_support", {{"capacity", V{std::int64_t{1}}},
                                                            {"queue", V{std::string("need")}},
                                                            {"duration_weeks", V{std::int64_t{1}}},
                                                            {"resolve_rate", V{0.0}}});
  town.prepare();
  std::vector<std::uint32_t> insecure, homeless, started;
  for (std::uint32_t i = 0; i < 10; ++i)
    town.agents.domains[i] = models::kHousingInsecure, insecure.push_back(i);
  for (std::uint32_t t = 1; t <= 25; ++t) {
    if (t == 2)
      for (std::uint32_t i = 10; i < 20; ++i)
        town.agents.domains[i] = models::kHomeless, homeless.push_back(i);
    town.step(t);
    for (auto i : agents_of(town.events("intervention/housing_support/start")))
      started.push_back(i);
  }
  // Week 1 admits the insecure person first by hash; from week 2 the homeless (need 2) go first.
  auto ins = by_hash(svc, insecure);
  std::vector<std::uint32_t> expected{ins.front()};
  for (auto i : by_hash(svc, homeless)) expected.push_back(i);
  expected.insert(expected.end(), ins.begin() + 1, ins.end());
  CHECK(started == expected);
}

TEST_CASE("random queue is a fixed permutation by hash", "[models][interventions]") {
  auto order = [](int threads) {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, threads);
    ServiceTown town(30);
    for (auto& d : town.agents.domains) d = models::kFoodInsecure;
    auto& svc = town.add<models::Service>("food_bank", {{"capacity", V{std::int64_t{1}}},
                                                        {"queue", V{std::string("random")}},
                                                        {"duration_weeks", V{std::int64_t{1}}},
                                                        {"relief", V{0.0}}});
    town.prepare();
    std::vector<std::uint32_t> started;
    for (std::uint32_t t = 1; t <= 30; ++t) {
      town.step(t);
      for (auto i : agents_of(town.events("intervention/food_bank/start"))) started.push_back(i);
    }
    std::vector<std::uint32_t> all(30);
    for (std::uint32_t i = 0; i < 30; ++i) all[i] = i;
    CHECK(started == by_hash(svc, all));
    return started;
  };
  const auto one = order(1);
  CHECK(one == order(2));
  std::vector<std::uint32_t> identity(30);
  for (std::uint32_t i = 0; i < 30; ++i) identity[i] = i;
  CHECK(one != identity);
}

TEST_CASE("uptake share matches the parameter and is asked once per episode",
          "[models][interventions]") {
  const std::size_t n = 20000;
  const double p = 0.3;
  ServiceTown town(n);
  for (auto& d : town.agents.domains) d = models::kFoodInsecure;
  auto& svc = town.add<models::Service>("food_bank", {{"uptake", V{p}}, {"relief", V{0.0}}});
  town.prepare();
  town.step(1);
  const double share = static_cast<double>(town.events("intervention/food_bank/queued").size()) / n;
  CHECK(std::abs(share - p) <= 5 * std::sqrt(p * (1 - p) / n));
  CHECK(svc.participants().size() == town.events("intervention/food_bank/queued").size());
  // Those who declined are not asked again while their episode lasts...
  town.step(2);
  CHECK(town.events("intervention/food_bank/queued").empty());
  // ...but a new episode (eligible again after a break) asks afresh.
  for (auto& d : town.agents.domains) d = 0;
  town.step(3);
  for (auto& d : town.agents.domains) d = models::kFoodInsecure;
  town.step(4);
  const double again = static_cast<double>(town.events("intervention/food_bank/queued").size()) / n;
  CHECK(std::abs(again - p) <= 5 * std::sqrt(p * (1 - p) / n));
}

TEST_CASE("weekly cost follows the cost formula", "[models][interventions]") {
  ServiceTown town(100);
  for (auto& d : town.agents.domains) d = models::kFoodInsecure;
  town.add("food_bank", {{"capacity", V{std::int64_t{10}}},
                         {"relief", V{0.0}},
                         {"duration_weeks", V{std::int64_t{3}}},
                         {"start_week", V{std::int64_t{3}}},
                         {"cost_fixed", V{1000.0}},
                         {"cost_per_week", V{50.0}},
                         {"cost_per_participant", V{20.0}},
                         {"cost_per_participant_week", V{5.0}}});
  town.add("case_management", {{"workers", V{std::int64_t{2}}},
                               {"caseload", V{std::int64_t{4}}},
                               {"resolve_rate", V{0.0}},
                               {"referral_rate", V{0.0}}});
  town.prepare();
  for (std::uint32_t t = 1; t <= 12; ++t) {
    town.step(t);
    INFO("week " << t);
    const double enrolled = town.series("service/food_bank/enrolled");
    const double admitted = town.series("service/food_bank/admitted");
    const double expected =
        t < 3 ? 0.0 : (t == 3 ? 1000.0 : 0.0) + 50 + 20 * admitted + 5 * enrolled;
    CHECK(town.series("service/food_bank/cost") == Approx(expected));
    CHECK(town.series("service/case_management/capacity") == 8);
    CHECK(town.series("service/case_management/cost") ==
          Approx(95.0 * town.series("service/case_management/enrolled")));
  }
}

TEST_CASE("nobody outside the target is ever enrolled", "[models][interventions]") {
  ServiceTown town(300);
  for (std::uint32_t i = 0; i < 300; ++i) {
    town.agents.domains[i] = models::kFoodInsecure;
    town.agents.age[i] = static_cast<std::uint8_t>(20 + i % 70);
    if (i % 3 == 0) town.agents.traits[i] = models::kMinority | models::kHouseholdHead;
    town.agents.tenure[i] = static_cast<std::uint8_t>(i % 3);
  }
  auto& svc = town.add<models::Service>(
      "food_bank", {{"target.neighbourhoods", V{std::vector<std::string>{"B"}}},
                    {"target.filter", V{std::vector<std::string>{"minority", "age>=65"}}},
                    {"relief", V{0.5}},
                    {"capacity", V{std::int64_t{5}}}});
  auto& other = town.add<models::Service>(
      "food_bank",
      {{"name", V{std::string("renters")}},
       {"target.filter", V{std::vector<std::string>{"!owner", "tenure=social_rent"}}}});
  town.prepare();
  std::size_t seen = 0;
  for (std::uint32_t t = 1; t <= 20; ++t) {
    town.step(t);
    for (auto i : svc.participants()) {
      CHECK(town.net.group[i] == 1);
      CHECK((town.agents.traits[i] & models::kMinority));
      CHECK(town.agents.age[i] >= 65);
      ++seen;
    }
    for (auto i : other.participants()) CHECK(town.agents.tenure[i] == 1);
    for (std::uint32_t i = 0; i < 300; ++i) town.agents.domains[i] |= models::kFoodInsecure;
  }
  CHECK(seen > 0);
  CHECK(!other.participants().empty());
}

TEST_CASE("nothing happens before start_week or after end_week", "[models][interventions]") {
  ServiceTown town(200);
  for (auto& d : town.agents.domains) d = models::kFoodInsecure;
  auto& svc = town.add<models::Service>("food_bank", {{"start_week", V{std::int64_t{5}}},
                                                      {"end_week", V{std::int64_t{8}}},
                                                      {"capacity", V{std::int64_t{50}}},
                                                      {"relief", V{0.5}},
                                                      {"cost_per_week", V{10.0}}});
  town.prepare();
  const auto before = town.agents.domains;
  for (std::uint32_t t = 1; t <= 12; ++t) {
    town.step(t);
    INFO("week " << t);
    const bool on = t >= 5 && t <= 8;
    for (const char* s : {"enrolled", "queue", "admitted", "mean_wait_weeks", "cost", "capacity"})
      if (!on) CHECK(town.series(std::string("service/food_bank/") + s) == 0);
    for (const char* s : {"enrolled", "queue", "cost", "capacity"})
      if (on) CHECK(town.series(std::string("service/food_bank/") + s) > 0);
    if (t < 5 || t > 8) {
      CHECK(town.ledger.events().empty());
      CHECK(town.agents.domains == before);
    }
    if (t == 8) {
      CHECK(town.events("intervention/food_bank/end").size() == 50);  // closed: all leave
      CHECK(svc.participants().empty());
    }
    for (auto& d : town.agents.domains) d = models::kFoodInsecure;  // life events bring it back
  }
}

TEST_CASE("services give identical results on 1 and 2 threads", "[models][interventions]") {
  const std::size_t n = 3 * sim::kAgentBlock + 123;
  auto run = [&](int threads) {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, threads);
    ServiceTown town(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      town.agents.domains[i] = static_cast<std::uint16_t>(i * 2654435761u >> 19);
      town.agents.age[i] = static_cast<std::uint8_t>(i % 90);
      town.agents.traits[i] = i % 5 == 0 ? models::kMinority : 0;
    }
    town.add("case_management", {{"capacity", V{std::int64_t{700}}}, {"uptake", V{0.6}}});
    town.add("specialist_referral", {{"capacity", V{std::int64_t{300}}}});
    town.add("social_prescribing", {{"capacity", V{std::int64_t{900}}}});
    town.add("food_bank",
             {{"queue", V{std::string("random")}}, {"capacity", V{std::int64_t{400}}}});
    town.add("inclusion_campaign", {{"capacity", V{std::int64_t{600}}}, {"tie_rate", V{0.5}}});
    town.add("income_maximisation", {{"threshold", V{200.0}}});
    town.prepare();
    std::vector<sim::Event> events;
    std::vector<double> series;
    for (std::uint32_t t = 1; t <= 8; ++t) {
      town.step(t);
      events.insert(events.end(), town.ledger.events().begin(), town.ledger.events().end());
      series.insert(series.end(), town.ledger.values().begin(), town.ledger.values().end());
    }
    town.world->overlay.publish(9, n);
    std::vector<std::uint64_t> ties;
    for (const auto& t : town.world->overlay.ties())
      ties.push_back((std::uint64_t{t.a} << 32) | t.b);
    return std::make_tuple(events, series, town.agents.domains, town.agents.extra_income, ties);
  };
  const auto one = run(1), two = run(2);
  const auto& ev1 = std::get<0>(one);
  const auto& ev2 = std::get<0>(two);
  REQUIRE(ev1.size() == ev2.size());
  CHECK(ev1.size() > 1000);
  bool same = true;
  for (std::size_t k = 0; k < ev1.size(); ++k)
    same &= ev1[k].step == ev2[k].step && ev1[k].agent == ev2[k].agent &&
            ev1[k].other == ev2[k].other && ev1[k].kind == ev2[k].kind &&
            ev1[k].detail == ev2[k].detail;
  CHECK(same);
  CHECK(std::get<1>(one) == std::get<1>(two));
  CHECK(std::get<2>(one) == std::get<2>(two));
  CHECK(std::get<3>(one) == std::get<3>(two));
  CHECK(std::get<4>(one) == std::get<4>(two));
  CHECK(!std::get<4>(one).empty());
}

TEST_CASE("a service aimed at named people or households enrols only them",
          "[models][interventions]") {
  ServiceTown town(60);
  // Households of three consecutive people, as the population puts them.
  town.world->household_start.clear();
  for (std::uint32_t i = 0; i < 60; ++i) {
    town.agents.household[i] = i / 3;
    if (i % 3 == 0) town.world->household_start.push_back(i);
  }
  town.world->household_start.push_back(60);
  using Ids = std::vector<double>;
  // A community hub takes every adult who comes: only the target limits it.
  auto& person = town.add<models::Service>("community_hub", {{"target.people", V{Ids{7}}}});
  auto& household = town.add<models::Service>(
      "community_hub", {{"name", V{std::string("home")}}, {"target.households", V{Ids{4}}}});
  auto& both = town.add<models::Service>(
      "community_hub", {{"name", V{std::string("both")}},
                        {"target.people", V{Ids{40}}},
                        {"target.households", V{Ids{0}}},
                        {"target.neighbourhoods", V{std::vector<std::string>{"A"}}}});
  auto& everyone = town.add<models::Service>("community_hub", {{"name", V{std::string("all")}}});
  town.prepare();
  town.step(1);
  auto sorted = [](std::vector<std::uint32_t> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(sorted(person.participants()) == std::vector<std::uint32_t>{7});
  CHECK(sorted(household.participants()) == std::vector<std::uint32_t>{12, 13, 14});
  // Person 40 lives in neighbourhood C: the neighbourhood still has to hold.
  CHECK(sorted(both.participants()) == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(everyone.participants().size() == 60);
}
