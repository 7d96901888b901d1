#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "viz/gl/gl.hpp"

namespace wellsim::viz {

/// An offscreen RGBA8 framebuffer: screenshots render here, so the picture does not depend on
/// the window system (a hidden window's own pixels are undefined).
class OffscreenTarget {
 public:
  /// Creates a `width` x `height` target; throws sim::RuntimeError if the driver refuses.
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  /// Makes it the target of drawing (and of write_png).
  void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }

 private:
  GLuint fbo_ = 0, colour_ = 0;
};

/// The bound framebuffer's `width` x `height` pixels, RGBA, opaque, bottom row first (GL's order).
std::vector<std::uint8_t> read_pixels(int width, int height);
/// Reads the bound framebuffer's `width` x `height` pixels and writes them as a PNG, top row
/// first; throws sim::RuntimeError if the file cannot be written.
void write_png(const std::string& path, int width, int height);

}  // namespace wellsim::viz
