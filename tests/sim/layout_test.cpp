#include "sim/layout.hpp"

#include <tbb/task_arena.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace wellsim;

namespace {

/// Two dense groups of `k` agents, each a ring with chords, and one tie between the groups.
sim::Network two_groups(std::uint32_t k) {
  sim::EdgeList e;
  e.n = 2 * k;
  for (std::uint32_t g = 0; g < 2; ++g)
    for (std::uint32_t i = 0; i < k; ++i) {
      e.u.push_back(g * k + i), e.v.push_back(g * k + (i + 1) % k);
      e.u.push_back(g * k + i), e.v.push_back(g * k + (i + 3) % k);
    }
  e.u.push_back(0), e.v.push_back(k);
  for (std::uint32_t i = 0; i < e.n; ++i) e.group.push_back(i < k ? 0 : 1);
  return sim::freeze(e, sim::Ordering::None);
}

double mean_tie_length(const sim::Network& net, const sim::Layout& l) {
  double sum = 0;
  for (sim::AgentId i = 0; i < net.size(); ++i)
    for (sim::AgentId j : net.neighbours_of(i)) sum += std::hypot(l.x[i] - l.x[j], l.y[i] - l.y[j]);
  return sum / double(net.entries());
}

/// The smallest distance between members of different groups, over the largest within one.
void check_groups_apart(const sim::Network& net, const sim::Layout& l) {
  std::map<int, std::pair<double, double>> centre;
  std::map<int, int> count;
  for (std::size_t i = 0; i < net.size(); ++i) {
    centre[net.group[i]].first += l.x[i], centre[net.group[i]].second += l.y[i];
    ++count[net.group[i]];
  }
  std::map<int, double> radius;
  for (auto& [g, c] : centre) c.first /= count[g], c.second /= count[g];
  for (std::size_t i = 0; i < net.size(); ++i) {
    const auto& c = centre[net.group[i]];
    radius[net.group[i]] =
        std::max(radius[net.group[i]], std::hypot(l.x[i] - c.first, l.y[i] - c.second));
  }
  for (auto& [g, c] : centre)
    for (auto& [h, d] : centre)
      if (g < h) CHECK(std::hypot(c.first - d.first, c.second - d.second) >= radius[g] + radius[h]);
}

/// A town-like network: groups of `k` people in households of three (cliques, contiguous
/// indices), each person with `friends` ties inside the group to people of similar age (a
/// normal with SD 5 years on ages spread over 80, as the town builds friendships), and a few
/// ties between groups. Purely random friends would admit no drawing with short ties.
sim::Network households_and_friends(std::uint32_t groups, std::uint32_t k, std::uint32_t friends) {
  sim::EdgeList e;
  e.n = groups * k;
  std::mt19937_64 rng(7);
  std::normal_distribution<double> years(0.0, 5.0);
  for (std::uint32_t g = 0; g < groups; ++g) {
    // Members by age: a random order stands in for sorting random ages.
    std::vector<std::uint32_t> by_age(k);
    for (std::uint32_t i = 0; i < k; ++i) by_age[i] = g * k + i;
    std::shuffle(by_age.begin(), by_age.end(), rng);
    for (std::uint32_t p = 0; p < k; ++p) {
      const std::uint32_t a = by_age[p];
      for (std::uint32_t j = a - (a - g * k) % 3; j < a; ++j) e.u.push_back(j), e.v.push_back(a);
      for (std::uint32_t f = 0; f < friends / 2; ++f) {
        const double q = double(p) + years(rng) * double(k) / 80.0;
        e.u.push_back(a), e.v.push_back(by_age[std::size_t(std::clamp(q, 0.0, double(k - 1)))]);
      }
      if (p % 50 == 0) e.u.push_back(a), e.v.push_back(std::uint32_t(rng() % e.n));
    }
  }
  for (std::uint32_t i = 0; i < e.n; ++i) e.group.push_back(std::int32_t(i / k));
  return sim::freeze(e, sim::Ordering::None);
}

/// Mean length of ties inside a group over the mean distance between random members of the same
/// group: 1 when the layout ignores ties, near 0 when tied people sit together.
double tie_to_random_ratio(const sim::Network& net, const sim::Layout& l) {
  double tie = 0, random = 0;
  std::size_t ties = 0, pairs = 0;
  std::mt19937_64 rng(11);
  std::map<std::int32_t, std::vector<sim::AgentId>> members;
  for (sim::AgentId i = 0; i < net.size(); ++i) members[net.group[i]].push_back(i);
  for (sim::AgentId i = 0; i < net.size(); ++i) {
    for (sim::AgentId j : net.neighbours_of(i))
      if (net.group[j] == net.group[i]) tie += std::hypot(l.x[i] - l.x[j], l.y[i] - l.y[j]), ++ties;
    const auto& same = members[net.group[i]];
    const sim::AgentId j = same[rng() % same.size()];
    random += std::hypot(l.x[i] - l.x[j], l.y[i] - l.y[j]), ++pairs;
  }
  return (tie / double(ties)) / (random / double(pairs));
}

}  // namespace

TEST_CASE("small networks get a deterministic force-directed layout per group", "[sim]") {
  const sim::Network net = two_groups(60);
  const sim::Layout a = sim::compute_layout(net, 42), b = sim::compute_layout(net, 42);
  REQUIRE(a.size() == net.size());
  CHECK(a.x == b.x);
  CHECK(a.y == b.y);
  CHECK(sim::compute_layout(net, 43).x != a.x);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(std::fabs(a.x[i]) <= 1.0f + 1e-5f);
    CHECK(std::fabs(a.y[i]) <= 1.0f + 1e-5f);
  }
  check_groups_apart(net, a);
  // Force-directed: tied people sit much closer than people picked at random.
  double random_pairs = 0;
  for (std::size_t i = 0; i < 60; ++i)
    random_pairs += std::hypot(a.x[i] - a.x[(i * 7 + 31) % 60], a.y[i] - a.y[(i * 7 + 31) % 60]);
  CHECK(mean_tie_length(net, a) < 0.7 * random_pairs / 60);
}

TEST_CASE("above the force limit rings keep neighbourhoods apart and households together",
          "[sim]") {
  const sim::Network net = two_groups(4000);
  const sim::Layout l = sim::compute_layout(net, 1, 1000);
  check_groups_apart(net, l);
  // Rings in index order: consecutive agents (a household) are next to each other.
  double consecutive = 0;
  for (std::size_t i = 0; i + 1 < 4000; ++i)
    consecutive += std::hypot(l.x[i] - l.x[i + 1], l.y[i] - l.y[i + 1]);
  CHECK(consecutive / 3999 < 0.03);
}

// The default town's ring layout measures 0.85 (docs/performance.md): households sit together,
// but friends are anywhere in the disc. The multilevel layout measures 0.37 there and 0.59
// on this network (its friends follow one hidden trait, age, so it has less room than the town);
// 0.7 separates the two with room on both sides (rings measure 0.81 here).
TEST_CASE("a large town's ties are drawn shorter than random pairs in a neighbourhood", "[sim]") {
  const sim::Network net = households_and_friends(3, 5000, 8);
  const sim::Layout force = sim::compute_layout(net, 5);
  const sim::Layout rings = sim::compute_layout(net, 5, 0);
  check_groups_apart(net, force);
  const double ratio = tie_to_random_ratio(net, force),
               ring_ratio = tie_to_random_ratio(net, rings);
  INFO("force-directed " << ratio << ", rings " << ring_ratio);
  CHECK(ring_ratio > 0.7);
  CHECK(ratio < 0.7);
}

// [heavy]: left out under ASan, where the other layout tests take the same code; TSan runs it.
TEST_CASE("the layout is the same on one thread and on two", "[sim][heavy]") {
  const sim::Network net = households_and_friends(4, 3000, 8);
  sim::Layout one, two;
  tbb::task_arena(1).execute([&] { one = sim::compute_layout(net, 9); });
  tbb::task_arena(2).execute([&] { two = sim::compute_layout(net, 9); });
  CHECK(one.x == two.x);
  CHECK(one.y == two.y);
}

TEST_CASE("ring layouts fill the unit disc from the centre", "[sim]") {
  CHECK(sim::ring_layout(0).size() == 0);
  const sim::Layout one = sim::ring_layout(1);
  CHECK(one.x[0] == 0.0f);
  const sim::Layout many = sim::ring_layout(500);
  double r_max = 0;
  for (std::size_t i = 0; i < 500; ++i)
    r_max = std::max(r_max, std::hypot(double(many.x[i]), double(many.y[i])));
  CHECK(r_max == Approx(1.0).epsilon(0.02));
}
