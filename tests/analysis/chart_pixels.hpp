#pragma once
// Charts found in pictures of the HTML report (browser screenshots, PDF pages drawn by
// pdftoppm): every chart sits in a frame of analysis::kChartFrameColour, so a chart is found by
// its frame's top and bottom edges, and it is drawn when enough of the pixels inside are in
// colour (bars, lines, bands). A canvas Chart.js never drew is white inside its frame; one with
// only axes and a legend is grey text on white with a few small swatches.
#include <cstdlib>
#include <string>
#include <vector>

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>
#endif

namespace wellsim::test {

/// An RGBA picture.
struct Picture {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
  const unsigned char* at(int x, int y) const {
    return rgba.data() + 4 * (std::size_t(y) * std::size_t(width) + std::size_t(x));
  }
};

/// A chart's frame in a picture, edges included.
struct Frame {
  int left = 0, top = 0, right = 0, bottom = 0;
};

#ifdef WELLSIM_HAVE_VIEWER
/// The PNG at `path` (empty when it cannot be read).
inline Picture load_png(const std::string& path) {
  Picture p;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &p.width, &p.height, &channels, 4);
  if (!data) return {};
  p.rgba.assign(data, data + std::size_t(p.width) * std::size_t(p.height) * 4);
  stbi_image_free(data);
  return p;
}
#endif

/// The frames of colour `hex` ("#8fa8c0"): pairs of horizontal edges at least `min_width`
/// pixels long with the same ends, top to bottom. `tolerance` absorbs anti-aliasing.
inline std::vector<Frame> find_frames(const Picture& p, const char* hex, int min_width,
                                      int tolerance = 40) {
  const long v = std::strtol(hex + 1, nullptr, 16);
  const int r = int(v >> 16) & 255, g = int(v >> 8) & 255, b = int(v) & 255;
  auto is_frame = [&](const unsigned char* px) {
    return std::abs(px[0] - r) + std::abs(px[1] - g) + std::abs(px[2] - b) <= tolerance;
  };
  struct Edge {
    int y, left, right;
  };
  std::vector<Edge> edges;
  for (int y = 0; y < p.height; ++y) {
    int run = 0;
    for (int x = 0; x <= p.width; ++x) {
      if (x < p.width && is_frame(p.at(x, y))) {
        ++run;
        continue;
      }
      // A 2 px edge gives two rows (or one blended row): keep one edge per line.
      if (run >= min_width && (edges.empty() || y - edges.back().y > 3))
        edges.push_back({y, x - run, x - 1});
      run = 0;
    }
  }
  std::vector<Frame> frames;
  for (std::size_t k = 0; k + 1 < edges.size(); k += 2)
    frames.push_back({edges[k].left, edges[k].y, edges[k].right, edges[k + 1].y});
  return frames;
}

/// Share of the pixels inside `f` (its edges and padding left out) that are in colour: the
/// spread of their channels is over 40 (text, grids and white are grey).
inline double coloured_share(const Picture& p, const Frame& f, int inset) {
  std::size_t coloured = 0, all = 0;
  for (int y = f.top + inset; y <= f.bottom - inset; ++y)
    for (int x = f.left + inset; x <= f.right - inset; ++x, ++all) {
      const unsigned char* px = p.at(x, y);
      const int hi = std::max({px[0], px[1], px[2]}), lo = std::min({px[0], px[1], px[2]});
      coloured += hi - lo > 40;
    }
  return all ? double(coloured) / double(all) : 0.0;
}

}  // namespace wellsim::test
