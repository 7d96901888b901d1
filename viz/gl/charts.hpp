#pragma once
#include <vector>

#include "viz/colour_map.hpp"
#include "viz/replicate_band.hpp"
#include "viz/viewer_state.hpp"

namespace wellsim::viz {

/// The colour legend: the scale's gradient with its ends and middle labelled.
void legend(const ColourScale& scale, const char* title);
/// Draws `markers` as small ticks along the bottom of the box a-b, whose x axis runs from
/// first_week to last_week (macro changes also as a faint line across it); hovering a tick
/// shows what starts or stops there.
void marker_ticks(const std::vector<TimelineMarker>& markers, float ax, float ay, float bx,
                  float by, double first_week, double last_week);
/// A line chart of `values` (one per week from week 0) with the shown week marked, and the
/// intervention `markers` when given.
void week_chart(const char* label, const std::vector<float>& values, int shown_week, float height,
                const std::vector<TimelineMarker>* markers = nullptr);
/// Like week_chart, over a shaded `band` (one lo/hi pair per week from week 0) drawn in
/// kBandColour, with the line on top; hovering shows the week's value and what the band is.
void band_week_chart(const char* id, const std::vector<double>& values, const ReplicateBand& band,
                     int shown_week, float height, const std::vector<TimelineMarker>* markers);
/// The fill of a replicate band: opaque, so the render test can find its exact pixels.
inline constexpr Rgba8 kBandColour{62, 92, 138, 255};
/// One line of a multi_line_chart.
struct ChartLine {
  const std::vector<double>* y = nullptr;  ///< values at the chart's x positions (NaN: gap)
  Rgba8 colour;                            ///< line colour
};
/// How a multi_line_chart is drawn beyond its lines.
struct ChartStyle {
  const std::vector<TimelineMarker>* markers = nullptr;  ///< intervention ticks (null: none)
  bool from_zero = false;       ///< the axis starts at 0 (counts and shares), not at the data
  const char* format = "%.2f";  ///< printf format of the axis' top and bottom labels
  /// Least room above and below the data (not from_zero): the mean chart's 0.05 keeps a week's
  /// noise from filling it; the chooser's series fill their chart whatever their size.
  double min_pad = 0.05;
};
/// Several lines over the same `x` (increasing) with the shown x marked, scaled to fit them all;
/// returns false (and draws nothing) when there is nothing finite to draw. The axis' top and
/// bottom labels are probed (viz/gl/layout_probe.hpp), so a test reads the axis it drew.
bool multi_line_chart(const char* id, const std::vector<double>& x,
                      const std::vector<ChartLine>& lines, double shown_x, float height,
                      const ChartStyle& style = {});
/// Mean wellbeing over time (and, comparing, the mean difference from the baseline), each over
/// the band across replicates when the state has one.
void mean_charts(ViewerState& state, float height);
/// The share of people with low wellbeing (below 4.5) over time.
void share_low_chart(ViewerState& state, float height);
/// The distribution of the shown values at this week.
void distribution_chart(ViewerState& state, float height);

}  // namespace wellsim::viz
