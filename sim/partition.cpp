// Partitioning one population across MPI ranks by neighbourhood (docs/scaling.md).
//
// Why by neighbourhood: households never straddle two ranks (life events read and write a whole
// household), neighbourhood series stay on one rank, and most ties (the household, most kin and
// friends, school classes) stay inside a neighbourhood, so the graph METIS sees is small (one
// vertex per neighbourhood: thousands, not millions) while the cut it minimises is the person-
// level cut: an edge's weight is the number of ties between the two neighbourhoods. The counts
// that matter for the exchange (ghosts, sends, peers) are then measured on the person network
// itself, since two cut ties may share a ghost.
#include "sim/partition.hpp"

#include <metis.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "sim/errors.hpp"

namespace wellsim::sim {

namespace {

/// The groups as a METIS graph (CSR in METIS's index type).
struct GroupGraph {
  std::vector<idx_t> xadj, adjncy, adjwgt, vwgt;
};

/// Agents sorted by group: members[start[g] .. start[g + 1]) are group g's.
void group_members(const Network& net, std::size_t groups, std::vector<std::uint64_t>& start,
                   std::vector<AgentId>& members) {
  start.assign(groups + 1, 0);
  for (std::int32_t g : net.group) ++start[static_cast<std::size_t>(g) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  members.resize(net.size());
  std::vector<std::uint64_t> next(start.begin(), start.end() - 1);
  for (AgentId i = 0; i < net.size(); ++i) members[next[net.group[i]]++] = i;
}

GroupGraph group_graph(const Network& net, std::size_t groups) {
  std::vector<std::uint64_t> start;
  std::vector<AgentId> members;
  group_members(net, groups, start, members);
  // One row per group, built in parallel with a dense scratch row per thread.
  std::vector<std::vector<std::pair<idx_t, idx_t>>> rows(groups);
  tbb::enumerable_thread_specific<std::vector<std::uint64_t>> scratch(
      [&] { return std::vector<std::uint64_t>(groups, 0); });
  tbb::parallel_for(std::size_t{0}, groups, [&](std::size_t g) {
    auto& weight = scratch.local();
    std::vector<idx_t> touched;
    for (auto k = start[g]; k < start[g + 1]; ++k)
      for (AgentId j : net.neighbours_of(members[k])) {
        const auto h = static_cast<std::size_t>(net.group[j]);
        if (h == g) continue;
        if (weight[h]++ == 0) touched.push_back(static_cast<idx_t>(h));
      }
    std::sort(touched.begin(), touched.end());
    for (idx_t h : touched) {
      rows[g].emplace_back(h, static_cast<idx_t>(weight[h]));
      weight[h] = 0;
    }
  });
  GroupGraph gg;
  gg.xadj.push_back(0);
  for (std::size_t g = 0; g < groups; ++g) {
    for (const auto& [h, w] : rows[g]) gg.adjncy.push_back(h), gg.adjwgt.push_back(w);
    gg.xadj.push_back(static_cast<idx_t>(gg.adjncy.size()));
    gg.vwgt.push_back(static_cast<idx_t>(start[g + 1] - start[g]));
  }
  return gg;
}

}  // namespace

double GroupPartition::imbalance() const {
  if (people.empty()) return 1;
  const double total = std::accumulate(people.begin(), people.end(), 0.0);
  return *std::max_element(people.begin(), people.end()) / (total / people.size());
}

GroupPartition partition_groups(const Network& net, std::uint32_t ranks) {
  if (std::any_of(net.group.begin(), net.group.end(), [](std::int32_t g) { return g < 0; }) ||
      net.group.size() != net.size())
    throw InputError("partition: every person needs a neighbourhood (a community scenario)");
  const std::size_t groups = group_count(net);
  if (ranks < 1 || ranks > groups)
    throw InputError("partition: cannot split " + std::to_string(groups) + " neighbourhoods into " +
                     std::to_string(ranks) + " ranks");
  GroupPartition p;
  p.ranks = ranks;
  p.rank_of.assign(groups, 0);
  if (ranks > 1) {
    GroupGraph gg = group_graph(net, groups);
    idx_t n = static_cast<idx_t>(groups), constraints = 1, parts = static_cast<idx_t>(ranks);
    idx_t objective = 0;
    idx_t options[METIS_NOPTIONS];
    METIS_SetDefaultOptions(options);
    options[METIS_OPTION_SEED] = 1;  // the same partition every time
    std::vector<idx_t> part(groups, 0);
    const int status = METIS_PartGraphKway(&n, &constraints, gg.xadj.data(), gg.adjncy.data(),
                                           gg.vwgt.data(), nullptr, gg.adjwgt.data(), &parts,
                                           nullptr, nullptr, options, &objective, part.data());
    if (status != METIS_OK)
      throw InputError("partition: METIS failed (status " + std::to_string(status) + ")");
    p.metis_cut = static_cast<std::uint64_t>(objective);
    for (std::size_t g = 0; g < groups; ++g) p.rank_of[g] = static_cast<std::uint32_t>(part[g]);
  }
  measure_partition(net, p);
  return p;
}

void measure_partition(const Network& net, GroupPartition& p) {
  const std::uint32_t R = p.ranks;
  struct Counts {
    std::vector<std::uint64_t> people, cut, ghosts, sends;
    std::vector<std::uint8_t> peer;  // R x R
  };
  tbb::enumerable_thread_specific<Counts> local([&] {
    return Counts{std::vector<std::uint64_t>(R), std::vector<std::uint64_t>(R),
                  std::vector<std::uint64_t>(R), std::vector<std::uint64_t>(R),
                  std::vector<std::uint8_t>(std::size_t{R} * R)};
  });
  tbb::parallel_for(tbb::blocked_range<AgentId>(0, static_cast<AgentId>(net.size())),
                    [&](const auto& range) {
                      Counts& c = local.local();
                      std::vector<std::uint32_t> others;
                      for (AgentId i = range.begin(); i != range.end(); ++i) {
                        const std::uint32_t own = p.rank_of[net.group[i]];
                        ++c.people[own];
                        others.clear();
                        for (AgentId j : net.neighbours_of(i)) {
                          const std::uint32_t r = p.rank_of[net.group[j]];
                          if (r != own) ++c.cut[own], others.push_back(r);
                        }
                        std::sort(others.begin(), others.end());
                        others.erase(std::unique(others.begin(), others.end()), others.end());
                        // i is a ghost on every other rank it is tied to, and is sent there.
                        for (std::uint32_t r : others)
                          ++c.ghosts[r], ++c.sends[own], c.peer[std::size_t{own} * R + r] = 1;
                      }
                    });
  p.people.assign(R, 0), p.cut_ties.assign(R, 0), p.ghosts.assign(R, 0), p.sends.assign(R, 0);
  std::vector<std::uint8_t> peer(std::size_t{R} * R, 0);
  for (const Counts& c : local)
    for (std::uint32_t r = 0; r < R; ++r) {
      p.people[r] += c.people[r], p.cut_ties[r] += c.cut[r];
      p.ghosts[r] += c.ghosts[r], p.sends[r] += c.sends[r];
      for (std::uint32_t q = 0; q < R; ++q) peer[std::size_t{r} * R + q] |= c.peer[r * R + q];
    }
  p.peers.assign(R, 0);
  for (std::uint32_t r = 0; r < R; ++r)
    for (std::uint32_t q = 0; q < R; ++q)
      if (peer[std::size_t{r} * R + q] || peer[std::size_t{q} * R + r]) ++p.peers[r];
  p.total_cut = std::accumulate(p.cut_ties.begin(), p.cut_ties.end(), std::uint64_t{0}) / 2;
  p.total_ties = net.entries() / 2;
}

}  // namespace wellsim::sim
