#pragma once
#include <string>
#include <vector>

#include "sim/network.hpp"

namespace wellsim::viz {

/// Largest and smallest size factor sizing by degree gives (a hub is at most 3x a typical
/// node, an isolate still a visible half).
inline constexpr float kMinDegreeSize = 0.5f, kMaxDegreeSize = 3.0f;

/// Which nodes are drawn, and how large: the side panel's filter by neighbourhood and the
/// option to size by degree, as data the renderer and the picking can share.
struct NodeFilter {
  std::vector<bool> group_visible;  ///< per group; missing entries (and no group) are visible
  bool size_by_degree = false;      ///< size nodes by their number of ties
  bool operator==(const NodeFilter&) const = default;
};

/// True if agent `i` passes `filter` (its group is visible, or it has none).
bool node_visible(const sim::Network& net, const NodeFilter& filter, sim::AgentId i);

/// A filter that shows only the neighbourhoods named in `names` (all when it is empty); throws
/// sim::InputError naming an unknown neighbourhood and listing the known ones.
NodeFilter only_groups(const sim::Network& net, const std::vector<std::string>& names);

/// Each node's size as a factor of the base point size: 0 for a hidden node; 1, or with
/// size_by_degree sqrt(degree / mean degree) clamped to [kMinDegreeSize, kMaxDegreeSize], so a
/// node's area grows with its ties.
std::vector<float> node_sizes(const sim::Network& net, const NodeFilter& filter);

}  // namespace wellsim::viz
