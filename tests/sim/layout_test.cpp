#include "sim/layout.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>

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

TEST_CASE("large networks keep neighbourhoods apart and households together", "[sim]") {
  const sim::Network net = two_groups(4000);
  REQUIRE(net.size() > sim::kForceLayoutMaxAgents);
  const sim::Layout l = sim::compute_layout(net, 1);
  check_groups_apart(net, l);
  // Rings in index order: consecutive agents (a household) are next to each other.
  double consecutive = 0;
  for (std::size_t i = 0; i + 1 < 4000; ++i)
    consecutive += std::hypot(l.x[i] - l.x[i + 1], l.y[i] - l.y[i + 1]);
  CHECK(consecutive / 3999 < 0.03);
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
