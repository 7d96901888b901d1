#include <tbb/task_arena.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "sim/errors.hpp"
#include "sim/network.hpp"
#include "sim/rng.hpp"

using namespace wellsim::sim;

namespace {

EdgeList ties(std::size_t n, std::vector<std::pair<AgentId, AgentId>> list) {
  EdgeList e;
  e.n = n;
  for (auto [a, b] : list) e.u.push_back(a), e.v.push_back(b);
  return e;
}

std::set<std::pair<std::int64_t, std::int64_t>> tie_set(const Network& net) {
  std::set<std::pair<std::int64_t, std::int64_t>> s;
  for (AgentId i = 0; i < net.size(); ++i)
    for (AgentId j : net.neighbours_of(i)) s.emplace(net.original_id[i], net.original_id[j]);
  return s;
}

}  // namespace

TEST_CASE("freeze symmetrises, drops self-loops and duplicates, sorts rows", "[sim][network]") {
  auto net = freeze(ties(4, {{0, 1}, {1, 0}, {2, 2}, {3, 1}, {0, 1}}), Ordering::None);
  REQUIRE(net.size() == 4);
  CHECK(net.entries() == 4);  // 0-1 and 1-3, both directions
  CHECK(net.degree(0) == 1);
  CHECK(net.degree(1) == 2);
  CHECK(net.degree(2) == 0);
  auto row = net.neighbours_of(1);
  CHECK(std::vector<AgentId>(row.begin(), row.end()) == std::vector<AgentId>{0, 3});
  CHECK(net.unit_weights());
  CHECK(net.layer_names == std::vector<std::string>{"tie"});
}

TEST_CASE("the first listing of a tie decides its weight and layer", "[sim][network]") {
  auto e = ties(3, {{0, 1}, {1, 0}, {1, 2}});
  e.w = {2.f, 5.f, 1.f};
  e.layer = {1, 0, 0};
  e.layer_names = {"kin", "friend"};
  auto net = freeze(e, Ordering::None);
  REQUIRE(!net.unit_weights());
  CHECK(net.weight[net.offsets[0]] == 2.f);
  CHECK(net.layer[net.offsets[0]] == 1);
  CHECK(net.weight[net.offsets[1]] == 2.f);  // 1's row: 0 (the same tie), then 2
  CHECK(net.weight[net.offsets[1] + 1] == 1.f);
  CHECK(net.layer_names == e.layer_names);
}

TEST_CASE("group ordering makes groups contiguous and keeps ids", "[sim][network]") {
  auto e = ties(6, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}});
  e.group = {1, 0, 1, 0, -1, 0};
  e.original_id = {10, 11, 12, 13, 14, 15};
  auto net = freeze(e, Ordering::Groups);
  CHECK(net.group == std::vector<std::int32_t>{0, 0, 0, 1, 1, -1});
  CHECK(net.original_id == std::vector<std::int64_t>{11, 13, 15, 10, 12, 14});
  CHECK(tie_set(net) == tie_set(freeze(e, Ordering::None)));
  CHECK(freeze(e, Ordering::Auto).original_id == net.original_id);
  e.group.clear();
  CHECK_THROWS_AS(freeze(e, Ordering::Groups), InputError);
}

TEST_CASE("Cuthill-McKee shrinks the bandwidth of a shuffled ring", "[sim][network]") {
  const AgentId n = 2000;
  std::vector<AgentId> label(n);
  std::iota(label.begin(), label.end(), 0);
  RandomStream r(3, 0, "shuffle");
  for (AgentId i = n - 1; i > 0; --i) std::swap(label[i], label[r.below(i + 1, 0, i)]);
  EdgeList e;
  e.n = n;
  for (AgentId i = 0; i < n; ++i) e.u.push_back(label[i]), e.v.push_back(label[(i + 1) % n]);
  auto shuffled = freeze(e, Ordering::None);
  auto rcm = freeze(e, Ordering::CuthillMcKee);
  CHECK(bandwidth(shuffled) > n / 2);
  CHECK(bandwidth(rcm) <= 2);  // a ring's optimal bandwidth is 2
  CHECK(tie_set(rcm) == tie_set(shuffled));
  CHECK(freeze(e, Ordering::Auto).original_id == rcm.original_id);
}

TEST_CASE("parse_ordering names the context on a bad value", "[sim][network]") {
  CHECK(parse_ordering("cuthill_mckee", "x") == Ordering::CuthillMcKee);
  REQUIRE_THROWS_WITH(parse_ordering("rcm", "t.toml: network.ordering"),
                      Catch::Contains("t.toml: network.ordering: expected one of none"));
}

TEST_CASE("freeze equals a plain reference on random multigraphs, in every ordering",
          "[sim][network]") {
  // The reference: for each pair, the first listing's layer and weight; rows sorted. Written
  // with a map, as plainly as possible, to check the counting-sort construction against.
  std::mt19937_64 draw(7);
  for (int trial = 0; trial < 20; ++trial) {
    const std::size_t n = 1 + draw() % 300;
    EdgeList e;
    e.n = n;
    const std::size_t m = draw() % (4 * n);
    for (std::size_t t = 0; t < m; ++t) {
      e.u.push_back(static_cast<AgentId>(draw() % n));
      // Often a repeat of an earlier tie, either way round, with another layer and weight.
      e.v.push_back(t > 0 && draw() % 3 == 0 ? e.u[draw() % t] : static_cast<AgentId>(draw() % n));
      e.layer.push_back(static_cast<std::uint8_t>(draw() % 4));
      e.w.push_back(0.5f + static_cast<float>(draw() % 8));
    }
    e.layer_names = {"a", "b", "c", "d"};
    // Unknown groups (-1), and in some trials ids far sparser than the agents (a file's
    // id / group_divisor), which take the comparison sort instead of the counting sort.
    const std::int32_t spread = trial % 4 == 0 ? 1'000'000 : 1;
    for (std::size_t i = 0; i < n; ++i)
      e.group.push_back(static_cast<std::int32_t>(draw() % 6) * spread - 1);
    std::map<std::pair<AgentId, AgentId>, std::pair<std::uint8_t, float>> first;
    for (std::size_t t = 0; t < m; ++t) {
      if (e.u[t] == e.v[t]) continue;
      first.emplace(std::pair{e.u[t], e.v[t]}, std::pair{e.layer[t], e.w[t]});
      first.emplace(std::pair{e.v[t], e.u[t]}, std::pair{e.layer[t], e.w[t]});
    }
    for (Ordering ordering : {Ordering::None, Ordering::Groups, Ordering::CuthillMcKee}) {
      INFO("trial " << trial << ", ordering " << static_cast<int>(ordering));
      // Rows are built in parallel by ranges of agents: 1 and 3 tasks must give the same.
      const Network net =
          tbb::task_arena(1 + 2 * (trial % 2)).execute([&] { return freeze(e, ordering); });
      if (ordering == Ordering::Groups) {
        auto key = [&](std::int64_t id) {
          return e.group[id] < 0 ? INT64_MAX : std::int64_t{e.group[id]};
        };
        for (AgentId i = 1; i < n; ++i) {
          const std::int64_t a = net.original_id[i - 1], b = net.original_id[i];
          REQUIRE((key(a) < key(b) || (key(a) == key(b) && a < b)));
        }
      }
      REQUIRE(net.size() == n);
      REQUIRE(net.entries() == first.size());
      for (AgentId i = 0; i < n; ++i) {
        const auto row = net.neighbours_of(i);
        REQUIRE(std::is_sorted(row.begin(), row.end()));
        for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k) {
          const auto a = static_cast<AgentId>(net.original_id[i]);
          const auto b = static_cast<AgentId>(net.original_id[net.neighbours[k]]);
          const auto it = first.find({a, b});
          REQUIRE(it != first.end());
          CHECK(net.layer[k] == it->second.first);
          CHECK(net.weight[k] == it->second.second);
        }
      }
    }
  }
}
