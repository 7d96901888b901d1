// The prevalence chart of the key problems over the weeks, with intervention ticks, so a
// policy's effect on circumstances is seen beside its effect on wellbeing.
#include "viz/gl/model_charts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "viz/gl/charts.hpp"
#include "viz/gl/fit_text.hpp"

namespace wellsim::viz {

namespace {

ImVec4 to_vec4(Rgba8 c) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f); }

/// Half-way to the background: the baseline's line under the run's.
Rgba8 dimmed(Rgba8 c) {
  return {std::uint8_t((c.r + 40) / 2), std::uint8_t((c.g + 42) / 2), std::uint8_t((c.b + 48) / 2),
          255};
}

std::vector<double> weeks_of(std::size_t n) {
  std::vector<double> x(n);
  for (std::size_t s = 0; s < n; ++s) x[s] = double(s);
  return x;
}

std::vector<double> percent(const std::vector<double>& v) {
  std::vector<double> out(v.size());
  std::transform(v.begin(), v.end(), out.begin(), [](double x) { return 100.0 * x; });
  return out;
}

/// The value at `week`, or NaN past the end (a run that died early).
double at_week(const std::vector<double>& v, int week) {
  return week >= 0 && std::size_t(week) < v.size() ? v[std::size_t(week)] : NAN;
}

/// "label 3.2%" in the line's colour, several to a line while they fit.
void legend_entry(const char* text, Rgba8 colour, bool& first) {
  flow(ImGui::CalcTextSize(text).x, first);
  ImGui::TextColored(to_vec4(colour), "%s", text);
}

}  // namespace

void prevalence_chart(ViewerState& state, float height) {
  const ModelSeries& m = state.run().model_series();
  if (m.prevalence.empty()) return;
  const int week = state.timeline().shown_week();
  // Percentages are kept alive here for the chart's pointers.
  std::vector<std::vector<double>> shares;
  std::vector<Rgba8> colours;
  for (std::size_t k = 0; k < m.prevalence.size(); ++k) {
    shares.push_back(percent(m.prevalence[k].values));
    colours.push_back(group_colour(k));
  }
  const ModelSeries* base =
      state.comparison() ? &state.comparison()->base().model_series() : nullptr;
  std::vector<std::vector<double>> base_shares;
  if (base && base->prevalence.size() == m.prevalence.size())
    for (const NamedSeries& s : base->prevalence) base_shares.push_back(percent(s.values));
  std::vector<ChartLine> lines;
  for (std::size_t k = 0; k < base_shares.size(); ++k)
    lines.push_back({&base_shares[k], dimmed(colours[k])});
  for (std::size_t k = 0; k < shares.size(); ++k) lines.push_back({&shares[k], colours[k]});
  ImGui::Text(base_shares.empty() ? "Problems, %% of people, at week %d"
                                  : "Problems, %% of people, at week %d (baseline dimmed)",
              week);
  bool first = true;
  for (std::size_t k = 0; k < shares.size(); ++k) {
    char text[96];
    std::snprintf(text, sizeof text, "%s %.1f%%", m.prevalence[k].label.c_str(),
                  at_week(shares[k], week));
    legend_entry(text, colours[k], first);
  }
  ChartStyle style;
  style.markers = &state.run().markers();
  style.from_zero = true;
  style.format = "%.1f%%";
  multi_line_chart("##prevalence", weeks_of(shares.front().size()), lines, week, height, style);
}

// Two charts for all services rather than two per service: five services' charts would push
// the person inspector off the panel, and one axis shows which queue is the long one.
void service_charts(ViewerState& state, float height, bool presenter) {
  const ModelSeries& m = state.run().model_series();
  if (m.services.empty()) return;
  const int week = state.timeline().shown_week();
  if (!ImGui::CollapsingHeader("Services: waiting and served",
                               presenter ? 0 : ImGuiTreeNodeFlags_DefaultOpen))
    return;
  std::vector<ChartLine> waiting, served;
  std::size_t n = 0;
  for (std::size_t k = 0; k < m.services.size(); ++k) {
    const ServiceSeries& s = m.services[k];
    const Rgba8 c = group_colour(k);
    char text[160];
    const double places = at_week(s.capacity, week);
    if (s.capacity.empty() || !std::isfinite(places))
      std::snprintf(text, sizeof text, "%s: %.0f waiting, %.0f served", s.name.c_str(),
                    at_week(s.queue, week), at_week(s.enrolled, week));
    else
      std::snprintf(text, sizeof text, "%s: %.0f waiting, %.0f served of %.0f places",
                    s.name.c_str(), at_week(s.queue, week), at_week(s.enrolled, week), places);
    ImGui::TextColored(to_vec4(c), "%s", text);
    if (!s.queue.empty()) waiting.push_back({&s.queue, c});
    if (!s.enrolled.empty()) served.push_back({&s.enrolled, c});
    n = std::max({n, s.queue.size(), s.enrolled.size()});
  }
  ChartStyle style;
  style.markers = &state.run().markers();
  style.from_zero = true;
  style.format = "%.0f";
  const std::vector<double> x = weeks_of(n);
  if (!waiting.empty()) {
    ImGui::TextDisabled("waiting (people in each queue)");
    multi_line_chart("##waiting", x, waiting, week, height, style);
  }
  if (!served.empty()) {
    ImGui::TextDisabled("served (people enrolled)");
    multi_line_chart("##served", x, served, week, height, style);
  }
}

}  // namespace wellsim::viz
