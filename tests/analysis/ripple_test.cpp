// The ripple decomposition on a small graph worked by hand.
#include <catch2/catch.hpp>

#include <limits>

#include "analysis/comparison.hpp"
#include "analysis/ripple.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {
// A path 0-1-2-3-4-5 and agent 6 with no ties.
sim::Network path_graph() {
  return test::fake_network(7, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}});
}
}  // namespace

TEST_CASE("hop distances and rings on a path graph", "[analysis]") {
  auto hops = analysis::hop_distances(path_graph(), {1, 0, 0, 0, 0, 0, 0});
  const auto inf = std::numeric_limits<std::uint32_t>::max();
  CHECK(hops == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, inf});
  auto two = analysis::hop_distances(path_graph(), {1, 0, 0, 0, 0, 1, 0});
  CHECK(two == std::vector<std::uint32_t>{0, 1, 2, 2, 1, 0, inf});

  // Differences 1, 0.5, 0.25, 0.1, 0, 0, 0.05: total 1.9, of which 0.9 off the recipient.
  auto r = analysis::decompose({1.0, 0.5, 0.25, 0.1, 0.0, 0.0, 0.05}, hops);
  CHECK(r.people == std::array<std::size_t, 5>{1, 1, 1, 1, 3});
  CHECK(r.mean[0] == Approx(1.0));
  CHECK(r.mean[1] == Approx(0.5));
  CHECK(r.mean[3] == Approx(0.1));
  CHECK(r.mean[4] == Approx(0.05 / 3));
  CHECK(r.total_effect == Approx(1.9));
  CHECK(r.spillover_share == Approx(0.9 / 1.9));
}

TEST_CASE("recipients come from the policy's own start events", "[analysis]") {
  test::TempDir dir("analysis-ripple");
  test::FakeRun b;
  b.wellbeing = test::flat(3, 7, 6.0f);
  b.network = path_graph();
  b.interventions = {"food_bank"};
  b.event_kinds = {"intervention/food_bank/start", "intervention/grant/start"};
  b.events = {{1, 4, sim::kNoAgent, 0, 0}};  // a baseline service: not the policy's
  test::write_fake(dir.file("b.h5"), b);
  test::FakeRun p = b;
  p.name = "policy";
  p.interventions = {"food_bank", "grant"};
  p.events.push_back({2, 0, sim::kNoAgent, 1, 0});
  const std::vector<float> d{1.0f, 0.5f, 0.25f, 0.125f, 0.0f, 0.0f, 0.0625f};
  for (std::size_t s = 2; s <= 3; ++s)
    for (std::size_t i = 0; i < 7; ++i) p.wellbeing[s][i] = 6.0f + d[i];
  test::write_fake(dir.file("p.h5"), p);

  auto set = analysis::load_run_set({dir.file("p.h5")});
  auto who = analysis::recipients(*set.runs[0], {"grant"}, 3);
  CHECK(who == std::vector<char>{1, 0, 0, 0, 0, 0, 0});
  CHECK(analysis::recipients(*set.runs[0], {"grant"}, 1) == std::vector<char>(7, 0));

  auto c = analysis::compare(analysis::load_run_set({dir.file("b.h5")}), set, {});
  REQUIRE(c.has_recipients);
  CHECK(c.ring_people[0] == 1);
  CHECK(c.ring_people[4] == 3);
  CHECK(c.ring_effect[0].mean == Approx(1.0));
  CHECK(c.ring_effect[2].mean == Approx(0.25));
  CHECK(c.ring_effect[4].mean == Approx(0.0625 / 3));
  const double total = 1.0 + 0.5 + 0.25 + 0.125 + 0.0625;
  CHECK(c.total_points.mean == Approx(total));
  CHECK(c.spillover_share.mean == Approx((total - 1.0) / total));
}

TEST_CASE("the one-hop ring splits by the layer of the tie to a recipient", "[analysis]") {
  // Recipients 0 and 4. Agent 1: household tie to 0; agent 2: friend tie to 0; agent 3: friend
  // tie to 0 and household tie to 4 (household comes first); agent 5: friend of 2 (two hops).
  sim::Network net;
  const std::vector<std::vector<std::pair<std::uint32_t, std::uint8_t>>> rows = {
      {{1, 0}, {2, 1}, {3, 1}}, {{0, 0}}, {{0, 1}, {5, 1}}, {{0, 1}, {4, 0}}, {{3, 0}}, {{2, 1}}};
  net.offsets.push_back(0);
  for (const auto& row : rows) {
    for (auto [j, l] : row) net.neighbours.push_back(j), net.layer.push_back(l);
    net.offsets.push_back(net.neighbours.size());
  }
  net.layer_names = {"household", "friend"};
  const std::vector<char> who{1, 0, 0, 0, 1, 0};
  const auto hops = analysis::hop_distances(net, who);
  const auto layer = analysis::first_hop_layer(net, who, hops);
  CHECK(layer == std::vector<int>{-1, 0, 1, 0, -1, -1});
  const auto r = analysis::decompose_by_layer({9, 0.4, 0.1, 0.2, 9, 0.05}, layer, 2);
  CHECK(r.people == std::vector<std::size_t>{2, 1});
  CHECK(r.mean[0] == Approx(0.3));  // (0.4 + 0.2) / 2
  CHECK(r.mean[1] == Approx(0.1));
}

TEST_CASE("programme ties made during the run count as hops", "[analysis]") {
  test::TempDir dir("analysis-ripple-ties");
  test::FakeRun r;
  r.wellbeing = test::flat(3, 7, 6.0f);
  r.network = path_graph();  // agent 6 has no frozen tie
  r.event_kinds = {"intervention/hub/start", "tie/hub"};
  r.events = {{1, 0, sim::kNoAgent, 0, 0}, {2, 6, 0, 1, 0}, {3, 5, 6, 1, 0}};
  test::write_fake(dir.file("r.h5"), r);
  output::RunReader run(dir.file("r.h5"));
  // Up to week 2 only the tie 6-0 exists: 6 is one hop from recipient 0 by a community tie.
  const auto net = analysis::with_programme_ties(run, 2);
  REQUIRE(net.layer_names.back() == "community");
  const std::vector<char> who{1, 0, 0, 0, 0, 0, 0};
  const auto hops = analysis::hop_distances(net, who);
  CHECK(hops[6] == 1);
  CHECK(hops[5] == 5);  // the tie 5-6 comes at week 3: still along the path
  CHECK(analysis::hop_distances(analysis::with_programme_ties(run, 3), who)[5] == 2);
  const auto layer = analysis::first_hop_layer(net, who, hops);
  CHECK(layer[6] == static_cast<int>(net.layer_names.size() - 1));
  CHECK(layer[1] == 0);
  // Week 1: no programme tie yet.
  CHECK(analysis::hop_distances(analysis::with_programme_ties(run, 1), who)[6] ==
        std::numeric_limits<std::uint32_t>::max());
}
