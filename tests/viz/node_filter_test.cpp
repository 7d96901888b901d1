// Filtering by neighbourhood and sizing by degree, and the tie index the renderer draws: only
// ties between two shown people, with a sample that keeps the layers' proportions.
#include <catch2/catch.hpp>
#include <cmath>

#include "sim/errors.hpp"
#include "viz/node_sizes.hpp"
#include "viz/tie_index.hpp"

using namespace wellsim;

namespace {

/// A star (0 at the centre, ties to 1..4 on layer 0) plus a tie 3-4 on layer 1; people 0-2 in
/// "North", 3-4 in "South".
sim::Network star() {
  sim::EdgeList e;
  e.n = 5;
  e.u = {0, 0, 0, 0, 3};
  e.v = {1, 2, 3, 4, 4};
  e.layer = {0, 0, 0, 0, 1};
  e.layer_names = {"kin", "friend"};
  e.group = {0, 0, 0, 1, 1};
  e.group_names = {"North", "South"};
  return sim::freeze(e, sim::Ordering::None);
}

}  // namespace

TEST_CASE("nodes are hidden by neighbourhood and sized by degree", "[viz]") {
  const sim::Network net = star();
  CHECK(viz::node_sizes(net, {}) == std::vector<float>(5, 1.0f));
  viz::NodeFilter f = viz::only_groups(net, {"South"});
  CHECK(f.group_visible == std::vector<bool>{false, true});
  CHECK_FALSE(viz::node_visible(net, f, 0));
  CHECK(viz::node_visible(net, f, 4));
  CHECK(viz::node_sizes(net, f) == std::vector<float>{0, 0, 0, 1, 1});
  f.size_by_degree = true;
  // Mean degree 10 / 5 = 2: the centre (4 ties) sqrt(2), a leaf (1) sqrt(1/2), 3 and 4 (2) 1.
  const auto s = viz::node_sizes(net, viz::NodeFilter{{}, true});
  CHECK(s[0] == Approx(std::sqrt(2.0f)));
  CHECK(s[1] == Approx(std::sqrt(0.5f)));
  CHECK(s[3] == Approx(1.0f));
  CHECK(viz::node_sizes(net, f)[3] == Approx(1.0f));
  CHECK(viz::node_sizes(net, f)[0] == 0);
  CHECK(viz::only_groups(net, {}).group_visible.empty());
  CHECK_THROWS_WITH(viz::only_groups(net, {"Middle"}),
                    "no neighbourhood named \"Middle\" (this run has North, South)");
}

TEST_CASE("sizing by degree is clamped so hubs and isolates stay readable", "[viz]") {
  sim::EdgeList e;
  e.n = 40;
  for (std::uint32_t i = 1; i < 39; ++i) e.u.push_back(0), e.v.push_back(i);  // 39 alone
  const sim::Network net = sim::freeze(e, sim::Ordering::None);
  const auto s = viz::node_sizes(net, viz::NodeFilter{{}, true});
  CHECK(s[0] == viz::kMaxDegreeSize);
  CHECK(s[39] == viz::kMinDegreeSize);
}

TEST_CASE("the tie index keeps only ties between shown people, by layer", "[viz]") {
  const sim::Network net = star();
  const viz::TieIndex all = viz::tie_index(net, {}, 100);
  CHECK(all.total == 5);
  CHECK(all.sampled == 5);
  REQUIRE(all.layers.size() == 2);
  CHECK(all.layers[0].second == 8);  // four ties, two indices each
  CHECK(all.layers[1] == std::pair<std::size_t, std::size_t>{8, 2});
  const viz::TieIndex south = viz::tie_index(net, {false, false, false, true, true}, 100);
  CHECK(south.total == 1);
  CHECK(south.layers[0].second == 0);
  CHECK(std::vector<std::uint32_t>(south.indices.begin(), south.indices.begin() + 2) ==
        std::vector<std::uint32_t>{3, 4});
  const viz::TieIndex sample = viz::tie_index(net, {}, 2);  // stride 3: ties 0 and 3 of layer 0
  CHECK(sample.total == 5);
  CHECK(sample.sampled == 3);
  REQUIRE(sample.sample.size() == 2);
  CHECK(sample.sample[0].second == 4);
  CHECK(sample.sample[1].second == 2);
}
