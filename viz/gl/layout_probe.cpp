// The layout dump reads ImGui's own bookkeeping (imgui_internal.h): every item a window lays out
// grows its cursor's furthest position, text included, so a window whose content reaches past
// its right edge has cut something off, whichever call drew it.
#include "viz/gl/layout_probe.hpp"

#include <imgui_internal.h>

#include <fstream>
#include <vector>

#include "sim/errors.hpp"

namespace wellsim::viz {

namespace {

struct ProbedText {
  std::string text;
  ImVec2 min, max;
  Viewport container;
};

struct Mark {
  std::string name;
  ImVec2 min, max;
};

// One viewer per process: the record is global like ImGui's own context.
std::vector<ProbedText> texts;
std::vector<Mark> marks;

}  // namespace

void probe_new_frame() {
  texts.clear();
  marks.clear();
}

void probe_text(const std::string& text, ImVec2 min, ImVec2 max, const Viewport& container) {
  texts.push_back({text, min, max, container});
}

void probe_mark(const std::string& name) {
  marks.push_back({name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

void write_layout_dump(const std::string& path, Vec2 size) {
  std::ofstream out(path);
  out << "size " << size.x << ' ' << size.y << "\n";
  for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    // ImGui's implicit "Debug##Default" window is never drawn; tooltips follow the mouse.
    if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_Tooltip) ||
        std::string(w->Name).rfind("Debug##", 0) == 0)
      continue;
    const bool scrolls = !(w->Flags & ImGuiWindowFlags_NoScrollbar);
    // The name may hold spaces and slashes (child windows are "parent/child_ID"): it goes last.
    out << "window " << w->Pos.x << ' ' << w->Pos.y << ' ' << w->Pos.x + w->Size.x << ' '
        << w->Pos.y + w->Size.y << " content " << w->DC.CursorMaxPos.x << ' '
        << w->DC.CursorMaxPos.y << " visible " << w->InnerClipRect.Max.x << ' '
        << w->InnerClipRect.Max.y << " scrolls " << scrolls << " child "
        << bool(w->Flags & ImGuiWindowFlags_ChildWindow) << " : " << w->Name << "\n";
  }
  for (const ProbedText& t : texts)
    out << "text " << t.min.x << ' ' << t.min.y << ' ' << t.max.x << ' ' << t.max.y << " in "
        << t.container.x << ' ' << t.container.y << ' ' << t.container.x + t.container.w << ' '
        << t.container.y + t.container.h << " : " << t.text << "\n";
  for (const Mark& m : marks)
    out << "mark " << m.min.x << ' ' << m.min.y << ' ' << m.max.x << ' ' << m.max.y << " : "
        << m.name << "\n";
  out.close();
  if (!out) throw sim::RuntimeError(path + ": cannot write the layout");
}

}  // namespace wellsim::viz
