// The birth reserve (models/population/reserve.cpp): how many rows a household keeps, and that
// inserting them leaves everyone's ties, ids and order as they were.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "models/community/layers.hpp"
#include "models/community/vocabulary.hpp"
#include "models/life/fertility_table.hpp"
#include "models/population/reserve.hpp"

using namespace wellsim;

TEST_CASE("a household keeps the fewest rows that its births outgrow at most 1% of the time",
          "[models][population][reserve]") {
  auto tail = [](double m, std::uint32_t r) {  // P(N > r), N ~ Poisson(m), summed independently
    double below = 0;
    for (std::uint32_t k = 0; k <= r; ++k)
      below += std::exp(-m) * std::pow(m, k) / std::tgamma(k + 1.0);
    return 1 - below;
  };
  for (double m : {0.005, 0.02, 0.1, 0.5, 1.0, 1.6, 3.0}) {
    const std::uint32_t r = models::reserved_rows(m, 64);
    INFO("mean " << m << ": " << r << " rows");
    CHECK(tail(m, r) <= models::kReserveShortfall);
    if (r > 0) CHECK(tail(m, r - 1) > models::kReserveShortfall);
  }
  CHECK(models::reserved_rows(0, 6) == 0);
  CHECK(models::reserved_rows(3.0, 2) == 2);  // the cap
}

TEST_CASE("a woman's expected births over the horizon follow the fertility table",
          "[models][population][reserve]") {
  models::ReservePlan plan;
  plan.horizon_weeks = 52 * 35;
  // A girl of 14 at week 0 lives through every age 15-48 in 35 years: the rates of ages 15-48.
  double sum = 0;
  for (unsigned a = 15; a <= 48; ++a) sum += models::annual_fertility(a);
  CHECK(models::expected_births(14, plan) == Approx(sum));
  plan.horizon_weeks = 26;  // half a year at 30
  CHECK(models::expected_births(30, plan) == Approx(0.5 * models::annual_fertility(30)));
  plan.fertility_scale = 2;
  CHECK(models::expected_births(30, plan) == Approx(models::annual_fertility(30)));
  CHECK(models::expected_births(60, plan) == 0);
}

TEST_CASE("reserved rows join their household after its members and keep everyone's ties",
          "[models][population][reserve]") {
  // Households {0, 1} and {2}; a friendship 1-2. Two rows for the first, one for the second.
  models::People people;
  people.resize(3);
  people.household = {0, 0, 1};
  people.neighbourhood = {0, 0, 0};
  people.neighbourhood_names = {"A"};
  people.age = {30, 2, 40};
  people.tenure = {2, 2, 1};
  people.original_id = {10, 11, 12};
  sim::EdgeList ties;
  ties.n = 3;
  ties.u = {0, 1};
  ties.v = {1, 2};
  ties.layer = {models::kHousehold, models::kFriend};
  models::insert_reserved_rows(people, ties, {2, 1});
  REQUIRE(people.size() == 6);
  CHECK(people.household == std::vector<std::uint32_t>{0, 0, 0, 0, 1, 1});
  CHECK(people.original_id == std::vector<std::int64_t>{10, 11, 13, 14, 12, 15});
  CHECK(people.reserved == std::vector<std::uint8_t>{0, 0, 1, 1, 0, 1});
  CHECK(people.age[4] == 40);
  CHECK(people.tenure[5] == 1);
  CHECK(people.activity[2] == static_cast<std::uint8_t>(models::Activity::Child));
  CHECK(ties.n == 6);
  CHECK(ties.original_id == people.original_id);
  // The old ties, renumbered: 0-1 stays, 1-2 becomes 1-4 (person 12 moved to row 4).
  CHECK(ties.u[0] == 0);
  CHECK(ties.v[0] == 1);
  CHECK(ties.u[1] == 1);
  CHECK(ties.v[1] == 4);
  // New ties: rows 2 and 3 to 0 and 1 and to each other; row 5 to 4; all household ties.
  std::set<std::pair<std::uint32_t, std::uint32_t>> added;
  for (std::size_t t = 2; t < ties.u.size(); ++t) {
    CHECK(ties.layer[t] == models::kHousehold);
    added.insert({std::min(ties.u[t], ties.v[t]), std::max(ties.u[t], ties.v[t])});
  }
  CHECK(added == std::set<std::pair<std::uint32_t, std::uint32_t>>{
                     {0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 3}, {4, 5}});
  CHECK(ties.u.size() == 2 + added.size());
}

TEST_CASE("a population without reserved rows is left as it is", "[models][population][reserve]") {
  models::People people;
  people.resize(2);
  people.household = {0, 1};
  people.original_id = {0, 1};
  sim::EdgeList ties;
  ties.n = 2;
  models::insert_reserved_rows(people, ties, {0, 0});
  CHECK(people.size() == 2);
  CHECK(people.reserved.empty());
}
