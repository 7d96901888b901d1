#pragma once
#include <cstdint>
#include <vector>

#include "sim/network.hpp"

namespace wellsim::viz {

/// Distance not reached within the hop limit.
inline constexpr std::uint8_t kFar = 255;

/// Hops from `source` to every agent along ties, up to `max_hops` (kFar beyond): the 1-, 2- and
/// 3-hop circles the person inspector highlights. Breadth-first, stops at the limit, so a
/// selection in a 100,000-person network touches only its neighbourhood.
std::vector<std::uint8_t> hop_distances(const sim::Network& net, sim::AgentId source,
                                        std::uint8_t max_hops);

}  // namespace wellsim::viz
