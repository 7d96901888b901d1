#include "sim/layout.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>
#include <limits>
#include <map>

namespace wellsim::sim {

namespace {

constexpr double kTwoPi = 6.283185307179586;

/// Scales about the centroid so the farthest point lies on the unit circle: every group's
/// inner layout then fills its disc the same way, whatever the algorithm's own units.
void fit_unit_disc(Layout& l) {
  const std::size_t n = l.size();
  if (n == 0) return;
  double cx = 0, cy = 0;
  for (std::size_t i = 0; i < n; ++i) cx += l.x[i], cy += l.y[i];
  cx /= double(n), cy /= double(n);
  double r = 0;
  for (std::size_t i = 0; i < n; ++i) r = std::max(r, std::hypot(l.x[i] - cx, l.y[i] - cy));
  const double s = r > 0 ? 1.0 / r : 1.0;
  for (std::size_t i = 0; i < n; ++i) {
    l.x[i] = float((l.x[i] - cx) * s);
    l.y[i] = float((l.y[i] - cy) * s);
  }
}

struct Disc {
  double cx = 0, cy = 0, r = 0;
};

/// Shelf packing: discs left to right in rows, the whole about 4:3 like the viewer's network
/// pane. Deterministic and overlap-free, which is all a map of neighbourhoods needs.
std::vector<Disc> pack_discs(const std::vector<double>& radii) {
  double area = 0, widest = 0, largest = 0;
  for (double r : radii) largest = std::max(largest, r);
  const double gap = 0.15 * largest;
  for (double r : radii) {
    area += (2 * r + gap) * (2 * r + gap);
    widest = std::max(widest, 2 * r + gap);
  }
  const double row_width = std::max(widest, std::sqrt(area * 4.0 / 3.0) * 1.15);
  std::vector<Disc> discs(radii.size());
  double x = 0, y = 0, row_height = 0;
  std::size_t row_start = 0;
  auto close_row = [&](std::size_t end) {
    for (std::size_t k = row_start; k < end; ++k) discs[k].cy = -(y + row_height / 2);
    y += row_height;
    x = 0, row_height = 0, row_start = end;
  };
  for (std::size_t k = 0; k < radii.size(); ++k) {
    const double d = 2 * radii[k] + gap;
    if (x > 0 && x + d > row_width) close_row(k);
    discs[k].cx = x + d / 2;
    discs[k].r = radii[k];
    x += d;
    row_height = std::max(row_height, d);
  }
  close_row(radii.size());
  return discs;
}

/// Members of each group in index order, groups by id, agents of unknown group (-1) last.
std::vector<std::vector<AgentId>> members_by_group(const Network& net) {
  std::map<std::int64_t, std::vector<AgentId>> by_id;
  for (AgentId i = 0; i < net.size(); ++i) {
    const std::int32_t g = net.group.empty() ? -1 : net.group[i];
    by_id[g < 0 ? std::numeric_limits<std::int64_t>::max() : g].push_back(i);
  }
  std::vector<std::vector<AgentId>> out;
  for (auto& [id, members] : by_id) out.push_back(std::move(members));
  return out;
}

/// Centres the whole layout on the origin and scales its larger half-extent to 1.
void normalise(Layout& l) {
  if (l.size() == 0) return;
  const auto [x0, x1] = std::minmax_element(l.x.begin(), l.x.end());
  const auto [y0, y1] = std::minmax_element(l.y.begin(), l.y.end());
  const double cx = (double(*x0) + *x1) / 2, cy = (double(*y0) + *y1) / 2;
  const double half = std::max(double(*x1) - *x0, double(*y1) - *y0) / 2;
  const double s = half > 0 ? 1.0 / half : 1.0;
  for (std::size_t i = 0; i < l.size(); ++i) {
    l.x[i] = float((l.x[i] - cx) * s);
    l.y[i] = float((l.y[i] - cy) * s);
  }
}

}  // namespace

Layout ring_layout(std::size_t count) {
  Layout l;
  l.x.assign(count, 0.0f);
  l.y.assign(count, 0.0f);
  std::size_t k = 1;
  for (std::size_t ring = 1; k < count; ++ring) {
    const auto capacity = static_cast<std::size_t>(kTwoPi * double(ring));
    for (std::size_t j = 0; j < capacity && k < count; ++j, ++k) {
      const double a = kTwoPi * double(j) / double(capacity);
      l.x[k] = float(double(ring) * std::cos(a));
      l.y[k] = float(double(ring) * std::sin(a));
    }
  }
  fit_unit_disc(l);
  return l;
}

Layout force_directed_layout(const Network& net, const std::vector<AgentId>& members,
                             std::uint64_t seed) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::square_topology<boost::minstd_rand>;
  const std::size_t m = members.size();
  if (m < 3) return ring_layout(m);
  constexpr auto kOutside = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> local(net.size(), kOutside);
  for (std::size_t k = 0; k < m; ++k) local[members[k]] = static_cast<std::uint32_t>(k);
  Graph g(m);
  for (std::size_t k = 0; k < m; ++k)
    for (AgentId nb : net.neighbours_of(members[k]))
      if (local[nb] != kOutside && k < local[nb]) boost::add_edge(k, local[nb], g);
  // minstd_rand needs a seed in [1, 2^31 - 2].
  boost::minstd_rand rng(static_cast<std::uint32_t>(seed % 2147483646u) + 1u);
  // A unit square (scaling 0.5: [-0.5, 0.5]^2). Boost sizes its repulsion grid cells as
  // 2 * area / sqrt(n), so only a unit area gives about four points per cell; a larger square
  // makes one cell and O(n^2) work per iteration (7 s for 2,000 people instead of 0.1 s). The
  // starting temperature (largest move per iteration) is a tenth of the square, as FR suggest.
  Topology topology(rng, 0.5);
  std::vector<Topology::point_type> pos(m);
  auto position = boost::make_iterator_property_map(pos.begin(), get(boost::vertex_index, g));
  boost::random_graph_layout(g, position, topology);
  boost::fruchterman_reingold_force_directed_layout(
      g, position, topology, boost::cooling(boost::linear_cooling<double>(100, 0.1)));
  Layout l;
  for (const auto& p : pos) l.x.push_back(float(p[0])), l.y.push_back(float(p[1]));
  fit_unit_disc(l);
  return l;
}

Layout compute_layout(const Network& net, std::uint64_t seed) {
  const auto groups = members_by_group(net);
  std::vector<double> radii;
  for (const auto& members : groups) radii.push_back(std::sqrt(double(members.size())));
  const auto discs = pack_discs(radii);
  const bool force = net.size() <= kForceLayoutMaxAgents;
  Layout out;
  out.x.assign(net.size(), 0.0f);
  out.y.assign(net.size(), 0.0f);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& members = groups[g];
    const Layout inner = force
                             ? force_directed_layout(net, members, seed + 0x9E3779B97F4A7C15ull * g)
                             : ring_layout(members.size());
    for (std::size_t k = 0; k < members.size(); ++k) {
      out.x[members[k]] = float(discs[g].cx + discs[g].r * inner.x[k]);
      out.y[members[k]] = float(discs[g].cy + discs[g].r * inner.y[k]);
    }
  }
  normalise(out);
  return out;
}

}  // namespace wellsim::sim
