// Picking the node under the cursor in constant time per query, so hovering stays smooth at
// 100,000 nodes.
#include "viz/point_grid.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace wellsim::viz {

PointGrid::PointGrid(std::span<const float> x, std::span<const float> y) : x_(x), y_(y) {
  if (x.size() != y.size()) throw std::invalid_argument("PointGrid: x and y differ in size");
  const std::size_t n = x.size();
  side_ = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::sqrt(double(n) / 2)));
  float x1 = 0, y1 = 0;
  if (n > 0) {
    const auto [xa, xb] = std::minmax_element(x.begin(), x.end());
    const auto [ya, yb] = std::minmax_element(y.begin(), y.end());
    x0_ = *xa, x1 = *xb, y0_ = *ya, y1 = *yb;
  }
  cell_ = std::max(x1 - x0_, y1 - y0_) / float(side_);
  if (!(cell_ > 0)) cell_ = 1;
  const std::size_t cells = std::size_t{side_} * side_;
  start_.assign(cells + 1, 0);
  std::vector<std::uint32_t> cell(n);
  for (std::size_t i = 0; i < n; ++i) {
    cell[i] = cell_of(y[i], y0_) * side_ + cell_of(x[i], x0_);
    ++start_[cell[i] + 1];
  }
  for (std::size_t c = 0; c < cells; ++c) start_[c + 1] += start_[c];
  points_.resize(n);
  std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
  for (std::size_t i = 0; i < n; ++i) points_[fill[cell[i]]++] = static_cast<std::uint32_t>(i);
}

std::uint32_t PointGrid::cell_of(float v, float lo) const {
  const float c = std::floor((v - lo) / cell_);
  if (!(c > 0)) return 0;  // also catches NaN
  return std::min(side_ - 1, static_cast<std::uint32_t>(c));
}

std::optional<std::uint32_t> PointGrid::nearest(float px, float py, float radius) const {
  if (points_.empty() || !(radius >= 0)) return std::nullopt;
  const std::uint32_t cx0 = cell_of(px - radius, x0_), cx1 = cell_of(px + radius, x0_);
  const std::uint32_t cy0 = cell_of(py - radius, y0_), cy1 = cell_of(py + radius, y0_);
  std::optional<std::uint32_t> best;
  float best_d2 = radius * radius;
  for (std::uint32_t cy = cy0; cy <= cy1; ++cy)
    for (std::uint32_t cx = cx0; cx <= cx1; ++cx) {
      const std::uint32_t c = cy * side_ + cx;
      for (std::uint32_t k = start_[c]; k < start_[c + 1]; ++k) {
        const std::uint32_t i = points_[k];
        const float dx = x_[i] - px, dy = y_[i] - py, d2 = dx * dx + dy * dy;
        if (d2 < best_d2 || (d2 == best_d2 && (!best || i < *best))) best_d2 = d2, best = i;
      }
    }
  return best;
}

}  // namespace wellsim::viz
