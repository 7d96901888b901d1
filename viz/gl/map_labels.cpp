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
  const Viewport& vp = view.viewport();
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  draw->PushClipRect(ImVec2(vp.x, vp.y), ImVec2(vp.x + vp.w, vp.y + vp.h), true);
  const float pad = ImGui::GetFontSize() * 0.25f;
  for (const GroupBox& g : boxes_) {
    const Vec2 top = view.to_screen({(g.box.x0 + g.box.x1) / 2, g.box.y1});
    const ImVec2 size = ImGui::CalcTextSize(g.name.c_str());
    // Centred above the topmost member, moved inside the picture when that would leave it.
    float x = top.x - size.x / 2, y = top.y - point_px / 2 - pad - size.y - pad;
    x = std::clamp(x, vp.x + pad, std::max(vp.x + pad, vp.x + vp.w - size.x - pad));
    y = std::clamp(y, vp.y + pad, std::max(vp.y + pad, vp.y + vp.h - size.y - pad));
    if (top.x < vp.x || top.x > vp.x + vp.w || top.y < vp.y || top.y > vp.y + vp.h + size.y)
      continue;  // panned or zoomed away
    draw->AddRectFilled(ImVec2(x - pad, y - pad), ImVec2(x + size.x + pad, y + size.y + pad),
                        IM_COL32(20, 20, 24, 200), pad);
    draw->AddText(ImVec2(x, y), IM_COL32(240, 240, 240, 255), g.name.c_str());
    probe_text("label " + g.name, ImVec2(x, y), ImVec2(x + size.x, y + size.y), vp);
  }
  draw->PopClipRect();
}

}  // namespace wellsim::viz
