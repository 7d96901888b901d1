#pragma once
#include <utility>

#include "viz/view_transform.hpp"

namespace wellsim::viz {

/// Where things go in the window: panels never cover the network, so every node the network
/// viewport shows is visible (and the screenshot test can look at any of them).
struct ScreenLayout {
  Viewport network;   ///< the network picture
  Viewport side;      ///< legend, charts, inspector (right)
  Viewport timeline;  ///< play controls and the week slider (bottom left)
  Viewport caption;   ///< the scenario's caption (top left; zero height outside presenter mode)
};

/// The layout of a window of `size` pixels with text `font_px` high.
ScreenLayout screen_layout(Vec2 size, bool presenter, float font_px);

/// The network viewport cut into two equal halves, left and right, `gap` pixels apart (side by
/// side comparison: the run on the left, its baseline on the right).
std::pair<Viewport, Viewport> split_side_by_side(const Viewport& v, float gap);

}  // namespace wellsim::viz
