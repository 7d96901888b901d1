// Tests of rural access (models/community/access and its use in service.cpp): uptake falls with
// travel time to a service's location, outreach removes the fall, and people whose journey is
// nil make exactly the choices they make without the mechanism.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "models/community/access.hpp"
#include "tests/models/interventions/fixture.hpp"

using namespace wellsim;
using test::message_of;
using test::ServiceTown;
using V = sim::ParamValue;

namespace {

/// Neighbourhoods A, B, C; from A the journey is 0, from B 20 and from C 40 minutes.
void give_travel_times(ServiceTown& town) {
  town.world->access.minutes = {0, 20, 40, 20, 0, 20, 40, 20, 0};
  town.world->access.groups = 3;
  town.world->access.decay = 0.03;
}

/// People who joined the hub's list in week 1 (uptake 0.6, unlimited places), by neighbourhood.
std::vector<std::set<std::uint32_t>> hub_joiners(ServiceTown& town) {
  town.prepare();
  town.step(1);
  std::vector<std::set<std::uint32_t>> by_group(3);
  for (const auto& e : town.events("intervention/hub/queued"))
    by_group[static_cast<std::size_t>(town.net.group[e.agent])].insert(e.agent);
  return by_group;
}

const std::map<std::string, V> kAccessHub = {{"name", V{std::string("hub")}}, {"uptake", V{0.6}}};

}  // namespace

TEST_CASE("uptake falls as exp(-decay x minutes) with the journey to a service's location",
          "[models][interventions]") {
  const std::size_t n = 30000;
  ServiceTown town(n);
  give_travel_times(town);
  auto keys = kAccessHub;
  keys["location"] = V{std::string("A")};
  town.add("community_hub", keys);
  const auto by_group = hub_joiners(town);
  for (std::size_t g = 0; g < 3; ++g) {
    const double p = 0.6 * std::exp(-0.03 * 20.0 * static_cast<double>(g));  // 0, 20, 40 min
    const double share = static_cast<double>(by_group[g].size()) / (n / 3.0);
    INFO("neighbourhood " << g << ": share " << share << ", expected " << p);
    CHECK(test::near_rate(share, p, n / 3));
  }
}

TEST_CASE("people with no journey choose as without travel; outreach removes the decay",
          "[models][interventions]") {
  const std::size_t n = 3000;
  ServiceTown plain(n), located(n), outreach(n);
  plain.add("community_hub", kAccessHub);
  give_travel_times(located);
  auto keys = kAccessHub;
  keys["location"] = V{std::string("A")};
  located.add("community_hub", keys);
  give_travel_times(outreach);
  keys["outreach"] = V{true};
  keys["outreach_cost_per_week"] = V{250.0};
  outreach.add("community_hub", keys);
  const auto without = hub_joiners(plain), with = hub_joiners(located), out = hub_joiners(outreach);
  CHECK(with[0] == without[0]);  // in A the journey is nil: the same draws, the same choices
  for (std::size_t g = 1; g < 3; ++g) {
    CHECK(with[g].size() < without[g].size());
    for (auto i : with[g]) CHECK(without[g].count(i) == 1);  // only fewer, never others
  }
  CHECK(out == without);  // a service that goes out is a service without travel
  CHECK(outreach.series("service/hub/cost") == 250.0);
  CHECK(located.series("service/hub/cost") == 0.0);
}

TEST_CASE("bad access input is refused in one line naming the key", "[models][interventions]") {
  ServiceTown town(30);
  CHECK(message_of([&] {
          town.add("community_hub", {{"location", V{std::string("A")}}});
        }) ==
        "town.toml:10: intervention[1].location: a location needs travel times between "
        "neighbourhoods: give [access] travel_minutes");
  give_travel_times(town);
  CHECK(message_of([&] {
          town.add("community_hub", {{"location", V{std::string("Z")}}});
        }) == "town.toml:15: intervention[2].location: unknown neighbourhood 'Z'; known: A, B, C");
  sim::ParamSet access;
  access.set("travel_minutes", std::vector<double>{0, 5, 5, 0});
  access.set("decay", 0.03);
  CHECK(message_of([&] { models::read_access(access, town.net); }) ==
        "access.travel_minutes: expected 9 values (3 x 3 neighbourhoods, row by row), found 4");
  auto e = [](const std::string& type, std::map<std::string, V> keys) {
    return ServiceTown::entry(type, keys, 7);
  };
  CHECK(message_of([&] {
          models::check_interventions({e("food_bank", {{"outreach_cost_per_week", V{10.0}}})},
                                      "s.toml");
        }) ==
        "s.toml:7: intervention[1].outreach_cost_per_week: expected 0 without outreach = "
        "true, found 10");
  CHECK(message_of([&] {
          models::check_interventions({e("price_cap", {{"location", V{std::string("A")}}})},
                                      "s.toml");
        }) ==
        "s.toml:7: intervention[1].location: expected no location or outreach for the "
        "macro policy 'price_cap' (it acts nationally)");
}
