#include "viz/gl/charts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "viz/histogram.hpp"

namespace wellsim::viz {

namespace {

ImU32 to_imgui(Rgba8 c) { return IM_COL32(c.r, c.g, c.b, 255); }

std::vector<float> as_floats(const std::vector<double>& v) {
  return std::vector<float>(v.begin(), v.end());
}

}  // namespace

void legend(const ColourScale& scale, const char* title) {
  ImGui::TextUnformatted(title);
  const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 1.1f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  constexpr int kSegments = 32;
  for (int k = 0; k < kSegments; ++k) {
    const int a = k * (ColourScale::kEntries - 1) / kSegments;
    const int b = (k + 1) * (ColourScale::kEntries - 1) / kSegments;
    const float x0 = p.x + w * float(k) / kSegments, x1 = p.x + w * float(k + 1) / kSegments;
    const ImU32 ca = to_imgui(scale.entry(a)), cb = to_imgui(scale.entry(b));
    draw->AddRectFilledMultiColor(ImVec2(x0, p.y), ImVec2(x1, p.y + h), ca, cb, cb, ca);
  }
  ImGui::Dummy(ImVec2(w, h));
  char lo[32], mid[32], hi[32];
  const char* fmt = scale.kind() == MapKind::Diverging ? "%+.2f" : "%.0f";
  std::snprintf(lo, sizeof lo, fmt, scale.lo());
  std::snprintf(mid, sizeof mid, fmt, (scale.lo() + scale.hi()) / 2);
  std::snprintf(hi, sizeof hi, fmt, scale.hi());
  ImGui::TextUnformatted(lo);
  ImGui::SameLine(w / 2 - ImGui::CalcTextSize(mid).x / 2);
  ImGui::TextUnformatted(mid);
  ImGui::SameLine(w - ImGui::CalcTextSize(hi).x);
  ImGui::TextUnformatted(hi);
}

void week_chart(const char* label, const std::vector<float>& values, int shown_week, float height) {
  if (values.empty()) return;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  const float pad = std::max(0.05f, (*hi - *lo) * 0.1f);
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::PlotLines(label, values.data(), int(values.size()), 0, nullptr, *lo - pad, *hi + pad,
                   ImVec2(w, height));
  // The shown week, as a vertical line across the plot.
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float t = values.size() > 1 ? float(shown_week) / float(values.size() - 1) : 0.0f;
  const float x = a.x + std::clamp(t, 0.0f, 1.0f) * (b.x - a.x);
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), IM_COL32(255, 255, 255, 160));
}

void mean_charts(ViewerState& state, float height) {
  const int week = state.timeline().shown_week();
  const auto& mean = state.run().mean();
  const std::size_t at = std::min<std::size_t>(std::size_t(week), mean.size() - 1);
  ImGui::Text("Mean wellbeing: %.3f at week %d", mean[at], week);
  week_chart("##mean", as_floats(mean), week, height);
  if (Comparison* cmp = state.comparison()) {
    const auto d = cmp->mean_difference();
    if (d.empty()) return;
    ImGui::Text("Mean difference from baseline: %+.4f", d[std::min(at, d.size() - 1)]);
    week_chart("##meandiff", as_floats(d), week, height);
  }
}

void distribution_chart(ViewerState& state, float height) {
  const ColourScale& scale = state.scale();
  const auto counts = histogram(state.values(), scale.lo(), scale.hi(), 40);
  ImGui::Text(state.difference_mode() ? "Differences this week (%zu people)"
                                      : "Wellbeing this week (%zu people)",
              state.values().size());
  ImGui::PlotHistogram("##dist", counts.data(), int(counts.size()), 0, nullptr, 0.0f, FLT_MAX,
                       ImVec2(ImGui::GetContentRegionAvail().x, height));
}

}  // namespace wellsim::viz
