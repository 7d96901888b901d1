#pragma once
// A record of where the last frame put its text, for the tests that check nothing is clipped at
// a projector's resolution (`wellsim view --dump-layout`).
#include <imgui.h>

#include <string>

#include "viz/view_transform.hpp"

namespace wellsim::viz {

/// Forgets what the previous frame recorded (called as a frame begins).
void probe_new_frame();
/// Records text that ImGui clips by itself without growing its window (a slider's overlay, a
/// label drawn onto the map): `text` occupies `min`-`max` and must lie inside `container`.
void probe_text(const std::string& text, ImVec2 min, ImVec2 max, const Viewport& container);
/// Records the last item's rectangle under `name` (for example where the inspector starts).
void probe_mark(const std::string& name);
/// Writes the last frame's windows (rectangle, how far their content reaches, whether they
/// scroll), the probed texts and the marks to `path`, one per line; throws sim::RuntimeError
/// if it cannot be written. The format is the test's (tests/viz/layout_test.cpp), not a contract.
void write_layout_dump(const std::string& path, Vec2 size);

}  // namespace wellsim::viz
