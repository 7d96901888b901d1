// The neighbourhood panel: mean wellbeing by neighbourhood and the checkboxes that filter the
// network, which double as the chart's legend.
#include "viz/gl/group_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "viz/gl/charts.hpp"

namespace wellsim::viz {

namespace {

// Per-agent values read per frame while the series fills in: about 20 ms of reading.
constexpr std::size_t kValuesPerFrame = 4'000'000;

/// A colour swatch the size of a line of text, then stays on the line.
void swatch(Rgba8 c) {
  const float h = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f),
                                            ImVec2(p.x + h * 0.8f, p.y + h * 0.9f),
                                            IM_COL32(c.r, c.g, c.b, 255));
  ImGui::Dummy(ImVec2(h * 0.8f, h));
  ImGui::SameLine();
}

void group_chart(ViewerState& state, const NodeFilter& filter, float height) {
  GroupSeries& series = state.group_series();
  const auto& weeks = state.run().weeks();
  const std::vector<double> x(weeks.begin(), weeks.begin() + std::ptrdiff_t(series.rows()));
  std::vector<ChartLine> lines;
  for (std::size_t g = 0; g < series.groups(); ++g)
    if (g >= filter.group_visible.size() || filter.group_visible[g])
      lines.push_back({&series.mean(g), group_colour(g)});
  ImGui::TextUnformatted(series.complete() ? "Mean wellbeing by neighbourhood"
                                           : "Mean wellbeing by neighbourhood (reading...)");
  if (!multi_line_chart("##groups", x, lines, state.timeline().shown_week(), height))
    ImGui::TextDisabled("no neighbourhood shown");
}

}  // namespace

void neighbourhood_section(ViewerState& state, float chart_height, bool presenter) {
  GroupSeries& series = state.group_series();
  if (!series.complete())
    series.compute_some(
        std::max<std::size_t>(1, kValuesPerFrame / std::max<std::size_t>(1, state.run().agents())));
  NodeFilter filter = state.filter();
  if (series.groups() == 0) {
    ImGui::TextDisabled("This run has no neighbourhoods.");
  } else {
    filter.group_visible.resize(series.groups(), true);
    group_chart(state, filter, chart_height);
    const auto& net = state.run().network();
    const float line = ImGui::GetFrameHeightWithSpacing();
    const float list_h = line * float(std::min<std::size_t>(series.groups(), presenter ? 4 : 6));
    if (ImGui::BeginChild("##groups_shown", ImVec2(0, list_h))) {
      for (std::size_t g = 0; g < series.groups(); ++g) {
        swatch(group_colour(g));
        bool on = filter.group_visible[g];
        ImGui::PushID(int(g));
        if (ImGui::Checkbox(sim::group_name(net, g).c_str(), &on)) filter.group_visible[g] = on;
        ImGui::PopID();
      }
    }
    ImGui::EndChild();
    if (ImGui::SmallButton("Show all")) filter.group_visible.assign(series.groups(), true);
    ImGui::SameLine();
    if (ImGui::SmallButton("Hide all")) filter.group_visible.assign(series.groups(), false);
  }
  ImGui::Checkbox("Size by number of ties", &filter.size_by_degree);
  state.set_filter(filter);
}

}  // namespace wellsim::viz
