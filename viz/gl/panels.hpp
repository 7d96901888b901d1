#pragma once
#include <optional>
#include <string>

#include "viz/gl/series_chart.hpp"
#include "viz/screen_layout.hpp"
#include "viz/viewer_state.hpp"

namespace wellsim::viz {

/// What the panels ask the viewer to do this frame.
struct PanelRequests {
  bool save_png = false;  ///< export the current view
  bool fit = false;       ///< fit the network to the view again
};

/// Display options the panels change.
struct DisplayOptions {
  bool ties = true;                 ///< draw ties at all
  std::vector<bool> layer_visible;  ///< per tie layer
  SeriesChoice chart;               ///< the chosen series chart (the SD of wellbeing at first)
  std::optional<sim::AgentId> scrolled_to;  ///< whom the panel last scrolled the inspector for
};

/// Play, pause, step, speed and the week slider.
void timeline_panel(ViewerState& state, const Viewport& where);
/// The scenario's caption in large type (presenter mode).
void caption_panel(const RunData& run, const Viewport& where);
/// Legend, charts, display options and the person inspector; simplified in presenter mode.
PanelRequests side_panel(ViewerState& state, DisplayOptions& display, const Viewport& where,
                         bool presenter);
/// A message in the middle of the screen until dismissed (a file that could not be read).
void message_box(std::string& message);

}  // namespace wellsim::viz
