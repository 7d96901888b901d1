#pragma once
// How one population would be split across MPI ranks: its neighbourhoods partitioned with METIS
// (docs/scaling.md), and what each rank would then exchange every step.
#include <cstdint>
#include <vector>

#include "sim/network.hpp"

namespace wellsim::sim {

/// A partition of a network's groups (neighbourhoods) into ranks, and its cost per rank.
struct GroupPartition {
  std::uint32_t ranks = 0;              ///< number of parts
  std::vector<std::uint32_t> rank_of;   ///< rank of each group
  std::vector<std::uint64_t> people;    ///< agents on each rank
  std::vector<std::uint64_t> cut_ties;  ///< each rank's ties to agents on other ranks
  std::vector<std::uint64_t> ghosts;    ///< distinct agents of other ranks tied to its agents
  std::vector<std::uint64_t> sends;     ///< (own agent, other rank) pairs: values it sends
  std::vector<std::uint32_t> peers;     ///< other ranks it exchanges with
  std::uint64_t total_cut = 0;          ///< ties with ends on two ranks
  std::uint64_t metis_cut = 0;          ///< METIS's own edge-cut of the group graph
  std::uint64_t total_ties = 0;         ///< undirected ties of the network
  /// Largest rank's agents over the mean (1 = perfect balance).
  double imbalance() const;
};

/// Partitions the groups of `net` (every agent must have one) into `ranks` parts with
/// METIS_PartGraphKway: a vertex per group weighted by its agents, an edge per pair of groups
/// weighted by the ties between them, METIS's default 3% balance tolerance and a fixed seed.
/// InputError when there are fewer groups than ranks or an agent has no group.
GroupPartition partition_groups(const Network& net, std::uint32_t ranks);

/// Counts what a partition costs (people, cut ties, ghosts, sends, peers) from `rank_of`.
void measure_partition(const Network& net, GroupPartition& p);

}  // namespace wellsim::sim
