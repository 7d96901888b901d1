#include "sim/layout.hpp"

#include <tbb/parallel_for.h>
#include <algorithm>

#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "sim/multilevel_layout.hpp"

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

/// Scales about the centroid so that all but the farthest 1% of members lie inside the unit
/// circle, and pulls those few onto it. A force layout's stragglers (people with one tie, or
/// none, inside their neighbourhood) would otherwise set the scale and leave the disc half empty.
void fit_unit_disc_robust(Layout& l) {
  const std::size_t n = l.size();
  double cx = 0, cy = 0;
  for (std::size_t i = 0; i < n; ++i) cx += l.x[i], cy += l.y[i];
  cx /= double(n), cy /= double(n);
  std::vector<double> r(n);
  for (std::size_t i = 0; i < n; ++i) r[i] = std::hypot(l.x[i] - cx, l.y[i] - cy);
  std::vector<double> sorted = r;
  const std::size_t q = std::min(n - 1, n * 99 / 100);
  std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(q), sorted.end());
  const double scale = sorted[q] > 0 ? 1.0 / sorted[q] : 1.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double shrink = r[i] * scale > 1.0 ? 1.0 / (r[i] * scale) : 1.0;
    l.x[i] = float((l.x[i] - cx) * scale * shrink);
    l.y[i] = float((l.y[i] - cy) * scale * shrink);
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
  const std::size_t m = members.size();
  if (m < 3) return ring_layout(m);
  // Local indices: a group's members in order, ties leaving the group dropped.
  std::unordered_map<AgentId, std::uint32_t> local;
  local.reserve(m);
  for (std::size_t k = 0; k < m; ++k) local.emplace(members[k], static_cast<std::uint32_t>(k));
  LocalGraph g;
  g.offsets.reserve(m + 1);
  g.offsets.push_back(0);
  for (std::size_t k = 0; k < m; ++k) {
    for (AgentId nb : net.neighbours_of(members[k]))
      if (const auto it = local.find(nb); it != local.end() && it->second != k)
        g.targets.push_back(it->second);
    g.offsets.push_back(static_cast<std::uint32_t>(g.targets.size()));
  }
  std::vector<double> x, y;
  multilevel_layout(g, seed, x, y);
  Layout l;
  l.x.assign(x.begin(), x.end());
  l.y.assign(y.begin(), y.end());
  fit_unit_disc_robust(l);
  return l;
}

Layout compute_layout(const Network& net, std::uint64_t seed, std::size_t force_max) {
  const auto groups = members_by_group(net);
  std::vector<double> radii;
  for (const auto& members : groups) radii.push_back(std::sqrt(double(members.size())));
  const auto discs = pack_discs(radii);
  const bool force = net.size() <= force_max;
  Layout out;
  out.x.assign(net.size(), 0.0f);
  out.y.assign(net.size(), 0.0f);
  // One task per group, each sequential and seeded by its index and writing only its own
  // members: the result is the same for any thread count (DESIGN invariant 1).
  tbb::parallel_for(std::size_t{0}, groups.size(), [&](std::size_t g) {
    const auto& members = groups[g];
    const Layout inner = force
                             ? force_directed_layout(net, members, seed + 0x9E3779B97F4A7C15ull * g)
                             : ring_layout(members.size());
    for (std::size_t k = 0; k < members.size(); ++k) {
      out.x[members[k]] = float(discs[g].cx + discs[g].r * inner.x[k]);
      out.y[members[k]] = float(discs[g].cy + discs[g].r * inner.y[k]);
    }
  });
  normalise(out);
  return out;
}

}  // namespace wellsim::sim
