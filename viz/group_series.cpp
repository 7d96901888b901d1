// Neighbourhood colours and mean wellbeing by neighbourhood over time, computed a few rows per
// frame so a long run's chart fills in without stalling the window.
#include "viz/group_series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "viz/run_data.hpp"

namespace wellsim::viz {

Rgba8 group_colour(std::size_t g) {
  // Okabe & Ito (2008), "Color Universal Design"; black swapped for a light grey, which shows
  // on the viewer's dark background.
  static constexpr Rgba8 kPalette[] = {
      {230, 159, 0, 255}, {86, 180, 233, 255}, {0, 158, 115, 255},   {240, 228, 66, 255},
      {0, 114, 178, 255}, {213, 94, 0, 255},   {204, 121, 167, 255}, {200, 200, 200, 255}};
  return kPalette[g % std::size(kPalette)];
}

std::vector<double> group_means(std::span<const float> values, std::span<const std::int32_t> group,
                                std::size_t groups) {
  std::vector<double> sum(groups, 0.0);
  std::vector<std::size_t> count(groups, 0);
  const std::size_t n = std::min(values.size(), group.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t g = group[i];
    if (g < 0 || std::size_t(g) >= groups || !std::isfinite(values[i])) continue;
    sum[std::size_t(g)] += values[i];
    ++count[std::size_t(g)];
  }
  for (std::size_t g = 0; g < groups; ++g)
    sum[g] = count[g] ? sum[g] / double(count[g]) : std::numeric_limits<double>::quiet_NaN();
  return sum;
}

GroupSeries::GroupSeries(const RunData& run)
    : run_(run), means_(sim::group_count(run.network())), total_(run.weeks().size()) {
  if (means_.empty()) done_ = total_;
}

std::size_t GroupSeries::compute_some(std::size_t max_rows) {
  std::size_t k = 0;
  for (; k < max_rows && done_ < total_; ++k, ++done_) {
    const auto m =
        group_means(run_.reader().wellbeing_at(done_), run_.network().group, means_.size());
    for (std::size_t g = 0; g < means_.size(); ++g) means_[g].push_back(m[g]);
  }
  return k;
}

}  // namespace wellsim::viz
