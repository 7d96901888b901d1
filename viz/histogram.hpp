#pragma once
#include <span>
#include <vector>

namespace wellsim::viz {

/// Counts of `values` in `bins` equal bins over [lo, hi] (values outside go to the end bins,
/// NaN and infinities are skipped), as floats for ImGui::PlotHistogram.
std::vector<float> histogram(std::span<const float> values, float lo, float hi, int bins);

/// Mean of the finite `values` (0 when there are none).
double finite_mean(std::span<const float> values);

}  // namespace wellsim::viz
