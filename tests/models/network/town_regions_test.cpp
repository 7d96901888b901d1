// network.regions: kin, friends and colleagues of a country stay in a neighbourhood's region but
// for the share network.beyond_region (docs/scaling.md, scenarios/uk.toml).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "models/community/layers.hpp"
#include "models/network/town.hpp"
#include "models/population/census.hpp"
#include "sim/errors.hpp"
#include "tests/models/population/population_fixture.hpp"

using namespace wellsim;

namespace {

constexpr int kGroups = 24, kRegions = 4;

/// 24 neighbourhoods of 250 people in four regions of six ("R0" ... "R3").
const models::People& country() {
  static const models::People p = [] {
    sim::ParamSet s = test::defaults(models::census_params(), {});
    std::vector<std::string> names;
    for (int g = 0; g < kGroups; ++g) names.push_back(std::string("n").append(std::to_string(g)));
    s.set("neighbourhoods", names);
    s.set("sizes", std::vector<double>(kGroups, 250));
    return models::synthesise_census(s, 11, 0);
  }();
  return p;
}

std::vector<std::string> region_names() {
  std::vector<std::string> r;
  for (int g = 0; g < kGroups; ++g)
    r.push_back(std::string("R").append(std::to_string(g / (kGroups / kRegions))));
  return r;
}

sim::EdgeList ties(std::vector<std::string> regions, double beyond) {
  return models::town_ties(
      country(),
      test::defaults(models::town_params(), {{"regions", regions}, {"beyond_region", beyond}}), 5,
      0);
}

/// Ties of `layer` and how many of them join two regions.
std::pair<double, double> crossing(const sim::EdgeList& e, int layer) {
  const auto& nb = country().neighbourhood;
  auto region = [&](sim::AgentId i) { return nb[i] / (kGroups / kRegions); };
  double all = 0, across = 0;
  for (std::size_t t = 0; t < e.u.size(); ++t)
    if (e.layer[t] == layer) ++all, across += region(e.u[t]) != region(e.v[t]);
  return {all, across};
}

}  // namespace

TEST_CASE("one region is the town: the same ties as no regions", "[models][network]") {
  const sim::EdgeList none = ties({}, 0.3);
  const sim::EdgeList one = ties(std::vector<std::string>(kGroups, "all"), 0.3);
  CHECK(none.u == one.u);
  CHECK(none.v == one.v);
  CHECK(none.layer == one.layer);
}

TEST_CASE("with beyond_region 0 no kin, friend or colleague leaves the region",
          "[models][network]") {
  const sim::EdgeList e = ties(region_names(), 0.0);
  for (int layer : {models::kKin, models::kCloseFriend, models::kFriend, models::kWorkplace,
                    models::kSchool, models::kHousehold}) {
    INFO("layer " << layer);
    const auto [all, across] = crossing(e, layer);
    CHECK(all > 0);
    CHECK(across == 0);
  }
  // Without regions the same town's friends and colleagues do cross (the test can fail).
  CHECK(crossing(ties({}, 0.0), models::kFriend).second > 0);
}

TEST_CASE("beyond_region sends that share of the non-local friendships anywhere",
          "[models][network]") {
  // Of the friendships that leave a neighbourhood, a share beyond_region (0.5 here) is drawn from
  // anyone outside it and lands in another region with chance 18/23 (the other regions' 18
  // neighbourhoods of the 23 that are not one's own); the rest stay in the region. Measured
  // among ties that join two neighbourhoods, which are almost never drawn twice (local ties in
  // these small neighbourhoods often are, and are deduplicated). Binomial tolerance, 4 SE.
  const sim::EdgeList e = ties(region_names(), 0.5);
  const auto& nb = country().neighbourhood;
  double leaving = 0, across = 0;
  for (std::size_t t = 0; t < e.u.size(); ++t)
    if (e.layer[t] == models::kFriend && nb[e.u[t]] != nb[e.v[t]])
      ++leaving, across += nb[e.u[t]] / 6 != nb[e.v[t]] / 6;
  const double expected = 0.5 * 18.0 / 23.0, share = across / leaving;
  const double se = std::sqrt(expected * (1 - expected) / leaving);
  INFO("share " << share << " expected " << expected << " se " << se << " of " << leaving);
  CHECK(std::abs(share - expected) < 4 * se);
}

TEST_CASE("regions must name each neighbourhood once and keep each region together",
          "[models][network]") {
  auto refused = [](std::vector<std::string> regions, const std::string& says) {
    try {
      (void)ties(std::move(regions), 0.3);
      FAIL("accepted");
    } catch (const sim::InputError& e) {
      CHECK_THAT(e.what(), Catch::StartsWith("network.regions: ") && Catch::Contains(says));
    }
  };
  refused({"a", "b"}, "expected one region per neighbourhood (24), found 2");
  auto split = region_names();
  std::swap(split[0], split[kGroups - 1]);
  refused(split, "'R3' (neighbourhood 19) is not next to its other neighbourhoods");
}
