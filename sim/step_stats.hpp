#pragma once
#include <span>

namespace wellsim::sim {

/// Population summary of wellbeing at one step (the per-step aggregates of the run file).
struct StepStats {
  double mean = 0, sd = 0, min = 0, max = 0;              ///< mean, sample SD and extremes
  double p10 = 0, p25 = 0, median = 0, p75 = 0, p90 = 0;  ///< percentiles
  double share_low = 0;   ///< share below 4.5: the ONS "low" band 0-4 once rounded
  double share_high = 0;  ///< share at or above 6.5: ONS 7-10 ("high" and "very high")
};

/// Summarises `values` (ONS 0-10 scale). Deterministic for any thread count: sums are taken in
/// fixed blocks and quantiles come from an integer histogram of 10,000 bins (exact to 0.001).
StepStats summarise(std::span<const float> values);

}  // namespace wellsim::sim
