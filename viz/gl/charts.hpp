#pragma once
#include <vector>

#include "viz/colour_map.hpp"
#include "viz/viewer_state.hpp"

namespace wellsim::viz {

/// The colour legend: the scale's gradient with its ends and middle labelled.
void legend(const ColourScale& scale, const char* title);
/// A line chart of `values` (one per week from week 0) with the shown week marked.
void week_chart(const char* label, const std::vector<float>& values, int shown_week, float height);
/// Mean wellbeing over time (and, comparing, the mean difference from the baseline).
void mean_charts(ViewerState& state, float height);
/// The distribution of the shown values at this week.
void distribution_chart(ViewerState& state, float height);

}  // namespace wellsim::viz
