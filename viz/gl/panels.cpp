// The side panels' controls (playback, display options), returning what they ask for instead
// of acting, so the viewer applies every change in one place.
#include "viz/gl/panels.hpp"

#include <imgui.h>

#include "viz/gl/charts.hpp"
#include "viz/gl/group_panel.hpp"
#include "viz/gl/inspector.hpp"
#include "viz/gl/model_charts.hpp"

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
    ImGui::SameLine();
    ImGui::Text("week %d of %d", t.shown_week(), t.last_week());
    float week = float(t.week());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##week", &week, float(t.first_week()), float(t.last_week()), "%.0f"))
      t.scrub(week);
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

PanelRequests side_panel(ViewerState& state, DisplayOptions& display, const Viewport& where,
                         bool presenter) {
  PanelRequests req;
  if (!begin_fixed("side", where)) {
    ImGui::End();
    return req;
  }
  const float chart_h = ImGui::GetFontSize() * (presenter ? 4.5f : 4.0f);
  ImGui::Text("%s", state.run().name().c_str());
  if (!presenter)
    ImGui::TextDisabled("%s, %zu people, %zu ties", state.run().path().c_str(),
                        state.run().agents(), state.run().network().entries() / 2);
  if (PairedReplay* cmp = state.comparison()) {
    if (!presenter) ImGui::TextDisabled("baseline %s", cmp->base().path().c_str());
    const CompareMode mode = state.compare_mode();
    const bool diff = mode == CompareMode::Difference, side = mode == CompareMode::SideBySide;
    if (ImGui::RadioButton("Difference", diff)) state.set_compare_mode(CompareMode::Difference);
    ImGui::SameLine();
    if (ImGui::RadioButton("Side by side", side)) state.set_compare_mode(CompareMode::SideBySide);
    ImGui::SameLine();
    if (ImGui::RadioButton("Run only", !diff && !side))
      state.set_compare_mode(CompareMode::RunOnly);
    if ((diff || side) && !cmp->same_week(state.timeline().row()))
      ImGui::TextColored(ImVec4(1, 0.7f, 0.3f, 1), "baseline has no row for this week: nearest");
  }
  ImGui::Separator();
  legend(state.scale(), state.difference_mode() ? "Wellbeing, run minus baseline (points)"
                                                : "Life satisfaction (ONS 0-10)");
  ImGui::Separator();
  mean_charts(state, chart_h);
  share_low_chart(state, chart_h);
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
    for (std::size_t k = 0; k < names.size(); ++k) {
      bool on = display.layer_visible[k];
      ImGui::SameLine();
      if (ImGui::Checkbox(names[k].c_str(), &on)) display.layer_visible[k] = on;
    }
    req.fit = ImGui::Button("Fit view");
    ImGui::SameLine();
    req.save_png = ImGui::Button("Save PNG");
    ImGui::Separator();
  }
  person_inspector(state, presenter, chart_h);
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
