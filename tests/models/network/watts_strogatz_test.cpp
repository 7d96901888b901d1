#include "models/network/watts_strogatz.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "tests/models/network/network_fixture.hpp"

using namespace wellsim;
using test::build_network;

namespace {

std::uint64_t ring_distance(sim::AgentId a, sim::AgentId b, std::uint64_t n) {
  std::uint64_t d = a > b ? a - b : b - a;
  return std::min(d, n - d);
}

// Ties that are not lattice ties (ring distance over k/2): the rewired ones.
std::size_t off_lattice(const sim::EdgeList& e, std::uint64_t k) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < e.u.size(); ++i) count += ring_distance(e.u[i], e.v[i], e.n) > k / 2;
  return count;
}

sim::EdgeList ws(std::int64_t n, std::int64_t k, double p, std::uint64_t seed = 42) {
  return build_network("watts_strogatz", {{"n", n}, {"k", k}, {"p", p}}, seed);
}

}  // namespace

TEST_CASE("watts_strogatz with p = 0 is exactly the ring lattice", "[network][models]") {
  const std::int64_t n = 1001, k = 6;
  sim::EdgeList e = ws(n, k, 0.0);
  REQUIRE(e.n == n);
  REQUIRE(e.u.size() == n * k / 2);
  std::vector<std::pair<sim::AgentId, sim::AgentId>> lattice;
  for (sim::AgentId i = 0; i < n; ++i)
    for (sim::AgentId j = 1; j <= k / 2; ++j) {
      sim::AgentId other = (i + j) % n;
      lattice.emplace_back(std::min(i, other), std::max(i, other));
    }
  std::sort(lattice.begin(), lattice.end());
  REQUIRE(test::sorted_ties(e) == lattice);  // so every agent has degree k: i +- 1..k/2
  std::vector<int> degree(n, 0);
  for (std::size_t t = 0; t < e.u.size(); ++t) ++degree[e.u[t]], ++degree[e.v[t]];
  REQUIRE(std::all_of(degree.begin(), degree.end(), [&](int d) { return d == k; }));
}

TEST_CASE("watts_strogatz rewires each tie with probability p and never into a self-loop",
          "[network][models]") {
  const std::int64_t n = 20000, k = 10;
  const double ties = n * k / 2.0;
  for (double p : {0.01, 0.3, 0.9}) {
    sim::EdgeList e = ws(n, k, p);
    REQUIRE(e.u.size() == ties);
    test::require_binomial(static_cast<double>(off_lattice(e, k)), ties, p);
  }
  sim::EdgeList all = ws(n, k, 1.0);
  REQUIRE(off_lattice(all, k) == ties);
  for (std::size_t t = 0; t < all.u.size(); ++t) REQUIRE(all.u[t] != all.v[t]);
  // The kept end is the lattice start i, so every agent still holds k/2 tie slots.
  for (std::size_t t = 0; t < all.u.size(); ++t) REQUIRE(all.u[t] == t / (k / 2));
}

TEST_CASE("watts_strogatz rewired ends are uniform over the agents outside the lattice",
          "[network][models]") {
  // Rewired end - i (mod n) is uniform on k/2+1 .. n-1-k/2; compare the count in each half.
  const std::int64_t n = 50000, k = 4;
  sim::EdgeList e = ws(n, k, 1.0);
  std::size_t near = 0;
  const std::uint64_t outside = n - 1 - k, first = k / 2 + 1;
  for (std::size_t t = 0; t < e.u.size(); ++t) {
    std::uint64_t offset = (e.v[t] + n - e.u[t]) % n;
    REQUIRE(offset >= first);
    REQUIRE(offset < first + outside);
    near += offset < first + outside / 2;
  }
  test::require_binomial(static_cast<double>(near), static_cast<double>(e.u.size()),
                         static_cast<double>(outside / 2) / outside);
}

TEST_CASE("watts_strogatz is a pure function of seed and replicate for any thread count",
          "[network][models]") {
  sim::EdgeList a = ws(5000, 8, 0.2, 7);
  test::require_same_ties(a, ws(5000, 8, 0.2, 7));
  REQUIRE(a.v != ws(5000, 8, 0.2, 8).v);
  auto other_replicate = build_network(
      "watts_strogatz", {{"n", std::int64_t{5000}}, {"k", std::int64_t{8}}, {"p", 0.2}}, 7, 1);
  REQUIRE(a.v != other_replicate.v);
  test::require_thread_count_independent([] { return ws(5000, 8, 0.2, 7); });
}

TEST_CASE("watts_strogatz refuses an odd or too large k and names the key", "[network][models]") {
  REQUIRE_THROWS_WITH(ws(100, 7, 0.1), Catch::Contains("test.toml: network.k: expected an even"));
  REQUIRE_THROWS_WITH(ws(10, 10, 0.1), Catch::Contains("network.k: expected at most n - 2 = 8"));
  REQUIRE_THROWS_AS(ws(100, 7, 0.1), sim::InputError);
}
