// Freezing a tie list into the CSR network the engine steps over.
//
// The CSR is built by Boost.Graph's compressed_sparse_row_graph (a counting-sort construction,
// O(n + m), no per-vertex allocations, so a 10-million-entry graph fits the memory budget). The
// bandwidth-reducing order is reverse Cuthill-McKee over that CSR (see rcm_order for why it is
// not Boost's own cuthill_mckee_ordering). What Boost does not do —
// dropping duplicate ties from files that list both directions, and applying the permutation so
// that each row is sorted and contiguous — is two parallel passes over the rows below.
#include "sim/network.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "sim/errors.hpp"

namespace wellsim::sim {

namespace {

/// Boost CSR with the tie's index in the edge list as the edge property.
using BoostCsr =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, std::uint32_t,
                                       boost::no_property, AgentId, std::uint64_t>;

/// Both directions of every tie: entry 2k is u->v of tie k, entry 2k+1 is v->u.
BoostCsr build_boost_csr(const EdgeList& e) {
  auto endpoints = [&e](std::uint64_t k) {
    std::uint64_t t = k >> 1;
    return (k & 1) ? std::pair<AgentId, AgentId>{e.v[t], e.u[t]}
                   : std::pair<AgentId, AgentId>{e.u[t], e.v[t]};
  };
  auto tie_of = [](std::uint64_t k) { return static_cast<std::uint32_t>(k >> 1); };
  using Count = boost::counting_iterator<std::uint64_t>;
  auto first = boost::make_transform_iterator(Count(0), endpoints);
  auto last = boost::make_transform_iterator(Count(2 * e.u.size()), endpoints);
  return BoostCsr(boost::edges_are_unsorted_multi_pass, first, last,
                  boost::make_transform_iterator(Count(0), tie_of), e.n);
}

/// order[new] = old: agents sorted by group (unknown groups last), source order within a group.
std::vector<AgentId> group_order(const std::vector<std::int32_t>& group) {
  std::vector<AgentId> order(group.size());
  std::iota(order.begin(), order.end(), AgentId{0});
  std::stable_sort(order.begin(), order.end(), [&](AgentId a, AgentId b) {
    auto key = [&](AgentId x) { return group[x] < 0 ? INT64_MAX : std::int64_t{group[x]}; };
    return key(a) < key(b);
  });
  return order;
}

/// order[new] = old by reverse Cuthill-McKee (George & Liu 1981), one search per component.
///
/// Each component starts from its lowest-degree vertex (the choice scipy's reverse_cuthill_mckee
/// makes) rather than a pseudo-peripheral vertex, and the breadth-first search is written here
/// over the CSR arrays: Boost.Graph's cuthill_mckee_ordering gave the same kind of order but took
/// 0.7 s of a 10-million-entry load (its generic BFS and per-vertex priority handling), this 0.1 s.
std::vector<AgentId> rcm_order(const BoostCsr& g) {
  const std::size_t n = num_vertices(g);
  const auto& rowstart = g.m_forward.m_rowstart;
  const auto& column = g.m_forward.m_column;
  auto degree = [&](AgentId v) { return rowstart[v + 1] - rowstart[v]; };
  // Components by union-find over the ties (path halving); the lowest-degree vertex of each,
  // lowest index on a tie, seeds its search.
  std::vector<AgentId> parent(n);
  std::iota(parent.begin(), parent.end(), AgentId{0});
  auto find = [&](AgentId x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (AgentId v = 0; v < n; ++v)
    for (auto k = rowstart[v]; k < rowstart[v + 1]; ++k) {
      AgentId a = find(v), b = find(column[k]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  constexpr AgentId kNone = std::numeric_limits<AgentId>::max();
  std::vector<AgentId> start(n, kNone);
  for (AgentId v = 0; v < n; ++v) {
    AgentId& s = start[find(v)];
    if (s == kNone || degree(v) < degree(s)) s = v;
  }
  // Breadth-first search; the order vector doubles as the queue. Each vertex's unvisited
  // neighbours join in increasing degree (then index), as Cuthill-McKee prescribes.
  std::vector<AgentId> order;
  order.reserve(n);
  std::vector<bool> seen(n, false);
  std::vector<AgentId> children;
  for (AgentId root = 0; root < n; ++root) {
    if (find(root) != root) continue;
    order.push_back(start[root]);
    seen[start[root]] = true;
    for (std::size_t head = order.size() - 1; head < order.size(); ++head) {
      const AgentId v = order[head];
      children.clear();
      for (auto k = rowstart[v]; k < rowstart[v + 1]; ++k)
        if (!seen[column[k]]) seen[column[k]] = true, children.push_back(column[k]);
      std::sort(children.begin(), children.end(), [&](AgentId a, AgentId b) {
        return degree(a) != degree(b) ? degree(a) < degree(b) : a < b;
      });
      order.insert(order.end(), children.begin(), children.end());
    }
  }
  std::reverse(order.begin(), order.end());
  return order;
}

}  // namespace

Ordering parse_ordering(const std::string& text, const std::string& context) {
  if (text == "none") return Ordering::None;
  if (text == "groups") return Ordering::Groups;
  if (text == "cuthill_mckee") return Ordering::CuthillMcKee;
  if (text == "auto") return Ordering::Auto;
  throw InputError(context + ": expected one of none, groups, cuthill_mckee, auto; found '" + text +
                   "'");
}

namespace {

/// Checks the tie columns and drops self-loops in place: they carry no social influence and
/// would count a person as their own tie.
void drop_self_loops(EdgeList& e) {
  const std::size_t n = e.n;
  if (n >= std::numeric_limits<AgentId>::max())
    throw InputError("network: " + std::to_string(n) + " agents is more than this build supports");
  if (e.u.size() != e.v.size() || (!e.w.empty() && e.w.size() != e.u.size()) ||
      (!e.layer.empty() && e.layer.size() != e.u.size()))
    throw std::logic_error("freeze: tie columns differ in length");
  std::size_t kept = 0;
  for (std::size_t t = 0; t < e.u.size(); ++t) {
    if (e.u[t] >= n || e.v[t] >= n) throw std::logic_error("freeze: tie endpoint out of range");
    if (e.u[t] == e.v[t]) continue;
    e.u[kept] = e.u[t], e.v[kept] = e.v[t];
    if (!e.w.empty()) e.w[kept] = e.w[t];
    if (!e.layer.empty()) e.layer[kept] = e.layer[t];
    ++kept;
  }
  for (auto* col : {&e.u, &e.v}) col->resize(kept);
  if (!e.w.empty()) e.w.resize(kept);
  if (!e.layer.empty()) e.layer.resize(kept);
  if (kept >= (std::size_t{1} << 31))
    throw InputError("network: more than 2^31 ties is more than this build supports");
}

/// The new numbering: order[new] = old.
std::vector<AgentId> agent_order(const EdgeList& e, const BoostCsr& g, Ordering ordering) {
  const bool groups_known = !e.group.empty();
  if (ordering == Ordering::Auto)
    ordering = groups_known ? Ordering::Groups : Ordering::CuthillMcKee;
  if (ordering == Ordering::Groups && !groups_known)
    throw InputError("network.ordering: 'groups' needs a source that knows groups");
  if (ordering == Ordering::Groups) return group_order(e.group);
  if (ordering == Ordering::CuthillMcKee) return rcm_order(g);
  std::vector<AgentId> order(e.n);
  std::iota(order.begin(), order.end(), AgentId{0});
  return order;
}

}  // namespace

Network freeze(EdgeList e, Ordering ordering) {
  drop_self_loops(e);
  const std::size_t n = e.n;
  const BoostCsr g = build_boost_csr(e);
  const bool groups_known = !e.group.empty();
  const std::vector<AgentId> order = agent_order(e, g, ordering);
  std::vector<AgentId> rank(n);  // rank[old] = new
  for (AgentId i = 0; i < n; ++i) rank[order[i]] = i;

  const auto& rowstart = g.m_forward.m_rowstart;
  const auto& column = g.m_forward.m_column;
  const auto& tie = g.m_forward.m_edge_properties;

  // One row, renumbered, sorted by neighbour, duplicates dropped (the lowest tie index wins, so
  // the first listing of a tie decides its weight and layer). Returns the kept count.
  auto dedupe_row = [&](AgentId old, std::vector<std::pair<AgentId, std::uint32_t>>& buf) {
    buf.clear();
    for (auto k = rowstart[old]; k < rowstart[old + 1]; ++k)
      buf.emplace_back(rank[column[k]], tie[k]);
    std::sort(buf.begin(), buf.end());
    buf.erase(
        std::unique(buf.begin(), buf.end(), [](auto& a, auto& b) { return a.first == b.first; }),
        buf.end());
    return buf.size();
  };

  Network net;
  // Both passes walk the old rows in storage order and scatter each finished row to its new
  // place: reading rows in the new order instead cost a cache miss per row per pass (0.4 s of a
  // 10-million-entry load after Cuthill-McKee), while scattered writes of whole rows stream.
  net.offsets.assign(n + 1, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const auto& r) {
    std::vector<std::pair<AgentId, std::uint32_t>> buf;
    for (std::size_t old = r.begin(); old != r.end(); ++old)
      net.offsets[rank[old] + 1] = dedupe_row(static_cast<AgentId>(old), buf);
  });
  std::partial_sum(net.offsets.begin(), net.offsets.end(), net.offsets.begin());
  const std::size_t m = net.offsets[n];
  bool weighted =
      !e.w.empty() && std::any_of(e.w.begin(), e.w.end(), [](float w) { return w != 1.f; });
  net.neighbours.resize(m);
  net.layer.assign(m, 0);
  if (weighted) net.weight.resize(m);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const auto& r) {
    std::vector<std::pair<AgentId, std::uint32_t>> buf;
    for (std::size_t old = r.begin(); old != r.end(); ++old) {
      dedupe_row(static_cast<AgentId>(old), buf);
      std::size_t at = net.offsets[rank[old]];
      for (const auto& [nb, t] : buf) {
        net.neighbours[at] = nb;
        if (!e.layer.empty()) net.layer[at] = e.layer[t];
        if (weighted) net.weight[at] = e.w[t];
        ++at;
      }
    }
  });

  net.group_names = std::move(e.group_names);
  net.layer_names = e.layer_names.empty() ? std::vector<std::string>{"tie"} : e.layer_names;
  net.original_id.resize(n);
  net.group.assign(n, -1);
  for (AgentId i = 0; i < n; ++i) {
    AgentId old = order[i];
    net.original_id[i] = e.original_id.empty() ? std::int64_t{old} : e.original_id[old];
    if (groups_known) net.group[i] = e.group[old];
  }
  return net;
}

std::size_t group_count(const Network& net) {
  std::size_t count = net.group_names.size();
  for (std::int32_t g : net.group) count = std::max(count, static_cast<std::size_t>(g + 1));
  return count;
}

std::string group_name(const Network& net, std::size_t g) {
  if (g < net.group_names.size() && !net.group_names[g].empty()) return net.group_names[g];
  return "group " + std::to_string(g);
}

std::uint64_t bandwidth(const Network& net) {
  std::uint64_t bw = 0;
  for (AgentId i = 0; i < net.size(); ++i)
    for (AgentId j : net.neighbours_of(i)) bw = std::max<std::uint64_t>(bw, i > j ? i - j : j - i);
  return bw;
}

}  // namespace wellsim::sim
