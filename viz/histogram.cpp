// Binning for the wellbeing histogram panel, apart from ImGui so its edge cases (values outside
// the range, NaN) are tested headless.
#include "viz/histogram.hpp"

#include <algorithm>
#include <cmath>

namespace wellsim::viz {

std::vector<float> histogram(std::span<const float> values, float lo, float hi, int bins) {
  std::vector<float> counts(static_cast<std::size_t>(std::max(bins, 1)), 0.0f);
  const float width = hi > lo ? (hi - lo) / float(counts.size()) : 1.0f;
  const auto last = static_cast<long>(counts.size()) - 1;
  for (float v : values) {
    if (!std::isfinite(v)) continue;
    const long b = std::clamp(static_cast<long>(std::floor((v - lo) / width)), 0L, last);
    counts[static_cast<std::size_t>(b)] += 1;
  }
  return counts;
}

double finite_mean(std::span<const float> values) {
  double sum = 0;
  std::size_t k = 0;
  for (float v : values)
    if (std::isfinite(v)) sum += v, ++k;
  return k ? sum / double(k) : 0.0;
}

}  // namespace wellsim::viz
