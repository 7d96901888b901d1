#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/network.hpp"
#include "viz/colour_map.hpp"

namespace wellsim::viz {

class RunData;

/// A distinct colour for group `g` (Okabe-Ito, readable by most colour-blind viewers; it
/// repeats after eight groups).
Rgba8 group_colour(std::size_t g);

/// Mean of `values` over each group's agents (`group[i]` < 0 is in none; NaN for a group with
/// no finite value), one entry per group in [0, groups).
std::vector<double> group_means(std::span<const float> values, std::span<const std::int32_t> group,
                                std::size_t groups);

/// Mean wellbeing by neighbourhood at every recorded week, computed from the per-agent rows.
/// A large run is read a few rows a frame (compute_some), so opening it stays instant and the
/// chart fills in; the rows are read past RunData's cache so replay is not slowed.
class GroupSeries {
 public:
  /// Series for `run`'s groups, none computed yet.
  explicit GroupSeries(const RunData& run);
  /// Number of groups (0: the run has no neighbourhoods, nothing to chart).
  std::size_t groups() const { return means_.size(); }
  /// Rows computed so far (the first rows()).
  std::size_t rows() const { return done_; }
  /// True when every recorded row is computed.
  bool complete() const { return done_ == total_; }
  /// Mean of group `g` at each computed row.
  const std::vector<double>& mean(std::size_t g) const { return means_[g]; }
  /// Reads and averages up to `max_rows` more rows; returns how many it did.
  std::size_t compute_some(std::size_t max_rows);

 private:
  const RunData& run_;
  std::vector<std::vector<double>> means_;  // [group][row]
  std::size_t done_ = 0, total_ = 0;
};

}  // namespace wellsim::viz
