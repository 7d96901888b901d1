#include "models/network/sbm.hpp"

#include <catch2/catch.hpp>

#include "tests/models/network/network_fixture.hpp"

using namespace wellsim;
using test::build_network;

namespace {

const std::vector<double> kSizes{300, 200, 500};

sim::EdgeList sbm(std::vector<double> sizes, double within, double between,
                  std::uint64_t seed = 42) {
  return build_network(
      "sbm", {{"sizes", std::move(sizes)}, {"degree_within", within}, {"degree_between", between}},
      seed);
}

}  // namespace

TEST_CASE("sbm groups are the blocks contiguous and in order", "[network][models]") {
  sim::EdgeList e = sbm(kSizes, 8, 2);
  REQUIRE(e.n == 1000);
  std::vector<std::int32_t> expected(300, 0);
  expected.insert(expected.end(), 200, 1);
  expected.insert(expected.end(), 500, 2);
  REQUIRE(e.group == expected);
  REQUIRE(e.group_names == std::vector<std::string>{"n1", "n2", "n3"});
  REQUIRE(sim::freeze(e, sim::Ordering::Auto).group_names == e.group_names);
  REQUIRE(e.layer_names == std::vector<std::string>{"within", "between"});
  REQUIRE(e.layer.size() == e.u.size());
  for (std::size_t t = 0; t < e.u.size(); ++t) {
    REQUIRE(e.u[t] != e.v[t]);
    REQUIRE((e.layer[t] == 0) == (e.group[e.u[t]] == e.group[e.v[t]]));
  }
}

TEST_CASE("sbm tie counts per block pair are binomial with the documented probabilities",
          "[network][models]") {
  sim::EdgeList e = sbm(kSizes, 8, 2);
  // p_within(b) = degree_within / (size_b - 1); p_between = degree_between n / (n^2 - sum s^2).
  const double n = 1000, p_between = 2 * n / (n * n - (300.0 * 300 + 200 * 200 + 500 * 500));
  std::vector<std::vector<double>> count(3, std::vector<double>(3, 0.0));
  for (std::size_t t = 0; t < e.u.size(); ++t) {
    auto a = e.group[e.u[t]], b = e.group[e.v[t]];
    count[std::min(a, b)][std::max(a, b)] += 1;
  }
  for (std::size_t a = 0; a < 3; ++a) {
    double s = kSizes[a];
    test::require_binomial(count[a][a], s * (s - 1) / 2, 8 / (s - 1));
    for (std::size_t b = a + 1; b < 3; ++b)
      test::require_binomial(count[a][b], kSizes[a] * kSizes[b], p_between);
  }
  sim::EdgeList local = sbm(kSizes, 8, 0);
  REQUIRE(std::all_of(local.layer.begin(), local.layer.end(), [](auto l) { return l == 0; }));
}

TEST_CASE("sbm names default to n1 n2 and so on and must match the blocks", "[network][models]") {
  models::SourceContext ctx{"town.toml", 1, 0};
  auto names = [&](std::vector<std::string> given) {
    return models::sbm_group_names(models::SbmParams{kSizes, std::move(given), 0.0, 0.0}, ctx);
  };
  REQUIRE(names({}) == std::vector<std::string>{"n1", "n2", "n3"});
  REQUIRE(names({"Bacup", "Stacksteads", "Haslingden"})[1] == "Stacksteads");
  REQUIRE_THROWS_WITH(names({"a", "b"}),
                      Catch::Contains("town.toml: network.names: expected one name per block (3)"));
  REQUIRE_THROWS_WITH(names({"a", "b", "a"}), Catch::Contains("network.names: a is repeated"));
}

TEST_CASE("sbm refuses sizes and degrees it cannot honour", "[network][models]") {
  REQUIRE_THROWS_WITH(sbm({10, 2.5}, 1, 0),
                      Catch::Contains("network.sizes: expected whole numbers of agents (at least "
                                      "1), found 2.5 for block 2"));
  REQUIRE_THROWS_WITH(sbm({10, 5}, 6, 0),
                      Catch::Contains("network.degree_within: 6 ties is more than block 2"));
  REQUIRE_THROWS_WITH(sbm({10}, 2, 1), Catch::Contains("network.degree_between: needs at least"));
  REQUIRE_THROWS_WITH(sbm({2, 2}, 1, 30), Catch::Contains("p_between"));
}

TEST_CASE("sbm is deterministic per seed and thread count", "[network][models]") {
  sim::EdgeList a = sbm({5000, 3000, 8000}, 10, 3, 9);
  test::require_same_ties(a, sbm({5000, 3000, 8000}, 10, 3, 9));
  REQUIRE(a.v != sbm({5000, 3000, 8000}, 10, 3, 10).v);
  test::require_thread_count_independent([] { return sbm({5000, 3000, 8000}, 10, 3, 9); });
}
