// Freezing a tie list into the CSR network the engine steps over.
//
// The ties become rows by a counting sort (O(n + m), stable, no per-vertex allocations) that
// frees the edge list as it goes, so at most two copies of the ties are ever alive: the rows in
// the source numbering and the frozen network. (Boost.Graph's compressed_sparse_row_graph did
// the counting sort before, but kept the edge list, its own CSR with a tie index per entry and the
// frozen network alive together: 35 bytes a tie at the peak against 20 now; docs/performance.md.)
// When the order keeps every agent in place (a synthesised population is generated in group
// order) the rows become the network where they lie and only one copy is ever alive: 10 bytes a
// tie at the peak.
// The bandwidth-reducing order is reverse Cuthill-McKee over those rows (see rcm_order for why it
// is not Boost's own cuthill_mckee_ordering). Dropping duplicate ties from files that list both
// directions and applying the permutation, so that each row is sorted and contiguous, are two
// parallel passes over the rows.
#include "sim/network.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "sim/errors.hpp"

namespace wellsim::sim {

namespace {

/// The ties as rows in the source numbering, duplicates still in: row v holds an entry for each
/// tie of v, in the order the ties were listed (a counting sort, which is stable), so the first
/// listing of a tie comes first in both of its rows.
struct SourceRows {
  std::vector<std::uint64_t> start;  ///< n + 1
  std::vector<AgentId> column;       ///< the other end, source numbering
  std::vector<std::uint8_t> layer;   ///< per entry; empty when the edge list has no layers
  std::vector<float> weight;         ///< per entry; empty when unweighted
  std::uint64_t degree(AgentId v) const { return start[v + 1] - start[v]; }
};

/// Moves the tie columns of `e` into rows, freeing them as it goes (peak: the edge list and
/// one entry of 4-9 bytes per tie end, never the three copies a CSR library would hold).
///
/// In parallel by ranges of agents rather than of ties: each range's task reads the whole tie
/// list and writes only its own agents' counts and rows, in tie order, so every row comes out
/// in listing order however many tasks there are (no atomics, no per-task count arrays of n).
/// The extra reads are sequential and cheap beside the scattered writes they divide.
SourceRows source_rows(EdgeList& e, bool weighted) {
  const std::size_t n = e.n, ties = e.u.size();
  SourceRows r;
  r.start.assign(n + 1, 0);
  const std::size_t parts = std::max(1, tbb::this_task_arena::max_concurrency());
  auto each_range = [&](auto&& body) {
    tbb::parallel_for(std::size_t{0}, parts, [&](std::size_t p) {
      body(static_cast<AgentId>(n * p / parts), static_cast<AgentId>(n * (p + 1) / parts));
    });
  };
  each_range([&](AgentId lo, AgentId hi) {
    for (std::size_t t = 0; t < ties; ++t) {
      if (e.u[t] >= lo && e.u[t] < hi) ++r.start[e.u[t] + 1];
      if (e.v[t] >= lo && e.v[t] < hi) ++r.start[e.v[t] + 1];
    }
  });
  std::partial_sum(r.start.begin(), r.start.end(), r.start.begin());
  r.column.resize(2 * ties);
  if (!e.layer.empty()) r.layer.resize(2 * ties);
  if (weighted) r.weight.resize(2 * ties);
  std::vector<std::uint64_t> next(r.start.begin(), r.start.end() - 1);
  each_range([&](AgentId lo, AgentId hi) {
    auto put = [&](AgentId from, AgentId to, std::size_t t) {
      if (from < lo || from >= hi) return;
      const std::uint64_t at = next[from]++;
      r.column[at] = to;
      if (!r.layer.empty()) r.layer[at] = e.layer[t];
      if (weighted) r.weight[at] = e.w[t];
    };
    for (std::size_t t = 0; t < ties; ++t) put(e.u[t], e.v[t], t), put(e.v[t], e.u[t], t);
  });
  // Assigning `{}` would clear them and keep their memory: each is swapped with an empty one.
  std::vector<AgentId>().swap(e.u);
  std::vector<AgentId>().swap(e.v);
  std::vector<float>().swap(e.w);
  std::vector<std::uint8_t>().swap(e.layer);
  return r;
}

/// order[new] = old: agents sorted by group (unknown groups last), source order within a group;
/// A counting sort, O(n) where a comparison sort of ten million agents took about a second,
/// unless the ids are sparser than the agents (a file's id / group_divisor can be).
std::vector<AgentId> group_order(const std::vector<std::int32_t>& group) {
  std::int32_t groups = 0;
  for (std::int32_t g : group) groups = std::max(groups, g + 1);
  std::vector<AgentId> order(group.size());
  if (static_cast<std::size_t>(groups) > group.size()) {
    std::iota(order.begin(), order.end(), AgentId{0});
    auto key = [&](AgentId x) { return group[x] < 0 ? INT64_MAX : std::int64_t{group[x]}; };
    std::stable_sort(order.begin(), order.end(),
                     [&](AgentId a, AgentId b) { return key(a) < key(b); });
    return order;
  }
  auto slot = [&](std::int32_t g) { return static_cast<std::size_t>(g < 0 ? groups : g); };
  std::vector<std::size_t> next(static_cast<std::size_t>(groups) + 2, 0);
  for (std::int32_t g : group) ++next[slot(g) + 1];
  std::partial_sum(next.begin(), next.end(), next.begin());
  for (std::size_t v = 0; v < group.size(); ++v)
    order[next[slot(group[v])]++] = static_cast<AgentId>(v);
  return order;
}

/// order[new] = old by reverse Cuthill-McKee (George & Liu 1981), one search per component.
///
/// Each component starts from its lowest-degree vertex (the choice scipy's reverse_cuthill_mckee
/// makes) rather than a pseudo-peripheral vertex, and the breadth-first search is written here
/// over the CSR arrays: Boost.Graph's cuthill_mckee_ordering gave the same kind of order but took
/// 0.7 s of a 10-million-entry load (its generic BFS and per-vertex priority handling), this 0.1 s.
std::vector<AgentId> rcm_order(const SourceRows& g) {
  const std::size_t n = g.start.size() - 1;
  const auto& rowstart = g.start;
  const auto& column = g.column;
  auto degree = [&](AgentId v) { return g.degree(v); };
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
std::vector<AgentId> agent_order(const EdgeList& e, const SourceRows& g, Ordering ordering) {
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

/// Whether the new numbering keeps every agent where it was (a population generated
/// neighbourhood by neighbourhood, frozen in group order).
bool is_identity(const std::vector<AgentId>& order) {
  for (std::size_t i = 0; i < order.size(); ++i)
    if (order[i] != i) return false;
  return true;
}

/// Rows already in their final order become the network where they lie: each row moves left
/// over the duplicates dropped before it, and the arrays are moved, not copied. Copying them into
/// new arrays, as scatter_rows must, holds two copies of every tie at the peak of a run (about
/// 100 bytes a person of the town's 9.7 ties each; docs/performance.md). Sequential: a row's
/// new place may overlap an earlier row's old one, and a left move reads each place before it is
/// written.
void compact_in_place(SourceRows& g, Network& net, bool layered, bool weighted) {
  const std::size_t n = net.offsets.size() - 1;
  for (std::size_t v = 0; v < n; ++v) {
    const std::uint64_t from = g.start[v], to = net.offsets[v];
    if (from == to) continue;
    const std::uint64_t count = net.offsets[v + 1] - to;
    std::copy_n(g.column.begin() + from, count, g.column.begin() + to);
    if (layered) std::copy_n(g.layer.begin() + from, count, g.layer.begin() + to);
    if (weighted) std::copy_n(g.weight.begin() + from, count, g.weight.begin() + to);
  }
  const std::size_t m = net.offsets[n];
  g.column.resize(m);
  net.neighbours = std::move(g.column);
  if (layered) {
    g.layer.resize(m);
    net.layer = std::move(g.layer);
  } else {
    net.layer.assign(m, 0);
  }
  if (weighted) {
    g.weight.resize(m);
    net.weight = std::move(g.weight);
  }
}

/// Rows copied to their new places in a new network (any numbering).
void scatter_rows(const SourceRows& g, const std::vector<AgentId>& rank, Network& net, bool layered,
                  bool weighted) {
  const std::size_t n = net.offsets.size() - 1, m = net.offsets[n];
  net.neighbours.resize(m);
  net.layer.assign(m, 0);
  if (weighted) net.weight.resize(m);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const auto& r) {
    for (std::size_t old = r.begin(); old != r.end(); ++old) {
      const std::uint64_t from = g.start[old], to = net.offsets[rank[old]];
      const std::uint64_t count = net.offsets[rank[old] + 1] - to;
      std::copy_n(g.column.begin() + from, count, net.neighbours.begin() + to);
      if (layered) std::copy_n(g.layer.begin() + from, count, net.layer.begin() + to);
      if (weighted) std::copy_n(g.weight.begin() + from, count, net.weight.begin() + to);
    }
  });
}

}  // namespace

Network freeze(EdgeList e, Ordering ordering) {
  drop_self_loops(e);
  const std::size_t n = e.n;
  const bool weighted =
      !e.w.empty() && std::any_of(e.w.begin(), e.w.end(), [](float w) { return w != 1.f; });
  const bool layered = !e.layer.empty();
  SourceRows g = source_rows(e, weighted);
  const bool groups_known = !e.group.empty();
  const std::vector<AgentId> order = agent_order(e, g, ordering);
  std::vector<AgentId> rank(n);  // rank[old] = new
  for (AgentId i = 0; i < n; ++i) rank[order[i]] = i;

  // Each row renumbered, sorted by neighbour and rid of duplicates in place (the first listing
  // of a tie is kept, so it decides the weight and layer), then copied to its new place. Rows
  // are walked in storage order and scattered: reading them in the new order instead cost a
  // cache miss per row (0.4 s of a 10-million-entry load after Cuthill-McKee).
  Network net;
  net.offsets.assign(n + 1, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const auto& r) {
    std::vector<std::pair<AgentId, std::uint32_t>> buf;  // (new neighbour, place in the row)
    std::vector<std::uint8_t> layers;
    std::vector<float> weights;
    for (std::size_t old = r.begin(); old != r.end(); ++old) {
      const std::uint64_t first = g.start[old], count = g.start[old + 1] - first;
      buf.clear();
      for (std::uint64_t k = 0; k < count; ++k)
        buf.emplace_back(rank[g.column[first + k]], static_cast<std::uint32_t>(k));
      std::sort(buf.begin(), buf.end());
      buf.erase(std::unique(buf.begin(), buf.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                buf.end());
      // Kept entries move only towards the row's front, and a place is read before anything
      // is written over it: layers and weights are gathered first.
      layers.clear();
      weights.clear();
      for (const auto& [nb, k] : buf) {
        if (layered) layers.push_back(g.layer[first + k]);
        if (weighted) weights.push_back(g.weight[first + k]);
      }
      for (std::size_t j = 0; j < buf.size(); ++j) {
        g.column[first + j] = buf[j].first;
        if (layered) g.layer[first + j] = layers[j];
        if (weighted) g.weight[first + j] = weights[j];
      }
      net.offsets[rank[old] + 1] = buf.size();
    }
  });
  std::partial_sum(net.offsets.begin(), net.offsets.end(), net.offsets.begin());
  if (is_identity(order))
    compact_in_place(g, net, layered, weighted);
  else
    scatter_rows(g, rank, net, layered, weighted);
  g = SourceRows{};

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
