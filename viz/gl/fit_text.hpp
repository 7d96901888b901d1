#pragma once
// Keeping the side panel's rows inside its width at a projector's resolution and font size:
// items flow onto the next line instead of running past the edge, and labels ImGui cannot wrap
// (selectables) are shortened, the whole text in their tooltip.
#include <string>

namespace wellsim::viz {

/// Places the next item, `width` pixels wide, on the current line when it fits there and on a
/// new line otherwise; `first` is true for the first item of a row (it starts the row).
void flow(float width, bool& first);
/// The width of a checkbox or radio button labelled `label`.
float toggle_width(const char* label);
/// `text`, cut and ended with "..." so it is at most `width` pixels wide (unchanged if it fits).
std::string fit_label(const std::string& text, float width);
/// A selectable row showing `text` shortened to the panel's width (the whole of it in the
/// tooltip when shortened); `id` keeps its identity when the text changes. True when clicked.
bool fitted_selectable(const std::string& text, const std::string& id);

}  // namespace wellsim::viz
