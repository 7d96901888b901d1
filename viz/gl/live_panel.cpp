// The live viewer's panels. Every action goes through LiveModel and any error it throws becomes
// the panel's one-line message: a bad edit never ends the lesson.
#include "viz/gl/live_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <exception>

#include "viz/gl/charts.hpp"
#include "viz/gl/fit_text.hpp"
#include "viz/gl/layout_probe.hpp"

namespace wellsim::viz {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                    ImGuiWindowFlags_NoSavedSettings;
constexpr Rgba8 kBaselineLine{170, 170, 170, 255}, kPolicyLine{240, 150, 60, 255};

bool begin_fixed(const char* name, const Viewport& where, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(ImVec2(where.x, where.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(where.w, where.h), ImGuiCond_Always);
  return ImGui::Begin(name, nullptr, kFixed | extra);
}

/// Runs a panel action, putting its outcome or its error in the message line.
template <class F>
void act(LivePanelState& panel, F&& f) {
  try {
    panel.message = f();
  } catch (const std::exception& e) {
    panel.message = e.what();
  }
}

/// A text box over a std::string (ImGui edits a fixed buffer).
bool text_box(const char* label, std::string& text) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s", text.c_str());
  if (!ImGui::InputText(label, buf, sizeof buf)) return false;
  text = buf;
  return true;
}

void neighbourhood_boxes(FormField& f, const std::vector<std::string>& names) {
  auto& chosen = std::get<std::vector<std::string>>(f.value);
  ImGui::TextUnformatted("target neighbourhoods (none ticked: all)");
  for (const auto& name : names) {
    bool on = std::find(chosen.begin(), chosen.end(), name) != chosen.end();
    if (!ImGui::Checkbox(name.c_str(), &on)) continue;
    // Kept in the network's order, so the same choice always gives the same TOML.
    std::vector<std::string> next;
    for (const auto& n : names)
      if (n == name ? on : std::find(chosen.begin(), chosen.end(), n) != chosen.end())
        next.push_back(n);
    chosen = next;
  }
}

void field_widget(FormField& f, const std::vector<std::string>& names) {
  const char* label = f.spec.name.c_str();
  switch (f.widget) {
    case FieldWidget::Slider:
      if (auto* i = std::get_if<std::int64_t>(&f.value)) {
        const auto lo = std::int64_t(f.lo), hi = std::int64_t(f.hi);
        ImGui::SliderScalar(label, ImGuiDataType_S64, i, &lo, &hi);
      } else if (auto* d = std::get_if<double>(&f.value)) {
        ImGui::SliderScalar(label, ImGuiDataType_Double, d, &f.lo, &f.hi, "%.3g");
      }
      break;
    case FieldWidget::Checkbox: ImGui::Checkbox(label, &std::get<bool>(f.value)); break;
    case FieldWidget::Combo: {
      auto& v = std::get<std::string>(f.value);
      if (ImGui::BeginCombo(label, v.c_str())) {
        for (const auto& c : f.spec.choices)
          if (ImGui::Selectable(c.c_str(), c == v)) v = c;
        ImGui::EndCombo();
      }
      break;
    }
    case FieldWidget::Neighbourhoods: neighbourhood_boxes(f, names); break;
    case FieldWidget::Text:
      if (auto* s = std::get_if<std::string>(&f.value))
        text_box(label, *s);
      else
        text_box(label, f.raw);  // a list, typed as TOML
      break;
  }
  if (ImGui::IsItemHovered() && !f.spec.help.empty())
    ImGui::SetTooltip("%s%s%s", f.spec.help.c_str(), f.spec.unit.empty() ? "" : " (",
                      f.spec.unit.empty() ? "" : (f.spec.unit + ")").c_str());
}

std::vector<std::string> neighbourhoods(const LiveModel& m) {
  std::vector<std::string> names;
  for (const auto& g : m.network().group_names)
    if (!g.empty()) names.push_back(g);
  return names;
}

}  // namespace

bool open_type_form(LiveModel& m, LivePanelState& panel, const std::string& type,
                    const std::string& replaces,
                    const std::map<std::string, sim::ParamValue>& values) {
  const auto& types = m.types();
  for (std::size_t k = 0; k < types.size(); ++k)
    if (types[k].name == type) {
      panel.type = int(k);
      panel.form = make_form(types[k], neighbourhoods(m), m.last_week());
      fill_form(panel.form, values);
      panel.changing = replaces;
      return true;
    }
  return false;
}

namespace {

void choose_type(LiveModel& m, LivePanelState& panel) {
  const auto& types = m.types();
  const char* shown = panel.type >= 0 ? types[std::size_t(panel.type)].name.c_str() : "choose...";
  if (!ImGui::BeginCombo("type", shown)) return;
  for (std::size_t k = 0; k < types.size(); ++k) {
    const std::string item = types[k].level + ": " + types[k].name;
    if (ImGui::Selectable(item.c_str(), int(k) == panel.type))
      open_type_form(m, panel, types[k].name);
  }
  ImGui::EndCombo();
}

/// "target: this person" and "this person's household" for the person clicked on the map.
void target_buttons(LiveModel& m, LivePanelState& panel) {
  if (!panel.selected || !panel.form.field("target.people")) return;
  const std::int64_t id = person_id(m, *panel.selected);
  const std::string person = "target: person " + std::to_string(id);
  if (ImGui::Button(person.c_str())) target_person(panel.form, id);
  probe_mark("target person");
  const LiveHousehold home = household_of(m, *panel.selected);
  if (home.members.empty()) return;
  ImGui::SameLine();
  const std::string household = "their household (" + std::to_string(home.index) + ")";
  if (ImGui::Button(household.c_str())) target_household(panel.form, home.index);
  probe_mark("target household");
}

void intervention_form(LiveModel& m, LivePanelState& panel) {
  choose_type(m, panel);
  if (panel.type < 0) return;
  ImGui::TextWrapped("%s", m.types()[std::size_t(panel.type)].help.c_str());
  if (!panel.changing.empty()) ImGui::Text("replaces %s", panel.changing.c_str());
  target_buttons(m, panel);
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  for (std::size_t k = 0; k < panel.form.fields.size(); ++k) {
    ImGui::PushID(int(k));
    field_widget(panel.form.fields[k], panel.form.neighbourhoods);
    ImGui::PopID();
  }
  ImGui::PopItemWidth();
  const std::string apply = "Apply from week " + std::to_string(m.week() + 1);
  if (ImGui::Button(apply.c_str()))
    act(panel, [&] {
      if (panel.changing.empty())
        m.add(panel.form.to_toml(), "the live panel");
      else
        m.change(panel.changing, panel.form.to_toml(), "the live panel");
      panel.changing.clear();
      return "forked at week " + std::to_string(m.fork_week()) + ": " + panel.form.type;
    });
}

void intervention_list(LiveModel& m, LivePanelState& panel) {
  for (const auto& row : m.interventions()) {
    ImGui::PushID(row.name.c_str());
    if (ImGui::SmallButton("change")) open_type_form(m, panel, row.type, row.name, row.values);
    ImGui::SameLine();
    if (ImGui::SmallButton("remove"))
      act(panel, [&] {
        m.remove(row.name);
        return row.name + " ends after week " + std::to_string(m.week());
      });
    ImGui::SameLine();
    const bool open_ended = row.end_week >= std::int64_t(m.last_week());
    // Wrapped, not clipped: a long name at a projector's font must still show its weeks.
    const std::string weeks = std::to_string(row.start_week) + "-" +
                              (open_ended ? std::string("end") : std::to_string(row.end_week));
    ImGui::TextWrapped("%s, weeks %s", row.name.c_str(), weeks.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("type = \"%s\"", row.type.c_str());
    ImGui::PopID();
  }
}

/// Starts saving branch `b` as STEM-`what`.h5 on another thread: the lesson goes on meanwhile.
void save_branch(LiveModel& m, LivePanelState& panel, LiveBranch b, const char* what) {
  const std::string file = panel.save_stem + "-" + what + ".h5";
  act(panel, [&] {
    panel.saving.start(m.saver(b, file), file, "saved " + file);
    return std::string();
  });
}

void save_buttons(LiveModel& m, LivePanelState& panel) {
  text_box("file stem", panel.save_stem);
  // One save at a time (the HDF5 library is not shared between threads).
  const bool busy = panel.saving.busy();
  if (busy) ImGui::BeginDisabled();
  if (ImGui::Button("Save policy run")) save_branch(m, panel, LiveBranch::Policy, "policy");
  ImGui::SameLine();
  if (ImGui::Button("Save baseline run")) save_branch(m, panel, LiveBranch::Baseline, "baseline");
  if (busy) {
    ImGui::EndDisabled();
    ImGui::TextUnformatted(panel.saving.status().c_str());
  }
  if (ImGui::Button("Export policy scenario (TOML)"))
    act(panel, [&] {
      m.export_toml(LiveBranch::Policy, panel.save_stem + "-policy.toml");
      return "wrote " + panel.save_stem + "-policy.toml";
    });
}

void mean_chart(LiveModel& m) {
  const auto& base = m.mean(LiveBranch::Baseline);
  const auto& policy = m.mean(LiveBranch::Policy);
  std::vector<double> x(base.size());
  for (std::size_t k = 0; k < x.size(); ++k) x[k] = double(k);
  if (m.forked())
    ImGui::Text("Mean: policy %.3f, baseline %.3f\ndifference %+.4f", policy.back(), base.back(),
                policy.back() - base.back());
  else
    ImGui::Text("Mean wellbeing %.3f", policy.back());
  std::vector<ChartLine> lines{{&base, kBaselineLine}};
  if (m.forked()) lines.push_back({&policy, kPolicyLine});
  multi_line_chart("##livemean", x, lines, double(m.week()), ImGui::GetFontSize() * 5);
}

/// Who was clicked: their id, neighbourhood and household, and what the fork did to them.
void selected_person(LiveView& view, const LivePanelState& panel) {
  if (!panel.selected) return;
  LiveModel& m = view.model();
  const sim::AgentId a = *panel.selected;
  const auto& net = m.network();
  std::string who = "person " + std::to_string(person_id(m, a));
  if (a < net.group.size() && net.group[a] >= 0)
    who += " (" + sim::group_name(net, std::size_t(net.group[a])) + ")";
  const LiveHousehold home = household_of(m, a);
  if (!home.members.empty())
    who += ", household " + std::to_string(home.index) + " (" +
           std::to_string(home.members.size()) +
           (home.members.size() == 1 ? " person)" : " people)");
  ImGui::TextWrapped("%s", who.c_str());
  const float base = m.wellbeing(LiveBranch::Baseline)[a];
  const float policy = m.wellbeing(LiveBranch::Policy)[a];
  if (m.forked())
    ImGui::Text("wellbeing %.2f, baseline %.2f (%+.3f)", policy, base, policy - base);
  else
    ImGui::Text("wellbeing %.2f", base);
}

void show_choice(LiveView& view) {
  int show = int(view.show());
  const bool forked = view.model().forked();
  if (!forked) ImGui::BeginDisabled();
  ImGui::RadioButton("difference", &show, int(LiveShow::Difference));
  if (!forked) ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::RadioButton("policy", &show, int(LiveShow::Policy));
  ImGui::SameLine();
  ImGui::RadioButton("baseline", &show, int(LiveShow::Baseline));
  if (show != int(view.show())) view.set_show(LiveShow(show));
}

}  // namespace

void live_timeline_panel(LiveView& view, const Viewport& where) {
  LiveModel& m = view.model();
  if (begin_fixed("live timeline", where, ImGuiWindowFlags_NoScrollbar)) {
    if (ImGui::Button(view.playing() ? "Pause" : "Play ")) view.set_playing(!view.playing());
    ImGui::SameLine();
    if (ImGui::Button("Step")) {
      view.set_playing(false);
      m.step();
    }
    ImGui::SameLine();
    float speed = float(view.speed());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::SliderFloat("weeks/s", &speed, 0.25f, float(LiveView::kMaxSpeed), "%.2f",
                           ImGuiSliderFlags_Logarithmic))
      view.set_speed(speed);
    // At a projector's font the week and the fork may not fit beside the slider: they flow
    // onto the next line rather than past the panel's edge.
    bool first = false;
    const std::string week =
        "week " + std::to_string(m.week()) + " of " + std::to_string(m.last_week());
    flow(ImGui::CalcTextSize(week.c_str()).x, first);
    ImGui::TextUnformatted(week.c_str());
    if (m.forked()) {
      const std::string fork = "| policy from week " + std::to_string(m.fork_week());
      flow(ImGui::CalcTextSize(fork.c_str()).x, first);
      ImGui::TextUnformatted(fork.c_str());
    }
  }
  ImGui::End();
}

void live_side_panel(LiveView& view, LivePanelState& panel, const Viewport& where) {
  LiveModel& m = view.model();
  if (begin_fixed("live", where)) {
    ImGui::Text("%s, live", m.name().c_str());
    show_choice(view);
    const LiveShow s = view.show();
    legend(view.scale(), s == LiveShow::Difference ? "Wellbeing, policy minus baseline"
                         : s == LiveShow::Policy   ? "Wellbeing (policy branch)"
                                                   : "Wellbeing (baseline)");
    mean_chart(m);
    selected_person(view, panel);
    if (const std::string done = panel.saving.poll(); !done.empty()) panel.message = done;
    if (!panel.message.empty()) ImGui::TextWrapped("%s", panel.message.c_str());
    if (ImGui::CollapsingHeader("Interventions", ImGuiTreeNodeFlags_DefaultOpen))
      intervention_list(m, panel);
    if (ImGui::CollapsingHeader("Add an intervention", ImGuiTreeNodeFlags_DefaultOpen))
      intervention_form(m, panel);
    if (ImGui::CollapsingHeader("Save", ImGuiTreeNodeFlags_DefaultOpen)) save_buttons(m, panel);
  }
  ImGui::End();
}

}  // namespace wellsim::viz
