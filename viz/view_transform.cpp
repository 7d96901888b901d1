// Pan and zoom between the layout's world and screen pixels, separate from GL so picking and
// drawing agree and both can be tested.
#include "viz/view_transform.hpp"

#include <algorithm>

namespace wellsim::viz {

void ViewTransform::fit(float x0, float y0, float x1, float y1, Viewport vp, float margin) {
  vp_ = vp;
  centre_ = {(x0 + x1) / 2, (y0 + y1) / 2};
  const float w = std::max(x1 - x0, 1e-6f), h = std::max(y1 - y0, 1e-6f);
  const float room_x = std::max(1.0f, vp.w - 2 * margin),
              room_y = std::max(1.0f, vp.h - 2 * margin);
  scale_ = std::min(room_x / w, room_y / h);
}

Vec2 ViewTransform::to_screen(Vec2 world) const {
  return {vp_.x + vp_.w / 2 + scale_ * (world.x - centre_.x),
          vp_.y + vp_.h / 2 - scale_ * (world.y - centre_.y)};
}

Vec2 ViewTransform::to_world(Vec2 screen) const {
  return {centre_.x + (screen.x - vp_.x - vp_.w / 2) / scale_,
          centre_.y - (screen.y - vp_.y - vp_.h / 2) / scale_};
}

void ViewTransform::pan(Vec2 pixels) {
  centre_.x -= pixels.x / scale_;
  centre_.y += pixels.y / scale_;
}

void ViewTransform::zoom_at(Vec2 screen, float factor) {
  const Vec2 anchor = to_world(screen);
  scale_ = std::clamp(scale_ * factor, 1e-3f, 1e7f);
  const Vec2 moved = to_world(screen);
  centre_.x += anchor.x - moved.x;
  centre_.y += anchor.y - moved.y;
}

std::array<float, 2> ViewTransform::ndc_scale() const {
  return {2 * scale_ / vp_.w, 2 * scale_ / vp_.h};
}

}  // namespace wellsim::viz
