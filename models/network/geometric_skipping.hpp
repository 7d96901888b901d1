// Geometric skipping for Bernoulli random graphs: G(n, p) and block models in O(n + m).
//
// Source: V. Batagelj and U. Brandes, "Efficient generation of large random networks",
// Phys. Rev. E 71, 036113 (2005), algorithm G(n, p). Instead of one coin per candidate pair
// (O(n^2)), the gap to the next tie is drawn directly: with q = 1 - p, the number of candidates
// skipped is floor(log(r) / log(q)) for r uniform on (0, 1), which is geometric with success
// probability p. Each candidate pair is therefore a tie independently with probability p.
//
// Why it is built this way: rows are independent (row v holds the pairs (v, w) with w < v), so
// they are generated in parallel, and each row draws from its own counter-based sequence
// (agent = v, draw = running index within the row), so the graph is a pure function of the seed
// whatever the thread count. A block model is the same loop over column segments: row v of block
// b scans every earlier block with p_between and its own block up to v with b's p_within, which
// makes G(n, p) the one-block case.
#pragma once
#include <vector>

#include "sim/network.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// The blocks of a stochastic block model, contiguous in agent order.
struct BlockModel {
  std::vector<sim::AgentId> sizes;  ///< agents per block, in agent order
  std::vector<double> p_within;     ///< tie probability inside each block
  double p_between = 0.0;           ///< tie probability between any two different blocks
};

/// Samples every tie of `model` by geometric skipping; sets n, u, v and, when `layered`, the
/// layer of each tie (0 within a block, 1 between blocks). Deterministic for any thread count.
sim::EdgeList sample_block_model(const BlockModel& model, const sim::RandomStream& stream,
                                 bool layered);

}  // namespace wellsim::models
