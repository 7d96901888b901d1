// Row flow and label shortening for the side panel, so that nothing runs past its edge (the
// layout test checks every window's content against its visible width).
#include "viz/gl/fit_text.hpp"

#include <imgui.h>

namespace wellsim::viz {

// Decided from the previous item's edge before SameLine: a SameLine undone by NewLine would
// leave the window's content reaching one spacing past the edge.
void flow(float width, bool& first) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right)
    ImGui::SameLine();
  first = false;
}

float toggle_width(const char* label) {
  const ImGuiStyle& s = ImGui::GetStyle();
  return ImGui::GetFrameHeight() + s.ItemInnerSpacing.x +
         ImGui::CalcTextSize(label, nullptr, true).x;
}

std::string fit_label(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const float dots = ImGui::CalcTextSize("...").x;
  std::size_t n = text.size();
  while (n > 0 && ImGui::CalcTextSize(text.c_str(), text.c_str() + n).x + dots > width) --n;
  return text.substr(0, n) + "...";
}

bool fitted_selectable(const std::string& text, const std::string& id) {
  const std::string shown = fit_label(text, ImGui::GetContentRegionAvail().x);
  const bool clicked = ImGui::Selectable((shown + "###" + id).c_str());
  if (shown != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
  return clicked;
}

}  // namespace wellsim::viz
