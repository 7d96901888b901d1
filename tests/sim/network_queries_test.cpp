#include "sim/hops.hpp"

#include <catch2/catch.hpp>

#include "tests/output/run_fixture.hpp"

using namespace wellsim;

namespace {

/// A source mask over `n` agents with `who` set.
std::vector<char> sources(std::size_t n, std::initializer_list<std::size_t> who) {
  std::vector<char> s(n, 0);
  for (std::size_t i : who) s[i] = 1;
  return s;
}

/// A path 0-1-2-3-4 and, apart from it, the pair 5-6: what is far and what is never reached.
sim::Network path_and_pair() {
  sim::EdgeList e;
  e.n = 7;
  e.u = {0, 1, 2, 3, 5};
  e.v = {1, 2, 3, 4, 6};
  return sim::freeze(e, sim::Ordering::None);
}

constexpr auto kU = sim::kUnreached;

}  // namespace

TEST_CASE("hop circles follow ties up to the limit", "[sim]") {
  // Ring 0-1-2-3-4-0 with chord 1-3; from 0: 1 and 4 are neighbours, 2 (via 1) and 3 (via 1 or
  // 4) two hops.
  const sim::Network net = test::small_network(false);
  CHECK(sim::hop_distances(net, sources(5, {0}), 3) == std::vector<std::uint32_t>{0, 1, 2, 2, 1});
  CHECK(sim::hop_distances(net, sources(5, {2}), 3) == std::vector<std::uint32_t>{2, 1, 0, 1, 2});
  CHECK(sim::hop_distances(net, sources(5, {2}), 1) == std::vector<std::uint32_t>{kU, 1, 0, 1, kU});
  CHECK(sim::hop_distances(net, sources(5, {2}), 0) ==
        std::vector<std::uint32_t>{kU, kU, 0, kU, kU});
}

TEST_CASE("hops count from the nearest source and leave other components unreached", "[sim]") {
  const sim::Network net = path_and_pair();
  CHECK(sim::hop_distances(net, sources(7, {0})) ==
        std::vector<std::uint32_t>{0, 1, 2, 3, 4, kU, kU});
  CHECK(sim::hop_distances(net, sources(7, {0, 4})) ==
        std::vector<std::uint32_t>{0, 1, 2, 1, 0, kU, kU});
  CHECK(sim::hop_distances(net, sources(7, {6})) ==
        std::vector<std::uint32_t>{kU, kU, kU, kU, kU, 1, 0});
  CHECK(sim::hop_distances(net, sources(7, {0}), 2) ==
        std::vector<std::uint32_t>{0, 1, 2, kU, kU, kU, kU});
  // No source, or a mask shorter than the network: the rest is unreached, nothing is read past it.
  CHECK(sim::hop_distances(net, {}) == std::vector<std::uint32_t>(7, kU));
  CHECK(sim::hop_distances(net, sources(2, {1})) ==
        std::vector<std::uint32_t>{1, 0, 1, 2, 3, kU, kU});
}

TEST_CASE("group counts cover every member and every named group", "[sim]") {
  sim::Network net = test::small_network(false);  // groups {0, 0, 1, 1, -1}, two names
  CHECK(sim::group_count(net) == 2);
  net.group_names.push_back("Empty Street");  // named, no members yet
  CHECK(sim::group_count(net) == 3);
  net.group_names.clear();
  net.group = {0, 4, -1, 4, 1};  // ids above the names count too
  CHECK(sim::group_count(net) == 5);
  CHECK(sim::group_name(net, 4) == "group 4");
  net.group_names = {"Bacup", ""};
  CHECK(sim::group_name(net, 0) == "Bacup");
  CHECK(sim::group_name(net, 1) == "group 1");
  net.group.assign(5, -1);
  net.group_names.clear();
  CHECK(sim::group_count(net) == 0);
  CHECK(sim::group_count(sim::Network{}) == 0);
}
