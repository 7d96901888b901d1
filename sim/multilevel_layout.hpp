#pragma once
// Multilevel force-directed drawing of one neighbourhood's ties (Walshaw's scheme, 2000): the
// graph is coarsened by matching tied pairs until a few dozen vertices are left, the coarsest is
// laid out by Fruchterman-Reingold from a random start, and each finer level starts from its
// parents' positions and needs only a short, cool FR run. Single FR from a random start leaves
// large graphs tangled (ties crossing the whole disc); the coarse levels untangle them cheaply.
#include <cstdint>
#include <vector>

namespace wellsim::sim {

/// Undirected ties among local vertices 0..n-1 in compressed sparse rows, both directions stored.
struct LocalGraph {
  std::vector<std::uint32_t> offsets;  ///< size n + 1
  std::vector<std::uint32_t> targets;  ///< size 2 * ties
  /// How many original ties each entry stands for after coarsening; empty means all 1.
  std::vector<double> weights;
  /// Weight of entry `e`.
  double weight(std::size_t e) const { return weights.empty() ? 1.0 : weights[e]; }
  /// Number of vertices.
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

/// Positions of g's vertices in the square [-0.5, 0.5]^2. Sequential and deterministic in
/// (g, seed); callers parallelise over neighbourhoods.
void multilevel_layout(const LocalGraph& g, std::uint64_t seed, std::vector<double>& x,
                       std::vector<double>& y);

}  // namespace wellsim::sim
