#pragma once
#include <string>

#include "viz/live_model.hpp"
#include "viz/viewer_options.hpp"

namespace wellsim::viz {

/// Runs `wellsim view --live` over `model`: renders one frame to options.screenshot, or, with
/// options.bench_frames, plays that many frames at full speed and prints live weeks a second
/// with drawing, or runs the window until it is closed. `form_type` ("" : none) opens the add
/// form on that intervention type. Returns the exit status.
int run_live_viewer(const ViewerOptions& options, LiveModel& model,
                    const std::string& form_type = "");

}  // namespace wellsim::viz
