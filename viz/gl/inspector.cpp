// The person inspector and hover tooltip: how an educator follows one person's wellbeing and
// ties through the network.
#include "viz/gl/inspector.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "viz/gl/fit_text.hpp"

namespace wellsim::viz {

namespace {

/// "person 1234 (group 2)": people are named by the ids their network source gave them.
std::string person_name(const RunData& run, sim::AgentId a) {
  const auto& net = run.network();
  std::string s = "person " + std::to_string(net.original_id[a]);
  if (!net.group.empty() && net.group[a] >= 0) {
    const auto g = static_cast<std::size_t>(net.group[a]);
    s += " (" + (g < net.group_names.size() ? net.group_names[g] : "group " + std::to_string(g)) +
         ")";
  }
  return s;
}

void tie_list(ViewerState& state, sim::AgentId a) {
  const auto& net = state.run().network();
  std::vector<std::size_t> per_layer(std::max<std::size_t>(1, net.layer_names.size()), 0);
  for (std::uint64_t e = net.offsets[a]; e < net.offsets[a + 1]; ++e)
    ++per_layer[std::min<std::size_t>(net.layer[e], per_layer.size() - 1)];
  ImGui::Text("%u ties:", net.degree(a));
  bool first = false;  // after "N ties:"
  for (std::size_t k = 0; k < net.layer_names.size(); ++k)
    if (per_layer[k]) {
      const std::string text = std::to_string(per_layer[k]) + " " + net.layer_names[k];
      flow(ImGui::CalcTextSize(text.c_str()).x, first);
      ImGui::TextUnformatted(text.c_str());
    }
  const auto& values = state.values();
  constexpr std::uint32_t kShown = 12;
  std::optional<sim::AgentId> follow;
  for (std::uint32_t k = 0; k < std::min(kShown, net.degree(a)); ++k) {
    const sim::AgentId b = net.neighbours_of(a)[k];
    const std::string label =
        person_name(state.run(), b) + "  " + std::to_string(values[b]).substr(0, 5);
    if (fitted_selectable(label, "tie" + std::to_string(k))) follow = b;
  }
  if (net.degree(a) > kShown) ImGui::TextDisabled("... and %u more", net.degree(a) - kShown);
  if (follow) state.select(follow);
}

/// "queued 12, started 14, ended 40": the weeks of one spell the events recorded.
std::string spell_text(const ProgrammeSpell& s) {
  std::string t;
  auto add = [&](const char* what, std::int32_t week) {
    if (week < 0) return;
    t += (t.empty() ? "" : ", ") + std::string(what) + " week " + std::to_string(week);
  };
  add("queued", s.queued);
  add("started", s.start);
  add("ended", s.end);
  add("left the queue", s.left_queue);
  for (const auto& [what, week] : s.outcomes) add(what.c_str(), week);
  if (s.start >= 0 && s.end < 0) t += " (still receiving)";
  if (s.start < 0 && s.left_queue < 0 && s.end < 0) t += " (still waiting)";
  return t;
}

/// The first week a spell's events name.
std::int32_t first_week(const ProgrammeSpell& s) {
  for (std::int32_t w : {s.queued, s.start, s.left_queue, s.end})
    if (w >= 0) return w;
  return s.outcomes.empty() ? 0 : s.outcomes.front().second;
}

/// "food insecure, lonely": domain names as words.
std::string joined(const std::vector<std::string>& parts) {
  std::string t;
  for (const auto& p : parts) t += (t.empty() ? "" : ", ") + p;
  std::replace(t.begin(), t.end(), '_', ' ');
  return t;
}

/// Who the person is and what happened to them: age, activity and problems at the shown week,
/// household (click to follow), interventions received and programme ties, from the run's people
/// and events. Nothing for runs without people.
void person_details(ViewerState& state, sim::AgentId a) {
  PeopleData& people = state.run().people();
  if (!people.present()) return;
  const std::size_t row = state.timeline().row();
  const int week = state.timeline().shown_week();
  std::string who = "age " + std::to_string(people.age(a));
  if (const std::string act = people.activity(a, row); !act.empty()) who += ", " + act;
  if (const std::string ten = people.tenure(a); !ten.empty()) who += ", " + ten;
  ImGui::TextUnformatted(who.c_str());
  const auto problems = people.domains(a, row);
  ImGui::PushTextWrapPos(0.0f);
  if (problems.empty())
    ImGui::TextDisabled("no problems at week %d", week);
  else
    ImGui::TextColored(ImVec4(1, 0.75f, 0.4f, 1), "at week %d: %s", week, joined(problems).c_str());
  ImGui::PopTextWrapPos();
  std::optional<sim::AgentId> follow;
  const auto& household = state.selected_household();
  if (household.size() > 1) {
    ImGui::Text("Household of %zu:", household.size());
    for (sim::AgentId m : household) {
      if (m == a) continue;
      // Without the neighbourhood: a household lives in one.
      const std::string label = "  person " + std::to_string(state.run().network().original_id[m]) +
                                ", age " + std::to_string(people.age(m)) + ", " +
                                people.activity(m, row);
      if (fitted_selectable(label, "member" + std::to_string(m))) follow = m;
    }
  } else {
    ImGui::TextDisabled("Lives alone.");
  }
  const PersonHistory& h = state.selected_history();
  if (h.spells.empty()) {
    ImGui::TextDisabled("No interventions received.");
  } else {
    ImGui::Text("Interventions:");
    for (const ProgrammeSpell& s : h.spells) {
      // What is still to come at the shown week is dimmed, so a replay does not give it away.
      const bool later = first_week(s) > week;
      ImGui::Bullet();
      ImGui::SameLine();
      if (later) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s: %s", s.intervention.c_str(), spell_text(s).c_str());
      if (later) ImGui::PopStyleColor();
    }
  }
  if (!h.ties.empty()) {
    ImGui::Text("Programme ties:");
    for (std::size_t k = 0; k < h.ties.size(); ++k) {
      const ProgrammeTie& t = h.ties[k];
      const std::string label = "  week " + std::to_string(t.week) + ": " +
                                person_name(state.run(), t.partner) + " (" + t.programme + ")";
      const bool later = t.week > week;
      if (later) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
      if (fitted_selectable(label, "programme_tie" + std::to_string(k))) follow = t.partner;
      if (later) ImGui::PopStyleColor();
    }
  }
  if (!h.life.empty() && ImGui::TreeNode("life", "Life events (%zu)", h.life.size())) {
    for (const LifeEvent& e : h.life) ImGui::Text("week %d  %s", e.week, e.what.c_str());
    ImGui::TreePop();
  }
  if (follow) state.select(follow);
}

}  // namespace

void person_inspector(ViewerState& state, bool presenter, float chart_height) {
  const auto selected = state.selected();
  if (!selected) {
    ImGui::TextDisabled("Click a person to follow them.");
    return;
  }
  const sim::AgentId a = *selected;
  ImGui::Text("%s", person_name(state.run(), a).c_str());
  const auto& series = state.selected_series();
  const float now = series[state.timeline().row()];
  ImGui::Text("wellbeing %.2f at week %d", now, state.timeline().shown_week());
  if (state.difference_mode()) ImGui::Text("difference from baseline %+.3f", state.values()[a]);
  if (state.side_by_side()) ImGui::Text("baseline %.2f", state.base_values()[a]);
  ImGui::TextDisabled("every recorded week, on the 0-10 scale:");
  ImGui::PlotLines("##person", series.data(), int(series.size()), 0, nullptr, 0.0f, 10.0f,
                   ImVec2(ImGui::GetContentRegionAvail().x, chart_height));
  person_details(state, a);
  if (presenter) return;
  ImGui::Text("Highlight");
  bool first = false;  // after "Highlight"
  for (int h = 1; h <= 3; ++h) {
    const std::string label = std::to_string(h) + (h == 1 ? " hop" : " hops");
    flow(toggle_width(label.c_str()), first);
    ImGui::RadioButton(label.c_str(), &state.hop_limit, h);
  }
  std::size_t circle[4] = {0, 0, 0, 0};
  for (std::uint32_t d : state.hops())
    if (d >= 1 && d <= 3) ++circle[d];
  ImGui::TextDisabled("1 hop: %zu, 2 hops: %zu, 3 hops: %zu people", circle[1], circle[2],
                      circle[3]);
  tie_list(state, a);
  if (ImGui::Button("Clear selection")) state.select(std::nullopt);
}

void person_tooltip(ViewerState& state, sim::AgentId agent) {
  ImGui::BeginTooltip();
  ImGui::Text("%s", person_name(state.run(), agent).c_str());
  const float v = state.values()[agent];
  if (state.difference_mode())
    ImGui::Text("difference %+.3f (wellbeing %.2f)", v,
                state.run().row(state.timeline().row())[agent]);
  else if (state.side_by_side())
    ImGui::Text("wellbeing %.2f (baseline %.2f)", v, state.base_values()[agent]);
  else
    ImGui::Text("wellbeing %.2f", v);
  ImGui::Text("%u ties", state.run().network().degree(agent));
  PeopleData& people = state.run().people();
  if (people.present())
    ImGui::Text("age %d, %s", people.age(agent),
                people.activity(agent, state.timeline().row()).c_str());
  ImGui::EndTooltip();
}

}  // namespace wellsim::viz
