#pragma once
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

}  // namespace wellsim::viz
