// `wellsim partition`'s core (sim/partition.cpp) on a small scenario's network: METIS's partition
// of the neighbourhoods, checked against counts made by brute force over the person network.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "models/assemble_community.hpp"
#include "models/scenario_schema.hpp"
#include "sim/errors.hpp"
#include "sim/partition.hpp"
#include "sim/scenario.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// A small country: 48 neighbourhoods of 80-180 people in 8 regions of 6.
const sim::Network& small_country() {
  static const sim::Network net = [] {
    std::string names, sizes, regions;
    for (int g = 0; g < 48; ++g) {
      const std::string sep = g ? ", " : "";
      names += sep + "\"n" + std::to_string(g) + "\"";
      sizes += sep + std::to_string(80 + (g * 37) % 101);
      regions += sep + "\"r" + std::to_string(g / 6) + "\"";
    }
    test::TempDir dir("partition");
    const std::string path = dir.write(
        "country.toml", "[run]\nmodel = \"town\"\n[population]\nneighbourhoods = [" + names +
                            "]\nsizes = [" + sizes + "]\n[network]\nregions = [" + regions + "]\n");
    const sim::Scenario sc = sim::load_scenario(path, models::scenario_schema());
    return models::community_network(sc, 3, 0);
  }();
  return net;
}

}  // namespace

TEST_CASE(
    "a METIS partition covers every neighbourhood once, balanced, and its cut is the "
    "brute-force count of ties between ranks",
    "[models][network][partition]") {
  const sim::Network& net = small_country();
  const std::size_t groups = sim::group_count(net);
  REQUIRE(groups == 48);
  for (std::uint32_t ranks : {1u, 4u, 8u}) {
    INFO(ranks << " ranks");
    const sim::GroupPartition p = sim::partition_groups(net, ranks);
    REQUIRE(p.rank_of.size() == groups);
    std::set<std::uint32_t> used;
    for (std::uint32_t r : p.rank_of) {
      REQUIRE(r < ranks);
      used.insert(r);
    }
    CHECK(used.size() == ranks);  // no empty rank
    // Brute force over the person network: people, cut ties, ghosts and peers per rank.
    std::vector<std::uint64_t> people(ranks), cut(ranks);
    std::vector<std::set<sim::AgentId>> ghosts(ranks);
    std::vector<std::set<std::uint32_t>> peers(ranks);
    std::uint64_t total_cut = 0, sends = 0;
    auto rank = [&](sim::AgentId i) { return p.rank_of[net.group[i]]; };
    for (sim::AgentId i = 0; i < net.size(); ++i) {
      ++people[rank(i)];
      std::set<std::uint32_t> to;
      for (sim::AgentId j : net.neighbours_of(i))
        if (rank(j) != rank(i)) {
          ++cut[rank(i)];
          total_cut += i < j;
          ghosts[rank(i)].insert(j);
          peers[rank(i)].insert(rank(j));
          to.insert(rank(j));
        }
      sends += to.size();
    }
    CHECK(p.total_cut == total_cut);
    if (ranks > 1) CHECK(p.metis_cut == total_cut);  // METIS's objective is the person cut
    CHECK(p.people == people);
    CHECK(p.cut_ties == cut);
    std::uint64_t sent = 0;
    for (std::uint32_t r = 0; r < ranks; ++r) {
      CHECK(p.ghosts[r] == ghosts[r].size());
      CHECK(p.peers[r] == peers[r].size());
      sent += p.sends[r];
    }
    CHECK(sent == sends);
    // METIS's default tolerance is 3% over the mean; a neighbourhood is indivisible, so allow
    // the largest one on top.
    const double mean = static_cast<double>(net.size()) / ranks;
    CHECK(p.imbalance() <= 1.03 + 180 / mean);
    if (ranks == 8) CHECK(total_cut < net.entries() / 2 / 4);  // regions make a good cut
  }
}

TEST_CASE("partition refuses more ranks than neighbourhoods, naming both",
          "[models][network][partition]") {
  CHECK_THROWS_WITH(sim::partition_groups(small_country(), 49),
                    "partition: cannot split 48 neighbourhoods into 49 ranks");
}
