#include <catch2/catch.hpp>

#include <stdexcept>

#include "models/population/people.hpp"

using namespace wellsim;

namespace {

// Households A = {p0, p1} and B = {p2} in neighbourhood 0, C = {p3, p4} in neighbourhood 1.
models::People five_people() {
  models::People p;
  p.resize(5);
  p.household = {0, 0, 1, 2, 2};
  p.neighbourhood = {0, 0, 0, 1, 1};
  p.neighbourhood_names = {"north", "south"};
  p.age = {40, 8, 70, 30, 31};
  p.traits = {models::kHouseholdHead, 0, models::kHouseholdHead | models::kWidowed,
              models::kHouseholdHead, 0};
  p.tenure = {0, 0, 1, 2, 2};
  p.activity = {2, 0, 4, 2, 3};
  p.wage = {600, 0, 0, 500, 400};
  p.housing_cost = {150, 0, 90, 200, 0};
  p.original_id = {10, 11, 12, 13, 14};
  return p;
}

// An edge list that lists people in `order` (edge-list agent j is person order[j]).
sim::EdgeList listed(const models::People& p, const std::vector<int>& order) {
  sim::EdgeList e;
  e.n = order.size();
  for (int person : order) {
    e.original_id.push_back(p.original_id[person]);
    e.group.push_back(p.neighbourhood[person]);
  }
  e.group_names = p.neighbourhood_names;
  e.u = {0, 1};
  e.v = {1, 2};
  return e;
}

}  // namespace

TEST_CASE("place_people follows a renumbered network by original id", "[models][population]") {
  const models::People p = five_people();
  // Listed in reverse; grouping puts neighbourhood 0 first in listed order: p2 p1 p0 | p4 p3.
  const sim::Network net = sim::freeze(listed(p, {4, 3, 2, 1, 0}), sim::Ordering::Groups);
  REQUIRE(net.original_id == std::vector<std::int64_t>{12, 11, 10, 14, 13});
  sim::AgentStore agents;
  agents.resize(5);
  models::World world;
  models::place_people(p, net, agents, world);
  REQUIRE(agents.age == std::vector<std::uint8_t>{70, 8, 40, 31, 30});
  REQUIRE(agents.wage == std::vector<float>{0, 0, 600, 400, 500});
  REQUIRE(agents.housing_cost == std::vector<float>{90, 0, 150, 0, 200});
  REQUIRE(agents.tenure == std::vector<std::uint8_t>{1, 0, 0, 2, 2});
  REQUIRE(agents.traits[0] == (models::kHouseholdHead | models::kWidowed));
  REQUIRE(agents.activity == std::vector<std::uint8_t>{4, 0, 2, 3, 2});
  // Households renumbered in agent order: B, A, C.
  REQUIRE(agents.household == std::vector<std::uint32_t>{0, 1, 1, 2, 2});
  REQUIRE(world.household_start == std::vector<std::uint32_t>{0, 1, 3, 5});
  // Columns that life events set start at zero.
  REQUIRE(agents.income == std::vector<float>(5, 0.f));
  REQUIRE(agents.domains == std::vector<std::uint32_t>(5, 0));
}

TEST_CASE("place_people rejects split households and foreign networks", "[models][population]") {
  using Catch::Matchers::Contains;
  const models::People p = five_people();
  sim::AgentStore agents;
  models::World world;
  // p0 and p1 (household A) separated by p2.
  const sim::Network split = sim::freeze(listed(p, {0, 2, 1, 3, 4}), sim::Ordering::None);
  REQUIRE_THROWS_AS(models::place_people(p, split, agents, world), std::logic_error);
  REQUIRE_THROWS_WITH(models::place_people(p, split, agents, world),
                      Contains("household 0 are not contiguous agents (agent 2)"));
  const sim::Network small = sim::freeze(listed(p, {0, 1, 2}), sim::Ordering::None);
  REQUIRE_THROWS_WITH(models::place_people(p, small, agents, world),
                      Contains("the network has 3 agents but the population 5 people"));
  sim::EdgeList other = listed(p, {0, 1, 2, 3, 4});
  other.original_id[4] = 99;
  REQUIRE_THROWS_WITH(
      models::place_people(p, sim::freeze(other, sim::Ordering::None), agents, world),
      Contains("original id 99, which is no person"));
}
