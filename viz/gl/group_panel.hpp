#pragma once
#include "viz/viewer_state.hpp"

namespace wellsim::viz {

/// Mean wellbeing by neighbourhood over time (one coloured line per shown neighbourhood), the
/// checkboxes that filter the network by neighbourhood (they are the chart's legend), and the
/// option to size nodes by degree. Computes a few more rows of the series each frame.
void neighbourhood_section(ViewerState& state, float chart_height, bool presenter);

}  // namespace wellsim::viz
