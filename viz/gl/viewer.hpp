#pragma once
#include "viz/viewer_options.hpp"

namespace wellsim::viz {

/// Runs `wellsim view`: opens the run (and baseline), then either renders one frame to a PNG
/// (options.screenshot) or runs the window until it is closed. Returns the exit status. A file
/// that cannot be read is a sim::InputError (exit 2); interactively it is also shown in a window.
int run_viewer(const ViewerOptions& options);

}  // namespace wellsim::viz
