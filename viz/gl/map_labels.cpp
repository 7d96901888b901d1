// Neighbourhood names drawn into ImGui's background list: over the network (drawn before ImGui
// renders) but under the panels, on a dark plate so they read over bright nodes.
#include "viz/gl/map_labels.hpp"

#include <imgui.h>

#include <algorithm>

#include "viz/gl/layout_probe.hpp"

namespace wellsim::viz {

void MapLabels::draw(ViewerState& state, const ViewTransform& view, float point_px) {
  if (state.filter_version() != filter_version_) {
    boxes_ = group_boxes(state.run().network(), state.run().layout(), state.node_sizes());
    filter_version_ = state.filter_version();
  }
  draw_map_labels(boxes_, view, point_px);
}

void draw_map_labels(const std::vector<GroupBox>& boxes, const ViewTransform& view,
                     float point_px) {
  const Viewport& vp = view.viewport();
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  draw->PushClipRect(ImVec2(vp.x, vp.y), ImVec2(vp.x + vp.w, vp.y + vp.h), true);
  const float pad = ImGui::GetFontSize() * 0.25f;
  std::vector<Box> plates;
  std::vector<const GroupBox*> named;
  for (const GroupBox& g : boxes) {
    const Vec2 top = view.to_screen({(g.box.x0 + g.box.x1) / 2, g.box.y1});
    const ImVec2 size = ImGui::CalcTextSize(g.name.c_str());
    if (top.x < vp.x || top.x > vp.x + vp.w || top.y < vp.y || top.y > vp.y + vp.h + size.y)
      continue;  // panned or zoomed away
    // Centred above the topmost member, moved inside the picture when that would leave it.
    float x = top.x - size.x / 2, y = top.y - point_px / 2 - pad - size.y - pad;
    x = std::clamp(x, vp.x + pad, std::max(vp.x + pad, vp.x + vp.w - size.x - pad));
    y = std::clamp(y, vp.y + pad, std::max(vp.y + pad, vp.y + vp.h - size.y - pad));
    plates.push_back({x - pad, y - pad, x + size.x + pad, y + size.y + pad});
    named.push_back(&g);
  }
  // Many small neighbourhoods (38 villages) would pile their names on each other: a name that
  // would overlap one already drawn is left out (its people's tooltip still names it).
  const std::vector<bool> keep = kept_apart(plates);
  for (std::size_t k = 0; k < plates.size(); ++k) {
    if (!keep[k]) continue;
    const Box& p = plates[k];
    const ImVec2 at(p.x0 + pad, p.y0 + pad);
    const ImVec2 size = ImGui::CalcTextSize(named[k]->name.c_str());
    draw->AddRectFilled(ImVec2(p.x0, p.y0), ImVec2(p.x1, p.y1), IM_COL32(20, 20, 24, 200), pad);
    draw->AddText(at, IM_COL32(240, 240, 240, 255), named[k]->name.c_str());
    probe_text("label " + named[k]->name, at, ImVec2(at.x + size.x, at.y + size.y), vp);
  }
  draw->PopClipRect();
}

}  // namespace wellsim::viz
