// Intervention start and stop ticks on the viewer's timelines, read from the run's scenario so
// an analyst sees when each policy acts next to its effect.
#include "viz/markers.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/interventions/intervention_registry.hpp"

namespace wellsim::viz {

namespace {

std::int32_t week_of(const toml::table& t, const char* key, std::int64_t fallback) {
  const std::int64_t w = t[key].value<std::int64_t>().value_or(fallback);
  // The scenario says "to the end of the run" with models::kForever.
  if (w >= models::kForever || w > std::numeric_limits<std::int32_t>::max()) return -1;
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

std::vector<InterventionSpan> intervention_spans(const std::string& effective_scenario) {
  std::vector<InterventionSpan> out;
  toml::table root;
  try {
    root = toml::parse(effective_scenario);
  } catch (const toml::parse_error&) {
    return out;
  }
  const toml::array* list = root["intervention"].as_array();
  if (!list) return out;
  for (const toml::node& node : *list) {
    const toml::table* t = node.as_table();
    if (!t) continue;
    InterventionSpan s;
    s.type = (*t)["type"].value<std::string>().value_or("");
    s.name = (*t)["name"].value<std::string>().value_or("");
    if (s.name.empty()) s.name = s.type;
    if (const auto* type = models::find_intervention_type(s.type))
      s.level = models::level_name(type->level);
    s.start_week = std::max<std::int32_t>(0, week_of(*t, "start_week", 1));
    s.end_week = week_of(*t, "end_week", models::kForever);
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
