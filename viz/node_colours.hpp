#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "viz/colour_map.hpp"

namespace wellsim::viz {

/// How much of its own colour a node keeps at each hop distance from the selected person
/// (0, 1, 2, 3 hops, then everyone else): the selection's circles stand out, the rest recedes.
inline constexpr float kHopKeep[5] = {1.0f, 1.0f, 0.85f, 0.7f, 0.2f};

/// Fills `out` with each node's colour: `scale` applied to `values`; when `hops` is not empty
/// (a person is selected), nodes farther than `hop_limit` are faded towards `background`.
void node_colours(std::span<const float> values, const ColourScale& scale,
                  std::span<const std::uint32_t> hops, std::uint8_t hop_limit, Rgba8 background,
                  std::vector<Rgba8>& out);

}  // namespace wellsim::viz
