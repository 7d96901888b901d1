#include <catch2/catch.hpp>

#include "tests/models/network/network_fixture.hpp"

using namespace wellsim;
using test::build_network;

namespace {

sim::EdgeList er_degree(std::int64_t n, double mean_degree, std::uint64_t seed = 42) {
  return build_network("erdos_renyi", {{"n", n}, {"mean_degree", mean_degree}}, seed);
}

// Ties with both ends in [lo, hi).
double ties_inside(const sim::EdgeList& e, sim::AgentId lo, sim::AgentId hi) {
  double count = 0;
  for (std::size_t t = 0; t < e.u.size(); ++t)
    count += e.u[t] >= lo && e.u[t] < hi && e.v[t] >= lo && e.v[t] < hi;
  return count;
}

}  // namespace

TEST_CASE("erdos_renyi tie count is binomial over all pairs without loops or copies",
          "[network][models]") {
  const std::int64_t n = 4000;
  const double p = 6.0 / (n - 1);
  sim::EdgeList e = er_degree(n, 6.0);
  REQUIRE(e.n == n);
  REQUIRE(e.layer.empty());
  test::require_binomial(static_cast<double>(e.u.size()), n * (n - 1) / 2.0, p);
  auto ties = test::sorted_ties(e);
  REQUIRE(std::adjacent_find(ties.begin(), ties.end()) == ties.end());
  for (auto [a, b] : ties) REQUIRE(a < b);
  // Skipping must be unbiased along rows and columns: each half holds its binomial share.
  const double half = n / 2.0;
  test::require_binomial(ties_inside(e, 0, n / 2), half * (half - 1) / 2, p);
  test::require_binomial(ties_inside(e, n / 2, n), half * (half - 1) / 2, p);
}

TEST_CASE("erdos_renyi takes p or mean_degree and p = 1 is the complete graph",
          "[network][models]") {
  const std::int64_t n = 60;
  sim::EdgeList by_p = build_network("erdos_renyi", {{"n", n}, {"p", 0.25}});
  sim::EdgeList by_degree = er_degree(n, 0.25 * (n - 1));
  test::require_same_ties(by_p, by_degree);
  sim::EdgeList complete = build_network("erdos_renyi", {{"n", n}, {"p", 1.0}});
  REQUIRE(complete.u.size() == n * (n - 1) / 2);
  auto ties = test::sorted_ties(complete);
  REQUIRE(std::adjacent_find(ties.begin(), ties.end()) == ties.end());
}

TEST_CASE("erdos_renyi is deterministic per seed and thread count", "[network][models]") {
  sim::EdgeList a = er_degree(20000, 10.0, 3);
  test::require_same_ties(a, er_degree(20000, 10.0, 3));
  REQUIRE(a.v != er_degree(20000, 10.0, 4).v);
  test::require_thread_count_independent([] { return er_degree(20000, 10.0, 3); });
}

TEST_CASE("erdos_renyi needs exactly one of mean_degree and p", "[network][models]") {
  auto er = [](double mean_degree, double p) {
    build_network("erdos_renyi", {{"n", std::int64_t{10}}, {"mean_degree", mean_degree}, {"p", p}});
  };
  REQUIRE_THROWS_WITH(er(0, 0),
                      Catch::Contains("test.toml: network.mean_degree: give mean_degree"));
  REQUIRE_THROWS_WITH(er(2, 0.1), Catch::Contains("network.p: give mean_degree or p, not both"));
  REQUIRE_THROWS_WITH(er(12, 0),
                      Catch::Contains("network.mean_degree: expected at most n - 1 = 9"));
}
