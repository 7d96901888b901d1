// The chooser chart: any per-week series of the run on demand, so a lesson about the spread of
// wellbeing (or about one prevalence) has its own line without a fixed chart for every series.
#include "viz/gl/series_chart.hpp"

#include <imgui.h>

#include <cmath>

#include "sim/errors.hpp"
#include "viz/gl/charts.hpp"
#include "viz/gl/layout_probe.hpp"
#include "viz/series_catalogue.hpp"

namespace wellsim::viz {

namespace {

/// Reads the chosen series when the choice changed; the baseline's only if it has it.
void load(ViewerState& state, SeriesChoice& choice) {
  if (choice.loaded == choice.name) return;
  choice.values = chartable_values(state.run().reader(), choice.name);
  choice.base.clear();
  if (PairedReplay* cmp = state.comparison()) {
    try {
      choice.base = chartable_values(cmp->base().reader(), choice.name);
    } catch (const sim::InputError&) {  // a baseline without the series: the run's line alone
    }
  }
  choice.loaded = choice.name;
}

}  // namespace

void series_chart(ViewerState& state, SeriesChoice& choice, float height) {
  const auto all = chartable_series(state.run().reader());
  std::string label = choice.name;
  bool from_zero = true;
  for (const ChartableSeries& s : all)
    if (s.name == choice.name) label = s.label, from_zero = s.from_zero;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##series", label.c_str())) {
    for (const ChartableSeries& s : all)
      if (ImGui::Selectable(s.label.c_str(), s.name == choice.name)) choice.name = s.name;
    ImGui::EndCombo();
  }
  load(state, choice);
  if (choice.values.empty()) return;
  const int week = state.timeline().shown_week();
  const std::size_t at =
      std::min<std::size_t>(std::size_t(std::max(0, week)), choice.values.size() - 1);
  ImGui::Text("%.3f at week %d", choice.values[at], week);
  std::vector<double> x(std::max(choice.values.size(), choice.base.size()));
  for (std::size_t s = 0; s < x.size(); ++s) x[s] = double(s);
  std::vector<ChartLine> lines;
  if (!choice.base.empty()) lines.push_back({&choice.base, Rgba8{110, 110, 120, 255}});
  lines.push_back({&choice.values, Rgba8{235, 235, 240, 255}});
  ChartStyle style;
  style.markers = &state.run().markers();
  style.format = "%.3f";
  style.from_zero = from_zero;
  style.min_pad = 1e-3;
  if (multi_line_chart("##chosen", x, lines, week, height, style))
    probe_mark("chart " + choice.name);
}

}  // namespace wellsim::viz
