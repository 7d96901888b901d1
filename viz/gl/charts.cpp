// ImGui chart helpers shared by the panels (legend, intervention ticks, replicate bands), so
// every chart draws these the same way.
#include "viz/gl/charts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "viz/gl/layout_probe.hpp"
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

void marker_ticks(const std::vector<TimelineMarker>& markers, float ax, float ay, float bx,
                  float by, double first_week, double last_week) {
  if (markers.empty() || !(last_week > first_week)) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const double span = last_week - first_week;
  auto px = [&](double w) { return ax + float((w - first_week) / span) * (bx - ax); };
  const float tick = std::min(by - ay, ImGui::GetFontSize() * 0.6f);
  for (const TimelineMarker& m : markers) {
    const float x = px(m.week);
    // Starts bright, stops dim; macro changes orange (and across the chart), services blue.
    const ImU32 c = m.macro
                        ? (m.start ? IM_COL32(255, 170, 60, 255) : IM_COL32(200, 130, 60, 220))
                        : (m.start ? IM_COL32(110, 200, 255, 255) : IM_COL32(90, 140, 180, 220));
    if (m.macro) draw->AddLine(ImVec2(x, ay), ImVec2(x, by), IM_COL32(255, 170, 60, 60));
    draw->AddLine(ImVec2(x, by - tick), ImVec2(x, by), c, 2.0f);
    // A start points right (into the weeks it acts), a stop points left.
    const float d = m.start ? 4.0f : -4.0f;
    draw->AddTriangleFilled(ImVec2(x, by - tick), ImVec2(x + d, by - tick + 3),
                            ImVec2(x, by - tick + 6), c);
  }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (mouse.y < ay || mouse.y > by || mouse.x < ax - 4 || mouse.x > bx + 4) return;
  const double week = first_week + double(mouse.x - ax) / double(bx - ax) * span;
  const double radius = 4.0 * span / double(std::max(1.0f, bx - ax));
  const auto near = markers_near(markers, week, radius);
  if (near.empty()) return;
  ImGui::BeginTooltip();
  for (std::size_t k : near) ImGui::TextUnformatted(markers[k].label.c_str());
  ImGui::EndTooltip();
}

void week_chart(const char* label, const std::vector<float>& values, int shown_week, float height,
                const std::vector<TimelineMarker>* markers) {
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
  if (markers && values.size() > 1)
    marker_ticks(*markers, a.x, a.y, b.x, b.y, 0.0, double(values.size() - 1));
}

namespace {

/// The axis' top and bottom values as labels inside the chart box a-b, probed for the layout
/// tests (viz/gl/layout_probe.hpp) so they can read the axis a chart drew.
void axis_labels(ImDrawList* draw, ImVec2 a, ImVec2 b, double lo, double hi, const char* format) {
  char top[32], bottom[32];
  std::snprintf(top, sizeof top, format, hi);
  std::snprintf(bottom, sizeof bottom, format, lo);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const Viewport box{a.x, a.y, b.x - a.x, b.y - a.y};
  for (const auto& [label, at] : {std::pair{top, ImVec2(a.x + 2, a.y)},
                                  {bottom, ImVec2(a.x + 2, b.y - ImGui::GetFontSize())}}) {
    draw->AddText(at, text, label);
    const ImVec2 size = ImGui::CalcTextSize(label);
    probe_text(label, at, ImVec2(at.x + size.x, at.y + size.y), box);
  }
}

}  // namespace

void band_week_chart(const char* id, const std::vector<double>& values, const ReplicateBand& band,
                     int shown_week, float height, const std::vector<TimelineMarker>* markers) {
  if (values.empty()) return;
  double lo = INFINITY, hi = -INFINITY;
  for (const auto* series : {&values, &band.lo, &band.hi})
    for (double v : *series)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!(lo <= hi)) return;
  const double pad = std::max(0.05, (hi - lo) * 0.1);
  lo -= pad, hi += pad;
  const float w = ImGui::GetContentRegionAvail().x;
  const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + w, a.y + height);
  ImGui::InvisibleButton(id, ImVec2(w, height));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const double last = double(std::max<std::size_t>(1, values.size() - 1));
  auto px = [&](double week) { return a.x + float(week / last) * (b.x - a.x); };
  auto py = [&](double v) { return b.y - float((v - lo) / (hi - lo)) * (b.y - a.y); };
  // One trapezoid per week; without anti-aliasing, whose feathered edges would show as seams
  // between neighbouring trapezoids.
  const ImDrawListFlags flags = draw->Flags;
  draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  const ImU32 fill = to_imgui(kBandColour);
  const std::size_t n = std::min(band.lo.size(), band.hi.size());
  for (std::size_t k = 1; k < n; ++k) {
    const double l0 = band.lo[k - 1], h0 = band.hi[k - 1], l1 = band.lo[k], h1 = band.hi[k];
    if (!(std::isfinite(l0) && std::isfinite(h0) && std::isfinite(l1) && std::isfinite(h1)))
      continue;
    const float x0 = px(double(k - 1)), x1 = px(double(k));
    draw->AddQuadFilled(ImVec2(x0, py(h0)), ImVec2(x1, py(h1)), ImVec2(x1, py(l1)),
                        ImVec2(x0, py(l0)), fill);
  }
  draw->Flags = flags;
  const ImU32 line = ImGui::GetColorU32(ImGuiCol_PlotLines);
  for (std::size_t k = 1; k < values.size(); ++k)
    draw->AddLine(ImVec2(px(double(k - 1)), py(values[k - 1])),
                  ImVec2(px(double(k)), py(values[k])), line, 1.5f);
  const float sx = px(std::clamp(double(shown_week), 0.0, last));
  draw->AddLine(ImVec2(sx, a.y), ImVec2(sx, b.y), IM_COL32(255, 255, 255, 160));
  axis_labels(draw, a, b, lo, hi, "%.2f");
  if (markers) marker_ticks(*markers, a.x, a.y, b.x, b.y, 0.0, last);
  if (!hovered) return;
  const double week =
      std::clamp(double(ImGui::GetIO().MousePos.x - a.x) / double(b.x - a.x), 0.0, 1.0) * last;
  // Near an intervention tick, marker_ticks has shown its own tooltip.
  if (markers && !markers_near(*markers, week, 4.0 * last / double(std::max(1.0f, w))).empty())
    return;
  const std::size_t k = std::min(std::size_t(std::lround(week)), values.size() - 1);
  ImGui::BeginTooltip();
  ImGui::Text("week %zu: %.3f (this run)", k, values[k]);
  if (k < n) ImGui::Text("band %.3f to %.3f", band.lo[k], band.hi[k]);
  ImGui::TextUnformatted(band_label(band).c_str());
  ImGui::EndTooltip();
}

namespace {

/// A week chart of `values`: banded when `band` has one, plain (ImGui's plot) otherwise.
void mean_chart(const char* id, const std::vector<double>& values, const ReplicateBand& band,
                int week, float height, const std::vector<TimelineMarker>& markers) {
  if (band.kind == BandKind::None) return week_chart(id, as_floats(values), week, height, &markers);
  // The side panel is narrow: a short caption here, band_label() in the tooltip.
  const char* what = band.kind == BandKind::TInterval ? "95% CI of the mean" : "min-max";
  ImGui::TextDisabled("band: %s, %zu replicates", what, band.replicates);
  band_week_chart(id, values, band, week, height, &markers);
}

}  // namespace

void mean_charts(ViewerState& state, float height) {
  const int week = state.timeline().shown_week();
  const auto& mean = state.run().mean();
  const std::size_t at = std::min<std::size_t>(std::size_t(week), mean.size() - 1);
  ImGui::Text("Mean wellbeing: %.3f at week %d", mean[at], week);
  mean_chart("##mean", mean, state.mean_band(), week, height, state.run().markers());
  if (PairedReplay* cmp = state.comparison()) {
    const auto d = cmp->mean_difference();
    if (d.empty()) return;
    ImGui::Text("Mean difference from baseline: %+.4f", d[std::min(at, d.size() - 1)]);
    mean_chart("##meandiff", d, state.difference_band(), week, height, state.run().markers());
  }
}

bool multi_line_chart(const char* id, const std::vector<double>& x,
                      const std::vector<ChartLine>& lines, double shown_x, float height,
                      const ChartStyle& style) {
  const bool from_zero = style.from_zero;
  double lo = INFINITY, hi = -INFINITY;
  for (const ChartLine& l : lines)
    for (double v : *l.y)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!(lo <= hi) || x.empty()) return false;
  if (from_zero) lo = std::min(lo, 0.0);
  const double pad = std::max(from_zero ? 1e-3 : style.min_pad, (hi - lo) * 0.1);
  if (!from_zero) lo -= pad;
  hi += pad;
  const float w = ImGui::GetContentRegionAvail().x;
  const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + w, a.y + height);
  ImGui::InvisibleButton(id, ImVec2(w, height));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const double x0 = x.front(), span = std::max(1e-9, x.back() - x.front());
  auto px = [&](double v) { return a.x + float((v - x0) / span) * (b.x - a.x); };
  auto py = [&](double v) { return b.y - float((v - lo) / (hi - lo)) * (b.y - a.y); };
  for (const ChartLine& l : lines) {
    const std::size_t n = std::min(x.size(), l.y->size());
    for (std::size_t k = 1; k < n; ++k) {
      const double u = (*l.y)[k - 1], v = (*l.y)[k];
      if (std::isfinite(u) && std::isfinite(v))
        draw->AddLine(ImVec2(px(x[k - 1]), py(u)), ImVec2(px(x[k]), py(v)), to_imgui(l.colour),
                      1.5f);
    }
  }
  const float sx = px(std::clamp(shown_x, x0, x.back()));
  draw->AddLine(ImVec2(sx, a.y), ImVec2(sx, b.y), IM_COL32(255, 255, 255, 160));
  axis_labels(draw, a, b, lo, hi, style.format);
  if (style.markers) marker_ticks(*style.markers, a.x, a.y, b.x, b.y, x0, x.back());
  return true;
}

void share_low_chart(ViewerState& state, float height) {
  const auto& share = state.run().share_low();
  if (share.empty()) return;
  const int week = state.timeline().shown_week();
  const std::size_t at = std::min<std::size_t>(std::size_t(week), share.size() - 1);
  ImGui::Text("Low wellbeing (below 4.5): %.1f%% at week %d", 100 * share[at], week);
  week_chart("##share_low", as_floats(share), week, height, &state.run().markers());
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
