// Watts–Strogatz small world: a ring lattice whose ties are rewired at random with probability p.
//
// Source: D. J. Watts and S. H. Strogatz, "Collective dynamics of 'small-world' networks",
// Nature 393 (1998) 440-442. Agents sit on a ring, each tied to its k/2 nearest neighbours on
// either side; each lattice tie (i, i + j), j = 1..k/2, keeps its end i and with probability p
// moves its other end to an agent chosen uniformly among those farther than k/2 from i around the
// ring. At small p the network keeps the lattice's clustering (friends of friends are friends)
// yet gains short paths: the regime of real communities.
//
// Why it is built this way: the original picks uniformly among agents not currently tied to i,
// which needs the evolving adjacency and a sequential sweep. Drawing among agents outside i's
// lattice neighbourhood is exact enough (it never creates a self-loop or a copy of a lattice tie;
// two rewired ties coincide with probability about k/n, and sim::freeze drops such a copy) and
// makes every tie a pure function of one Philox draw keyed by (i, j), so a million agents are
// generated in parallel in milliseconds and identically for any thread count.
#pragma once
#include "models/network/network_source.hpp"
#include "sim/param_table.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// The n*k/2 ties of a Watts–Strogatz graph (k even, k <= n - 2), tie i*k/2 + j - 1 being the
/// lattice tie (i, i + j) or its rewired version.
sim::EdgeList watts_strogatz(sim::AgentId n, std::uint32_t k, double p,
                             const sim::RandomStream& stream);

/// The keys of [network] when source = "watts_strogatz", each field named as its key.
struct WattsStrogatzParams {
  std::int64_t n;  ///< number of agents
  std::int64_t k;  ///< lattice ties per agent (even)
  double p;        ///< rewiring probability
};

/// The watts_strogatz keys, declared once and bound to WattsStrogatzParams.
const sim::ParamTable<WattsStrogatzParams>& watts_strogatz_table();

/// The `watts_strogatz` network source: parameters n, k, p.
NetworkSource watts_strogatz_source();

}  // namespace wellsim::models
