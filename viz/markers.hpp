#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "output/run_records.hpp"

namespace wellsim::viz {

/// When one `[[intervention]]` of a run's scenario acts, as the viewer marks it on its timelines.
struct InterventionSpan {
  std::string name;             ///< its name (the type when the scenario gave none)
  std::string type;             ///< scenario `type` ("price_shock")
  std::string level;            ///< "micro", "meso" or "macro" ("" when an old file lacks it)
  std::int32_t start_week = 1;  ///< first week it acts
  std::int32_t end_week = -1;   ///< last week it acts; -1: to the end of the run
};

/// The spans of a run's interventions (RunReader::interventions(), the /interventions table),
/// in scenario order.
std::vector<InterventionSpan> intervention_spans(
    const std::vector<output::InterventionRecord>& interventions);

/// One tick on a timeline: an intervention starting or stopping.
struct TimelineMarker {
  std::int32_t week = 0;  ///< where the tick goes
  bool start = true;      ///< true: it starts acting this week; false: this is its last week
  bool macro = false;     ///< a macro change (prices, benefits, funding, law), drawn apart
  std::string label;      ///< "price_shock (price_shock, macro) starts in week 26"
};

/// The ticks for `spans` on a timeline of weeks first_week..last_week, in week order. Starts at
/// or before week 1 are left out (services that run all along would crowd every chart's left
/// edge), and so are ends at or after the last week and anything outside the span.
std::vector<TimelineMarker> timeline_markers(const std::vector<InterventionSpan>& spans,
                                             std::int32_t first_week, std::int32_t last_week);

/// Indices of the markers within `radius` weeks of `week` (what a tooltip at the mouse lists).
std::vector<std::size_t> markers_near(const std::vector<TimelineMarker>& markers, double week,
                                      double radius);

}  // namespace wellsim::viz
