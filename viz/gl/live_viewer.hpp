#pragma once
#include <string>

#include "viz/live_model.hpp"
#include "viz/video_pipe.hpp"
#include "viz/viewer_options.hpp"

namespace wellsim::viz {

/// Runs `wellsim view --live` over `model`: records recording.plan's weeks, or renders one
/// frame to options.screenshot, or, with options.bench_frames, plays that many frames at full
/// speed and prints live weeks a second with drawing, or runs the window until it is closed.
/// `form_type` ("" : none) opens the add form on that intervention type; options.select (a
/// person id) selects that person. Returns the exit status.
int run_live_viewer(const ViewerOptions& options, LiveModel& model,
                    const std::string& form_type = "", const LiveRecording& recording = {});

}  // namespace wellsim::viz
