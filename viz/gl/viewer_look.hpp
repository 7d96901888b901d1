#pragma once
// How the replay and the live viewer look alike: one background and one pair of font sizes, so a
// class moving from a replay to a live session sees the same picture.
#include "viz/colour_map.hpp"

namespace wellsim::viz {

inline constexpr Rgba8 kBackground{40, 42, 48, 255};  ///< behind the network
inline constexpr float kFontPx = 15.0f;               ///< panel text, normal mode
inline constexpr float kPresenterFontPx = 26.0f;      ///< panel text, presenter mode

}  // namespace wellsim::viz
