#include "sim/multilevel_layout.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>
#include <limits>
#include <utility>

namespace wellsim::sim {

namespace {

using Topology = boost::square_topology<boost::minstd_rand>;
using Point = Topology::point_type;
constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
/// Coarsening stops at this many vertices, or when a round shrinks the graph by less than a
/// fifth (isolated people cannot be matched).
constexpr std::size_t kCoarsest = 50;
constexpr double kMinShrink = 0.8;
/// FR rounds at each level finer than the coarsest.
constexpr int kRefineIterations = 30;
/// Levels above this many vertices are not run through FR: the town's neighbourhoods are dense
/// (a dozen ties each), FR pulls them into a ball whose grid repulsion costs O(n * density), 2 s
/// for 5,000 people. Anchored smoothing (O(ties)) places the finer levels instead. Measured on
/// the default town (tie/random-neighbour distance, layout time): 250 0.36, 500 0.37 and 1,000
/// 0.38 alike, but 1,000 costs twice as much; FR on every level took 16 s.
constexpr std::size_t kForceMaxVertices = 500;
constexpr int kSmoothSweeps = 3;

/// Pairs each vertex, in index order, with the unmatched neighbour it has most ties to (heavy-edge
/// matching keeps tight clusters together), of lowest degree among equals (hubs left for later
/// keeps coarse vertices balanced). Returns each vertex's coarse vertex.
std::vector<std::uint32_t> match(const LocalGraph& g, std::uint32_t& coarse_n) {
  std::vector<std::uint32_t> parent(g.size(), kNone);
  auto degree = [&](std::uint32_t v) { return g.offsets[v + 1] - g.offsets[v]; };
  coarse_n = 0;
  for (std::uint32_t v = 0; v < g.size(); ++v) {
    if (parent[v] != kNone) continue;
    std::uint32_t best = kNone;
    double heaviest = 0;
    for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      const std::uint32_t w = g.targets[e];
      if (w == v || parent[w] != kNone) continue;
      if (best == kNone || g.weight(e) > heaviest ||
          (g.weight(e) == heaviest && degree(w) < degree(best)))
        best = w, heaviest = g.weight(e);
    }
    parent[v] = coarse_n;
    if (best != kNone) parent[best] = coarse_n;
    ++coarse_n;
  }
  return parent;
}

/// The graph of coarse vertices: tied where any of their members are, each tie weighing as many
/// as the original ties it stands for (without weights, a coarse tie of one friendship pulls as
/// hard as one of fifty, and the coarse levels of a dense town are near-complete blobs).
LocalGraph contract(const LocalGraph& g, const std::vector<std::uint32_t>& parent,
                    std::uint32_t coarse_n) {
  struct Tie {
    std::uint32_t a, b;
    double w;
  };
  std::vector<Tie> ties;
  for (std::uint32_t v = 0; v < g.size(); ++v)
    for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
      if (parent[v] != parent[g.targets[e]])
        ties.push_back({parent[v], parent[g.targets[e]], g.weight(e)});
  std::sort(ties.begin(), ties.end(),
            [](const Tie& l, const Tie& r) { return l.a != r.a ? l.a < r.a : l.b < r.b; });
  LocalGraph c;
  c.offsets.assign(coarse_n + 1, 0);
  for (std::size_t t = 0; t < ties.size(); ++t) {
    if (t > 0 && ties[t].a == ties[t - 1].a && ties[t].b == ties[t - 1].b) {
      c.weights.back() += ties[t].w;
      continue;
    }
    ++c.offsets[ties[t].a + 1], c.targets.push_back(ties[t].b), c.weights.push_back(ties[t].w);
  }
  for (std::uint32_t v = 0; v < coarse_n; ++v) c.offsets[v + 1] += c.offsets[v];
  return c;
}

/// FR's attraction d^2/k times the tie's weight over the mean weight.
struct Attraction {
  double inverse_mean = 1;
  template <class Edge, class Graph>
  double operator()(Edge e, double k, double d, const Graph& bg) const {
    return boost::get(boost::edge_weight, bg, e) * inverse_mean * d * d / k;
  }
};

/// Boost.Graph's FR on `pos`, `iterations` rounds cooling linearly from `temperature` (the
/// largest move, in units of the unit square). A unit square also keeps Boost's repulsion grid
/// at a few points per cell, so an iteration is O(n), not O(n^2).
void run_fr(const LocalGraph& g, std::vector<Point>& pos, Topology& topology, int iterations,
            double temperature) {
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                            boost::property<boost::edge_weight_t, double>>;
  Graph bg(g.size());
  double total = 0;
  std::size_t ties = 0;
  for (std::uint32_t v = 0; v < g.size(); ++v)
    for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
      if (v < g.targets[e])
        boost::add_edge(v, g.targets[e], g.weight(e), bg), total += g.weight(e), ++ties;
  const Attraction attraction{total > 0 ? double(ties) / total : 1.0};
  auto position = boost::make_iterator_property_map(pos.begin(), get(boost::vertex_index, bg));
  boost::fruchterman_reingold_force_directed_layout(
      bg, position, topology,
      boost::attractive_force(attraction)
          .cooling(boost::linear_cooling<double>(iterations, temperature)));
}

/// Starts each fine vertex at its coarse vertex, nudged a little so that a matched pair does
/// not coincide (FR's repulsion is undefined at distance 0).
std::vector<Point> prolong(const std::vector<Point>& coarse,
                           const std::vector<std::uint32_t>& parent, Topology& topology) {
  const double nudge = 0.2 / std::sqrt(double(std::max<std::size_t>(parent.size(), 1)));
  std::vector<Point> fine(parent.size());
  for (std::size_t v = 0; v < parent.size(); ++v) {
    const Point r = topology.random_point();
    fine[v][0] = coarse[parent[v]][0] + nudge * r[0];
    fine[v][1] = coarse[parent[v]][1] + nudge * r[1];
  }
  return fine;
}

/// Anchored smoothing: each vertex moves halfway from where its coarse vertex put it towards its
/// neighbours' mean, `sweeps` times (Jacobi, so the order of vertices does not matter). O(ties).
void smooth(const LocalGraph& g, std::vector<Point>& pos, int sweeps) {
  const std::vector<Point> anchor = pos;
  std::vector<Point> next(pos.size());
  for (int s = 0; s < sweeps; ++s) {
    for (std::uint32_t v = 0; v < g.size(); ++v) {
      double mx = 0, my = 0, deg = 0;
      for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
        mx += g.weight(e) * pos[g.targets[e]][0], my += g.weight(e) * pos[g.targets[e]][1];
        deg += g.weight(e);
      }
      next[v] = anchor[v];
      if (deg == 0) continue;
      next[v][0] = 0.5 * anchor[v][0] + 0.5 * mx / deg;
      next[v][1] = 0.5 * anchor[v][1] + 0.5 * my / deg;
    }
    pos.swap(next);
  }
}

}  // namespace

void multilevel_layout(const LocalGraph& g, std::uint64_t seed, std::vector<double>& x,
                       std::vector<double>& y) {
  // minstd_rand needs a seed in [1, 2^31 - 2].
  boost::minstd_rand rng(static_cast<std::uint32_t>(seed % 2147483646u) + 1u);
  Topology topology(rng, 0.5);
  std::vector<LocalGraph> levels{g};
  std::vector<std::vector<std::uint32_t>> parents;
  while (levels.back().size() > kCoarsest) {
    std::uint32_t coarse_n = 0;
    auto parent = match(levels.back(), coarse_n);
    if (double(coarse_n) > kMinShrink * double(levels.back().size())) break;
    levels.push_back(contract(levels.back(), parent, coarse_n));
    parents.push_back(std::move(parent));
  }
  std::vector<Point> pos(levels.back().size());
  for (auto& p : pos) p = topology.random_point();
  run_fr(levels.back(), pos, topology, 100, 0.1);
  for (std::size_t k = parents.size(); k-- > 0;) {
    pos = prolong(pos, parents[k], topology);
    // Cool start: the coarse level fixed the shape; this one only spreads the pairs apart.
    if (pos.size() <= kForceMaxVertices)
      run_fr(levels[k], pos, topology, kRefineIterations, 3.0 / std::sqrt(double(pos.size())));
    else
      smooth(levels[k], pos, kSmoothSweeps);
  }
  x.resize(pos.size()), y.resize(pos.size());
  for (std::size_t v = 0; v < pos.size(); ++v) x[v] = pos[v][0], y[v] = pos[v][1];
}

}  // namespace wellsim::sim
