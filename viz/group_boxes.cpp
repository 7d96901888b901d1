// Neighbourhood extents over the layout, for the names drawn on the map and for fitting the
// view to the neighbourhoods a filter leaves.
#include "viz/group_boxes.hpp"

#include <algorithm>
#include <limits>

namespace wellsim::viz {

namespace {

constexpr Box kEmpty{std::numeric_limits<float>::infinity(), std::numeric_limits<float>::infinity(),
                     -std::numeric_limits<float>::infinity(),
                     -std::numeric_limits<float>::infinity()};

void grow(Box& b, float x, float y) {
  b.x0 = std::min(b.x0, x), b.y0 = std::min(b.y0, y);
  b.x1 = std::max(b.x1, x), b.y1 = std::max(b.y1, y);
}

bool shown(const std::vector<float>& sizes, std::size_t i) {
  return i < sizes.size() && sizes[i] > 0;
}

}  // namespace

std::vector<GroupBox> group_boxes(const sim::Network& net, const sim::Layout& layout,
                                  const std::vector<float>& sizes) {
  std::vector<Box> boxes;
  for (std::size_t i = 0; i < std::min(net.group.size(), layout.size()); ++i) {
    if (net.group[i] < 0 || !shown(sizes, i)) continue;
    const auto g = std::size_t(net.group[i]);
    if (g >= boxes.size()) boxes.resize(g + 1, kEmpty);
    grow(boxes[g], layout.x[i], layout.y[i]);
  }
  std::vector<GroupBox> out;
  for (std::size_t g = 0; g < boxes.size(); ++g)
    if (boxes[g].x0 <= boxes[g].x1) out.push_back({sim::group_name(net, g), boxes[g]});
  return out;
}

std::optional<Box> shown_bounds(const sim::Layout& layout, const std::vector<float>& sizes) {
  Box b = kEmpty;
  for (std::size_t i = 0; i < layout.size(); ++i)
    if (shown(sizes, i)) grow(b, layout.x[i], layout.y[i]);
  if (b.x0 > b.x1) return std::nullopt;
  return b;
}

std::vector<bool> kept_apart(const std::vector<Box>& boxes) {
  std::vector<bool> keep(boxes.size(), false);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Box& a = boxes[i];
    keep[i] = true;
    for (std::size_t j = 0; j < i && keep[i]; ++j) {
      const Box& b = boxes[j];
      if (keep[j] && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) keep[i] = false;
    }
  }
  return keep;
}

}  // namespace wellsim::viz
