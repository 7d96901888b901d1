// Per-node colours for one frame: the colour scale plus the fading of everyone outside the
// selected person's hop circles, kept out of the renderer so it can be tested without a GPU.
#include "viz/node_colours.hpp"

#include <algorithm>
#include <cmath>

namespace wellsim::viz {

namespace {

Rgba8 fade(Rgba8 c, Rgba8 to, float keep) {
  auto ch = [&](std::uint8_t a, std::uint8_t b) {
    return static_cast<std::uint8_t>(std::lround(keep * float(a) + (1 - keep) * float(b)));
  };
  return {ch(c.r, to.r), ch(c.g, to.g), ch(c.b, to.b), 255};
}

}  // namespace

void node_colours(std::span<const float> values, const ColourScale& scale,
                  std::span<const std::uint32_t> hops, std::uint8_t hop_limit, Rgba8 background,
                  std::vector<Rgba8>& out) {
  out.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = scale.colour(values[i]);
  if (hops.size() != values.size()) return;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::uint32_t h = hops[i];
    const float keep = h <= hop_limit ? kHopKeep[std::min<std::uint32_t>(h, 3)] : kHopKeep[4];
    if (keep < 1) out[i] = fade(out[i], background, keep);
  }
}

}  // namespace wellsim::viz
