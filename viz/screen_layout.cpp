// Where panels go in the window, so they never cover the network (the screenshot tests rely on
// every node being visible).
#include "viz/screen_layout.hpp"

#include <algorithm>

namespace wellsim::viz {

ScreenLayout screen_layout(Vec2 size, bool presenter, float font_px) {
  const float side_w = std::clamp(size.x * 0.3f, 22 * font_px, 34 * font_px);
  const float left_w = std::max(1.0f, size.x - side_w);
  const float timeline_h = 4.2f * font_px;
  const float caption_h = presenter ? 3.4f * font_px : 0.0f;
  ScreenLayout l;
  l.side = {left_w, 0, side_w, size.y};
  l.caption = {0, 0, left_w, caption_h};
  l.timeline = {0, std::max(0.0f, size.y - timeline_h), left_w, timeline_h};
  l.network = {0, caption_h, left_w, std::max(1.0f, size.y - caption_h - timeline_h)};
  return l;
}

std::pair<Viewport, Viewport> split_side_by_side(const Viewport& v, float gap) {
  const float half = std::max(1.0f, (v.w - gap) / 2);
  return {{v.x, v.y, half, v.h}, {v.x + v.w - half, v.y, half, v.h}};
}

}  // namespace wellsim::viz
