#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/network.hpp"

namespace wellsim::viz {

/// The ties as a GL_LINES index buffer: each undirected tie once (i < j), grouped by layer so a
/// layer is one contiguous range, followed by an even sample of each layer for zoomed-out views.
struct TieIndex {
  using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;  ///< (first index, count)
  std::vector<std::uint32_t> indices;                               ///< pairs of node indices
  Ranges layers;                                                    ///< every tie of layer k
  Ranges sample;            ///< the sample of layer k (the same as layers when small)
  std::size_t total = 0;    ///< ties in `layers`
  std::size_t sampled = 0;  ///< ties in `sample`
};

/// The ties of `net` whose two ends are both visible (`visible` empty: all), with a sample of
/// about `sample_target` ties that keeps the layers' proportions.
TieIndex tie_index(const sim::Network& net, const std::vector<bool>& visible,
                   std::size_t sample_target);

}  // namespace wellsim::viz
