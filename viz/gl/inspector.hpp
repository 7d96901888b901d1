#pragma once
#include "viz/viewer_state.hpp"

namespace wellsim::viz {

/// The selected person: wellbeing over the recorded weeks, their ties by layer (click one to
/// follow it) and how many hop circles to highlight.
void person_inspector(ViewerState& state, bool presenter, float chart_height);
/// The tooltip for the person under the cursor.
void person_tooltip(ViewerState& state, sim::AgentId agent);

}  // namespace wellsim::viz
