#pragma once
#include <string>
#include <vector>

#include "viz/viewer_state.hpp"

namespace wellsim::viz {

/// Which series the chooser chart shows, and its values once read.
struct SeriesChoice {
  std::string name = "sd";     ///< a name chartable_series offers
  std::string loaded;          ///< the name `values` (and `base`) belong to
  std::vector<double> values;  ///< the run's, one per week
  std::vector<double> base;    ///< the baseline's, when comparing and it has the series
};

/// A chart of one series chosen from a list (the spread of wellbeing at first), with its value
/// at the shown week; comparing, the baseline's line dimmed beneath.
void series_chart(ViewerState& state, SeriesChoice& choice, float height);

}  // namespace wellsim::viz
