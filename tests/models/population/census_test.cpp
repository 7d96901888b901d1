#include <tbb/global_control.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "models/population/census.hpp"
#include "sim/errors.hpp"
#include "tests/models/population/population_fixture.hpp"

using namespace wellsim;

namespace {

const std::vector<std::string> kNames{"A", "B", "C", "D", "E"};

sim::ParamSet params(std::initializer_list<std::pair<std::string, sim::ParamValue>> values = {}) {
  sim::ParamSet p = test::defaults(models::census_params(), {});
  p.set("neighbourhoods", kNames);
  p.set("sizes", std::vector<double>{10000, 10000, 10000, 10000, 10000});
  for (const auto& [k, v] : values) p.set(k, v);
  return p;
}

const models::People& town50k() {
  static const models::People people = models::synthesise_census(params(), 7, 0);
  return people;
}

bool is(const models::People& p, std::size_t i, models::Activity a) {
  return p.activity[i] == static_cast<std::uint8_t>(a);
}

void require_near(const test::ClusteredShare& s, double target) {
  INFO("share " << s.share << " target " << target << " se " << s.se);
  REQUIRE(s.se > 0);
  REQUIRE(std::abs(s.share - target) < 5 * s.se);
}

}  // namespace

TEST_CASE("census people are household-contiguous with one adult head each",
          "[models][population]") {
  const auto& p = town50k();
  REQUIRE(p.size() == 50000);
  REQUIRE(p.neighbourhood_names == kNames);
  REQUIRE(std::is_sorted(p.household.begin(), p.household.end()));
  REQUIRE(std::is_sorted(p.neighbourhood.begin(), p.neighbourhood.end()));
  for (std::int32_t g = 0; g < 5; ++g)
    REQUIRE(std::count(p.neighbourhood.begin(), p.neighbourhood.end(), g) == 10000);
  const auto start = p.household_starts();
  for (std::size_t h = 0; h + 1 < start.size(); ++h) {
    REQUIRE(start[h] < start[h + 1]);  // consecutive ids, no empty household
    int heads = 0, partnered = 0;
    for (std::size_t i = start[h]; i < start[h + 1]; ++i) {
      REQUIRE(p.household[i] == h);
      REQUIRE(p.neighbourhood[i] == p.neighbourhood[start[h]]);
      REQUIRE(p.original_id[i] == static_cast<std::int64_t>(i));
      heads += (p.traits[i] & models::kHouseholdHead) != 0;
      partnered += (p.traits[i] & models::kPartnered) != 0;
      REQUIRE(p.tenure[i] == p.tenure[start[h]]);
      REQUIRE((p.traits[i] & models::kMinority) == (p.traits[start[h]] & models::kMinority));
      REQUIRE((p.age[i] < 16) == is(p, i, models::Activity::Child));
      if (i > start[h]) REQUIRE(p.housing_cost[i] == 0.f);
    }
    REQUIRE(heads == 1);
    REQUIRE((p.traits[start[h]] & models::kHouseholdHead));
    REQUIRE(p.age[start[h]] >= 18);
    REQUIRE((partnered == 0 || partnered == 2));
  }
}

TEST_CASE("census household sizes follow the configured shares", "[models][population]") {
  const auto& p = town50k();
  const auto start = p.household_starts();
  const std::vector<double> shares{0.30, 0.33, 0.16, 0.13, 0.05, 0.03};
  std::vector<double> count(6, 0.0);
  double households = 0;
  for (std::size_t h = 0; h + 1 < start.size(); ++h) {
    // The last household of each neighbourhood is cut to fit its size: leave it out.
    if (start[h + 1] == p.size() || p.neighbourhood[start[h + 1]] != p.neighbourhood[start[h]])
      continue;
    count[start[h + 1] - start[h] - 1] += 1, households += 1;
  }
  for (std::size_t k = 0; k < 6; ++k) {
    const double se = std::sqrt(shares[k] * (1 - shares[k]) / households);
    INFO("size " << k + 1 << " share " << count[k] / households);
    REQUIRE(std::abs(count[k] / households - shares[k]) < 5 * se);
  }
}

TEST_CASE("census age bands hit the under-15 and 65+ shares", "[models][population]") {
  const auto& p = town50k();
  auto all = [](std::size_t) { return true; };
  require_near(test::clustered_share(
                   p, [&](std::size_t i) { return p.age[i] < 15; }, all),
               0.17);
  require_near(test::clustered_share(
                   p, [&](std::size_t i) { return p.age[i] >= 65; }, all),
               0.19);
  REQUIRE(*std::max_element(p.age.begin(), p.age.end()) <= 100);
}

TEST_CASE("census employment and unemployment rates match the configuration",
          "[models][population]") {
  const auto& p = town50k();
  auto working_age = [&](std::size_t i) { return p.age[i] >= 16 && p.age[i] <= 64; };
  require_near(
      test::clustered_share(
          p, [&](std::size_t i) { return is(p, i, models::Activity::Employed); }, working_age),
      0.748);
  auto active = [&](std::size_t i) {
    return working_age(i) &&
           (is(p, i, models::Activity::Employed) || is(p, i, models::Activity::Unemployed));
  };
  require_near(
      test::clustered_share(
          p, [&](std::size_t i) { return is(p, i, models::Activity::Unemployed); }, active),
      0.043);
  // Most people over 66 are retired; everyone of working age has a potential wage.
  auto older = [&](std::size_t i) { return p.age[i] >= 66; };
  REQUIRE(test::clustered_share(
              p, [&](std::size_t i) { return is(p, i, models::Activity::Retired); }, older)
              .share > 0.85);
  for (std::size_t i = 0; i < p.size(); ++i)
    if (working_age(i)) REQUIRE(p.wage[i] > 0);
}

TEST_CASE("census pay has the configured median at prime age", "[models][population]") {
  const auto& p = town50k();
  std::vector<double> logs;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (p.age[i] >= 30 && p.age[i] < 60) logs.push_back(std::log(p.wage[i]));
  std::nth_element(logs.begin(), logs.begin() + logs.size() / 2, logs.end());
  // Prime-age pay weight is 1.05; the SE of a normal sample's median is 1.2533 sigma / sqrt(n).
  const double se = 1.2533 * 0.6 / std::sqrt(static_cast<double>(logs.size()));
  REQUIRE(std::abs(logs[logs.size() / 2] - std::log(640 * 1.05)) < 5 * se);
}

TEST_CASE("census tenure and minority shares match the configuration", "[models][population]") {
  const auto& p = town50k();
  const auto start = p.household_starts();
  const double households = static_cast<double>(start.size() - 1);
  const std::vector<double> shares{0.626, 0.171, 0.203};
  std::vector<double> count(3, 0.0);
  double owners = 0, outright = 0, renter_costs = 0;
  for (std::size_t h = 0; h + 1 < start.size(); ++h) {
    count[p.tenure[start[h]]] += 1;
    if (p.tenure[start[h]] == 0)
      owners += 1, outright += p.housing_cost[start[h]] == 0.f;
    else
      renter_costs += p.housing_cost[start[h]] > 0.f;
  }
  for (std::size_t t = 0; t < 3; ++t)
    REQUIRE(std::abs(count[t] / households - shares[t]) <
            5 * std::sqrt(shares[t] * (1 - shares[t]) / households));
  REQUIRE(std::abs(outright / owners - 0.52) < 5 * std::sqrt(0.52 * 0.48 / owners));
  REQUIRE(renter_costs == households - owners);
  auto all = [](std::size_t) { return true; };
  require_near(test::clustered_share(
                   p, [&](std::size_t i) { return (p.traits[i] & models::kMinority) != 0; }, all),
               0.183);
  // Tenure follows pay: owners' heads earn more than social renters' heads.
  double pay[3] = {0, 0, 0}, n[3] = {0, 0, 0};
  for (std::size_t h = 0; h + 1 < start.size(); ++h)
    if (p.wage[start[h]] > 0) pay[p.tenure[start[h]]] += p.wage[start[h]], n[p.tenure[start[h]]]++;
  REQUIRE(pay[0] / n[0] > pay[1] / n[1]);
}

TEST_CASE("census widowed people are older people living alone", "[models][population]") {
  const auto& p = town50k();
  const auto start = p.household_starts();
  double alone_older = 0, widowed = 0;
  for (std::size_t h = 0; h + 1 < start.size(); ++h) {
    const bool alone = start[h + 1] - start[h] == 1;
    for (std::size_t i = start[h]; i < start[h + 1]; ++i)
      if (p.traits[i] & models::kWidowed) REQUIRE((alone && p.age[i] >= 65));
    if (alone && p.age[start[h]] >= 65)
      alone_older += 1, widowed += (p.traits[start[h]] & models::kWidowed) != 0;
  }
  REQUIRE(std::abs(widowed / alone_older - 0.6) < 5 * std::sqrt(0.24 / alone_older));
}

TEST_CASE("census synthesis is deterministic in seed and thread count", "[models][population]") {
  auto p = params({{"sizes", std::vector<double>{3000, 2000, 1000, 500, 20000}}});
  const models::People a = models::synthesise_census(p, 11, 2);
  models::People b;
  {
    tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    b = models::synthesise_census(p, 11, 2);
  }
  REQUIRE(a.household == b.household);
  REQUIRE(a.age == b.age);
  REQUIRE(a.traits == b.traits);
  REQUIRE(a.activity == b.activity);
  REQUIRE(a.wage == b.wage);
  REQUIRE(a.housing_cost == b.housing_cost);
  REQUIRE(a.tenure == b.tenure);
  const models::People c = models::synthesise_census(p, 12, 2);
  const models::People d = models::synthesise_census(p, 11, 3);
  REQUIRE(a.age != c.age);
  REQUIRE(a.age != d.age);
  // Common random numbers: resizing the last neighbourhood leaves the first ones unchanged.
  p.set("sizes", std::vector<double>{3000, 2000, 1000, 500, 100});
  const models::People e = models::synthesise_census(p, 11, 2);
  REQUIRE(std::equal(e.age.begin(), e.age.begin() + 6500, a.age.begin()));
}

TEST_CASE("census bad input names the key", "[models][population]") {
  using Catch::Matchers::Contains;
  REQUIRE_THROWS_WITH(
      models::check_census(params({{"sizes", std::vector<double>{100, 200}}}), "town.toml"),
      Contains("town.toml: population.sizes: expected one size per "
               "neighbourhood (5), found 2"));
  REQUIRE_THROWS_WITH(
      models::check_census(params({{"household_size_shares", std::vector<double>{0.5, 0.4}}}),
                           "town.toml"),
      Contains("town.toml: population.household_size_shares: expected shares summing to 1, "
               "found a sum of 0.9"));
  REQUIRE_THROWS_WITH(
      models::check_census(params({{"tenure_shares", std::vector<double>{0.6, 0.2, 0.1}}}),
                           "town.toml"),
      Contains("population.tenure_shares: expected shares summing to 1, found a sum of 0.9"));
  REQUIRE_THROWS_WITH(
      models::check_census(params({{"sizes", std::vector<double>{10, 10, 10, 10, 2.5}}}), "t.toml"),
      Contains("population.sizes: expected whole numbers of people (at least 1), found 2.5 for E"));
  REQUIRE_THROWS_WITH(
      models::check_census(
          params({{"neighbourhoods", std::vector<std::string>{"A", "B", "A", "D", "E"}}}),
          "t.toml"),
      Contains("population.neighbourhoods: 'A' is repeated"));
  REQUIRE_THROWS_WITH(
      models::check_census(
          params({{"household_size_shares", std::vector<double>{1.0}}, {"under15_share", 0.2}}),
          "t.toml"),
      Contains("population.under15_share: cannot reach 0.2 of people under 15"));
  REQUIRE_THROWS_AS(models::synthesise_census(params({{"sizes", std::vector<double>{1}}}), 1, 0),
                    sim::InputError);
  REQUIRE_NOTHROW(models::check_census(params(), "t.toml"));
}

TEST_CASE("census synthesis of a million people single-threaded", "[.][population-bench]") {
  auto p = params({{"sizes", std::vector<double>{200000, 200000, 200000, 200000, 200000}}});
  tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
  auto t0 = std::chrono::steady_clock::now();
  const models::People people = models::synthesise_census(p, 1, 0);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  WARN("census: " << people.size() << " people in " << s << " s on one thread");
  REQUIRE(people.size() == 1000000);
}
