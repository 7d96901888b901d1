// Renders screenshots into an offscreen framebuffer, because a hidden window's own pixels are
// undefined and the render tests compare PNGs.
#include "viz/gl/frame_capture.hpp"

#include <stb_image_write.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
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

std::vector<std::uint8_t> read_pixels(int width, int height) {
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * 4 *
                                   static_cast<std::size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // an opaque picture
  return pixels;
}

void write_png(const std::string& path, int width, int height) {
  const auto stride = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> pixels = read_pixels(width, height);
  // GL's rows run bottom-up, PNG's top-down.
  std::vector<std::uint8_t> row(stride);
  for (int y = 0; y < height / 2; ++y) {
    std::uint8_t* a = pixels.data() + stride * static_cast<std::size_t>(y);
    std::uint8_t* b = pixels.data() + stride * static_cast<std::size_t>(height - 1 - y);
    std::memcpy(row.data(), a, stride);
    std::memcpy(a, b, stride);
    std::memcpy(b, row.data(), stride);
  }
  // stbi_write_png ignores fwrite's and fclose's failures (a full disk, /dev/full): encode
  // through a callback into a FILE of ours and check every write and the close.
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw sim::RuntimeError(path + ": cannot write the PNG: " + std::strerror(errno));
  struct Sink {
    std::FILE* f;
    int err;  // errno of the first failed write, 0 while all succeed
  } sink{f, 0};
  auto put = [](void* context, void* data, int size) {
    auto* s = static_cast<Sink*>(context);
    const auto n = static_cast<std::size_t>(size);
    if (s->err == 0 && std::fwrite(data, 1, n, s->f) != n) s->err = errno ? errno : EIO;
  };
  const bool encoded =
      stbi_write_png_to_func(put, &sink, width, height, 4, pixels.data(), int(stride)) != 0;
  if (sink.err == 0 && std::fflush(f) != 0) sink.err = errno ? errno : EIO;
  if (std::fclose(f) != 0 && sink.err == 0) sink.err = errno ? errno : EIO;
  if (!encoded) throw sim::RuntimeError(path + ": cannot encode the PNG");
  if (sink.err != 0)
    throw sim::RuntimeError(path + ": cannot write the PNG: " + std::strerror(sink.err));
}

}  // namespace wellsim::viz
