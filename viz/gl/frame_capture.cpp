// Renders screenshots into an offscreen framebuffer, because a hidden window's own pixels are
// undefined and the render tests compare PNGs.
#include "viz/gl/frame_capture.hpp"

#include <stb_image_write.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "sim/errors.hpp"

namespace wellsim::viz {

OffscreenTarget::OffscreenTarget(int width, int height) {
  glGenFramebuffers(1, &fbo_);
  glGenRenderbuffers(1, &colour_);
  glBindRenderbuffer(GL_RENDERBUFFER, colour_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw sim::RuntimeError("OpenGL cannot create an offscreen framebuffer of " +
                            std::to_string(width) + "x" + std::to_string(height));
}

OffscreenTarget::~OffscreenTarget() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers(1, &colour_);
  glDeleteFramebuffers(1, &fbo_);
}

void write_png(const std::string& path, int width, int height) {
  const auto stride = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> pixels(stride * static_cast<std::size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL's rows run bottom-up, PNG's top-down.
  std::vector<std::uint8_t> row(stride);
  for (int y = 0; y < height / 2; ++y) {
    std::uint8_t* a = pixels.data() + stride * static_cast<std::size_t>(y);
    std::uint8_t* b = pixels.data() + stride * static_cast<std::size_t>(height - 1 - y);
    std::memcpy(row.data(), a, stride);
    std::memcpy(a, b, stride);
    std::memcpy(b, row.data(), stride);
  }
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // an opaque picture
  if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), int(stride)))
    throw sim::RuntimeError(path + ": cannot write the PNG");
}

}  // namespace wellsim::viz
