#pragma once
#include <array>

namespace wellsim::viz {

/// A point or a displacement in the plane.
struct Vec2 {
  float x = 0, y = 0;
};

/// A rectangle of the window in pixels, origin at the top left, y down (as GLFW and ImGui).
struct Viewport {
  float x = 0, y = 0, w = 1, h = 1;
  /// True if the pixel position `p` lies inside.
  bool contains(Vec2 p) const { return p.x >= x && p.y >= y && p.x < x + w && p.y < y + h; }
};

/// Where the layout's world (y up) appears on screen: a centre and a scale in pixels per unit,
/// changed by pan and zoom. The same numbers drive the shader (ndc_scale, centre) and picking
/// and the screenshot test (to_screen), so what is drawn and what is picked cannot disagree.
class ViewTransform {
 public:
  /// Shows the world box [x0, x1] x [y0, y1] as large as fits in `vp`, `margin` pixels clear.
  void fit(float x0, float y0, float x1, float y1, Viewport vp, float margin);
  /// Moves the view to a new viewport, keeping centre and scale.
  void set_viewport(Viewport vp) { vp_ = vp; }
  /// The viewport.
  const Viewport& viewport() const { return vp_; }
  /// Pixels per world unit.
  float scale() const { return scale_; }
  /// The world point at the viewport's centre.
  Vec2 centre() const { return centre_; }

  /// Screen position of a world point.
  Vec2 to_screen(Vec2 world) const;
  /// World point under a screen position.
  Vec2 to_world(Vec2 screen) const;
  /// Drags the picture by `pixels`.
  void pan(Vec2 pixels);
  /// Zooms by `factor` keeping the world point under `screen` where it is.
  void zoom_at(Vec2 screen, float factor);
  /// Clip-space scale per world unit along x and y (for the vertex shader).
  std::array<float, 2> ndc_scale() const;

 private:
  Viewport vp_;
  Vec2 centre_;
  float scale_ = 1;
};

}  // namespace wellsim::viz
