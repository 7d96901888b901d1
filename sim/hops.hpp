#pragma once
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/network.hpp"

namespace wellsim::sim {

/// Hop distance of an agent no source reaches (within the limit).
inline constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();

/// Hop distance of every agent from the nearest agent with `source[i]` set (0 for sources,
/// kUnreached beyond `max_hops` or where no source is reachable). Breadth-first and stopped at
/// the limit, so the viewer's 3-hop circles round one person touch only their neighbourhood,
/// while the ripple analysis (no limit) places everyone by distance from the recipients.
std::vector<std::uint32_t> hop_distances(const Network& net, const std::vector<char>& source,
                                         std::uint32_t max_hops = kUnreached);

}  // namespace wellsim::sim
