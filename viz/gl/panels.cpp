// The side panels' controls (playback, display options), returning what they ask for instead
// of acting, so the viewer applies every change in one place.
#include "viz/gl/panels.hpp"

#include <imgui.h>

#include <algorithm>

#include "viz/gl/charts.hpp"
#include "viz/gl/fit_text.hpp"
#include "viz/gl/group_panel.hpp"
#include "viz/gl/inspector.hpp"
#include "viz/gl/layout_probe.hpp"
#include "viz/gl/model_charts.hpp"
#include "viz/gl/series_chart.hpp"

namespace wellsim::viz {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                    ImGuiWindowFlags_NoSavedSettings;

bool begin_fixed(const char* name, const Viewport& where, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(ImVec2(where.x, where.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(where.w, where.h), ImGuiCond_Always);
  return ImGui::Begin(name, nullptr, kFixed | extra);
}

/// The week slider, saying which week is shown (and, between recorded weeks, which was asked
/// for) over its whole width, where a projector's large font still fits it.
void week_slider(Timeline& t) {
  std::string caption = week_caption(t);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float inner = ImGui::GetContentRegionAvail().x - 2 * st.FramePadding.x;
  if (ImGui::CalcTextSize(caption.c_str()).x > inner)
    caption = "week " + std::to_string(t.shown_week());
  // The caption is the slider's format: without a conversion ImGui prints it as it is.
  std::string format;
  for (char c : caption) format += c == '%' ? std::string("%%") : std::string(1, c);
  float week = float(t.week());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##week", &week, float(t.first_week()), float(t.last_week()),
                         format.c_str()))
    t.scrub(week);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImVec2 size = ImGui::CalcTextSize(caption.c_str());
  const ImVec2 at((a.x + b.x - size.x) / 2, (a.y + b.y - size.y) / 2);
  probe_text(caption, at, ImVec2(at.x + size.x, at.y + size.y),
             {a.x + st.FramePadding.x, a.y, b.x - a.x - 2 * st.FramePadding.x, b.y - a.y});
}

}  // namespace

void timeline_panel(ViewerState& state, const Viewport& where) {
  Timeline& t = state.timeline();
  if (begin_fixed("timeline", where, ImGuiWindowFlags_NoScrollbar)) {
    if (ImGui::Button("|<")) t.step_back();
    ImGui::SameLine();
    if (ImGui::Button(t.playing() ? "Pause" : "Play ")) t.toggle();
    ImGui::SameLine();
    if (ImGui::Button(">|")) t.step_forward();
    ImGui::SameLine();
    float speed = float(t.speed());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::SliderFloat("weeks/s", &speed, float(Timeline::kMinSpeed),
                           float(Timeline::kMaxSpeed), "%.2f", ImGuiSliderFlags_Logarithmic))
      t.set_speed(speed);
    week_slider(t);
    // The slider's grab centre runs over the frame less its padding and half the grab.
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float inset = 2.0f + st.GrabMinSize / 2;
    marker_ticks(state.run().markers(), a.x + inset, a.y, b.x - inset, b.y, t.first_week(),
                 t.last_week());
  }
  ImGui::End();
}

void caption_panel(const RunData& run, const Viewport& where) {
  if (begin_fixed("caption", where, ImGuiWindowFlags_NoScrollbar)) {
    ImGui::PushTextWrapPos(where.w - ImGui::GetFontSize());
    ImGui::TextUnformatted(run.caption().empty() ? run.name().c_str() : run.caption().c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

namespace {

/// The person inspector, scrolled into view when someone new is selected: below the charts it
/// would otherwise start under the bottom of a 1280x800 screen.
void inspector_section(ViewerState& state, DisplayOptions& display, bool presenter, float chart_h) {
  const auto selected = state.selected();
  ImGui::Dummy(ImVec2(0, 0));
  probe_mark("inspector");
  if (selected && selected != display.scrolled_to) ImGui::SetScrollHereY(0.0f);
  display.scrolled_to = selected;
  person_inspector(state, presenter, chart_h);
}

}  // namespace

PanelRequests side_panel(ViewerState& state, DisplayOptions& display, const Viewport& where,
                         bool presenter) {
  PanelRequests req;
  if (!begin_fixed("side", where)) {
    ImGui::End();
    return req;
  }
  // Charts shrink on a short window (a 1280x800 projector), down to 60% of their full height.
  const float chart_h =
      ImGui::GetFontSize() * (presenter ? 4.5f : 4.0f) * std::clamp(where.h / 1000.0f, 0.6f, 1.0f);
  ImGui::PushTextWrapPos(0.0f);  // every line of text wraps at the panel's edge
  ImGui::Text("%s", state.run().name().c_str());
  if (!presenter)
    ImGui::TextDisabled("%s, %zu people, %zu ties", state.run().path().c_str(),
                        state.run().agents(), state.run().network().entries() / 2);
  if (PairedReplay* cmp = state.comparison()) {
    if (!presenter) ImGui::TextDisabled("baseline %s", cmp->base().path().c_str());
    const CompareMode mode = state.compare_mode();
    const bool diff = mode == CompareMode::Difference, side = mode == CompareMode::SideBySide;
    const std::pair<const char*, CompareMode> modes[] = {{"Difference", CompareMode::Difference},
                                                         {"Side by side", CompareMode::SideBySide},
                                                         {"Run only", CompareMode::RunOnly}};
    bool first = true;
    for (const auto& [label, m] : modes) {
      flow(toggle_width(label), first);
      if (ImGui::RadioButton(label, mode == m)) state.set_compare_mode(m);
    }
    if ((diff || side) && !cmp->same_week(state.timeline().row()))
      ImGui::TextColored(ImVec4(1, 0.7f, 0.3f, 1), "baseline has no row for this week: nearest");
  }
  ImGui::Separator();
  legend(state.scale(), state.difference_mode() ? "Wellbeing, run minus baseline (points)"
                                                : "Life satisfaction (ONS 0-10)");
  ImGui::Separator();
  mean_charts(state, chart_h);
  share_low_chart(state, chart_h);
  series_chart(state, display.chart, chart_h);
  prevalence_chart(state, chart_h);
  if (!presenter) distribution_chart(state, chart_h);
  service_charts(state, chart_h * 0.8f, presenter);
  ImGui::Separator();
  neighbourhood_section(state, chart_h, presenter);
  ImGui::Separator();
  if (!presenter) {
    ImGui::Checkbox("Ties", &display.ties);
    const auto& names = state.run().network().layer_names;
    display.layer_visible.resize(names.size(), true);
    bool first = false;  // after "Ties"
    for (std::size_t k = 0; k < names.size(); ++k) {
      bool on = display.layer_visible[k];
      flow(toggle_width(names[k].c_str()), first);
      if (ImGui::Checkbox(names[k].c_str(), &on)) display.layer_visible[k] = on;
    }
    req.fit = ImGui::Button("Fit view");
    ImGui::SameLine();
    req.save_png = ImGui::Button("Save PNG");
    ImGui::Separator();
  }
  inspector_section(state, display, presenter, chart_h);
  ImGui::PopTextWrapPos();
  ImGui::End();
  return req;
}

void message_box(std::string& message) {
  if (message.empty()) return;
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x / 2, size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(size.x * 0.6f, 0), ImGuiCond_Always);
  if (ImGui::Begin("wellsim", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove)) {
    ImGui::TextWrapped("%s", message.c_str());
    if (ImGui::Button("OK")) message.clear();
  }
  ImGui::End();
}

}  // namespace wellsim::viz
