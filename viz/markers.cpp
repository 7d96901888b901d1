// Timeline markers of the viewer: when each intervention of a run starts and stops, read from
// the run file's /interventions table (output::RunReader::interventions), never from scenario
// text or models/, so the viewer shows what the run recorded.
#include "viz/markers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wellsim::viz {

namespace {

/// A stored week as the viewer's 32-bit week; kToTheEnd (and anything past 32 bits) is -1.
std::int32_t week_of(std::int64_t w) {
  if (w < 0 || w > std::numeric_limits<std::int32_t>::max()) return -1;
  return static_cast<std::int32_t>(w);
}

std::string describe(const InterventionSpan& s) {
  std::string d = s.name;
  if (s.type != s.name || !s.level.empty()) {
    d += " (" + s.type;
    if (!s.level.empty()) d += ", " + s.level;
    d += ")";
  }
  return d;
}

}  // namespace

std::vector<InterventionSpan> intervention_spans(
    const std::vector<output::InterventionRecord>& interventions) {
  std::vector<InterventionSpan> out;
  for (const output::InterventionRecord& r : interventions) {
    InterventionSpan s;
    s.name = r.name;
    s.type = r.type;
    s.level = r.level;
    s.start_week = std::max<std::int32_t>(0, week_of(r.start_week));
    s.end_week = week_of(r.end_week);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<TimelineMarker> timeline_markers(const std::vector<InterventionSpan>& spans,
                                             std::int32_t first_week, std::int32_t last_week) {
  std::vector<TimelineMarker> out;
  for (const InterventionSpan& s : spans) {
    const bool macro = s.level == "macro";
    if (s.start_week > std::max(1, first_week) && s.start_week <= last_week)
      out.push_back({s.start_week, true, macro,
                     describe(s) + " starts in week " + std::to_string(s.start_week)});
    if (s.end_week >= 0 && s.end_week >= first_week && s.end_week < last_week)
      out.push_back({s.end_week, false, macro,
                     describe(s) + " stops after week " + std::to_string(s.end_week)});
  }
  std::stable_sort(out.begin(), out.end(), [](const TimelineMarker& a, const TimelineMarker& b) {
    return a.week < b.week;
  });
  return out;
}

std::vector<std::size_t> markers_near(const std::vector<TimelineMarker>& markers, double week,
                                      double radius) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < markers.size(); ++k)
    if (std::abs(double(markers[k].week) - week) <= radius) out.push_back(k);
  return out;
}

}  // namespace wellsim::viz
