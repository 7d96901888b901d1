#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace wellsim::viz {

/// A uniform grid over a fixed set of points, for picking the node under the cursor: a query
/// looks only at the cells its circle touches, so a hover costs the same at 100 or 100,000
/// nodes. Built once per layout in O(n) (a counting sort of points by cell).
class PointGrid {
 public:
  /// Indexes the points (x[i], y[i]), which must outlive the grid; about two points per cell.
  PointGrid(std::span<const float> x, std::span<const float> y);
  /// The point nearest (px, py) within `radius`, if any (the lower index on a tie).
  std::optional<std::uint32_t> nearest(float px, float py, float radius) const;
  /// Number of cells along each axis.
  std::uint32_t cells_per_side() const { return side_; }

 private:
  std::uint32_t cell_of(float v, float lo) const;

  std::span<const float> x_, y_;
  float x0_ = 0, y0_ = 0, cell_ = 1;
  std::uint32_t side_ = 1;
  std::vector<std::uint32_t> start_;   // size side*side+1; cell c holds points_[start_[c]..]
  std::vector<std::uint32_t> points_;  // point indices ordered by cell
};

}  // namespace wellsim::viz
