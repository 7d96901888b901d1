#pragma once
// Node positions of a network, for the viewer. Computed from the network alone, so it lives in
// sim/: `wellsim run` stores it in the run file without linking viewer code, and the viewer
// computes the same positions for a file that lacks them.
#include <cstdint>
#include <vector>

#include "sim/network.hpp"

namespace wellsim::sim {

/// Node positions in the plane, one per agent, centred on the origin within [-1, 1]^2.
struct Layout {
  std::vector<float> x;  ///< size n
  std::vector<float> y;  ///< size n
  /// Number of positioned agents.
  std::size_t size() const { return x.size(); }
};

/// Up to this many agents every group gets a multilevel force-directed layout (0.7 s for 20,000
/// people, 1.8 s for 100,000 on two cores, docs/performance.md); above it, rings (O(n)): at
/// 1,000,000 people the multilevel layout held 530 MB more than the run itself (issue 11's
/// memory bound) and gave ties only 0.70 of a random pair's distance.
inline constexpr std::size_t kForceLayoutMaxAgents = 200000;

/// The viewer's layout of `net`: each group (neighbourhood) is a disc, discs are packed in rows;
/// inside a disc members are placed by a multilevel force-directed layout of the group's own ties
/// for networks up to `force_max` agents and on rings in index order (households are contiguous,
/// so they sit together) above it. Groups are laid out in parallel; the result is deterministic
/// in (net, seed) and the same for any number of threads.
Layout compute_layout(const Network& net, std::uint64_t seed,
                      std::size_t force_max = kForceLayoutMaxAgents);

/// The multilevel force-directed layout (sim/multilevel_layout.hpp) of the ties among `members`,
/// from a seeded random start, scaled into the unit disc with the farthest 1% on its edge.
Layout force_directed_layout(const Network& net, const std::vector<AgentId>& members,
                             std::uint64_t seed);

/// `count` points on concentric rings about the origin, unit spacing, filled in order from the
/// centre, scaled into the unit disc.
Layout ring_layout(std::size_t count);

}  // namespace wellsim::sim
