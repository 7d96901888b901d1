#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace wellsim::viz {

/// What `wellsim view` was asked to do.
struct ViewerOptions {
  std::string run;            ///< run file to replay
  std::string baseline;       ///< paired baseline run file ("" : no comparison)
  std::string screenshot;     ///< write one frame to this PNG and exit ("" : interactive)
  int week = -1;              ///< week to show first (-1: the first recorded week)
  int width = 1280;           ///< window or screenshot width, pixels
  int height = 800;           ///< window or screenshot height, pixels
  long long select = -1;      ///< original id of a person to select (-1: nobody)
  bool side_by_side = false;  ///< with a baseline: show both runs side by side
  std::vector<std::string> neighbourhoods;  ///< show only these ("": all)
  bool size_by_degree = false;              ///< size nodes by their number of ties
  bool presenter = false;      ///< large fonts, simplified panel, the scenario's caption
  std::string dump_positions;  ///< with --screenshot: write each node's pixel position here
  int bench_frames = 0;        ///< render this many frames while playing, print frame times
  std::vector<std::string> replicates;  ///< the run's replicates, named (empty: found beside it)
  bool no_replicates = false;           ///< no band across replicates on the mean charts
  std::string chart = "sd";             ///< the series the chooser chart shows first
  std::string dump_layout;  ///< with --screenshot: write where the panels put their text here
  std::string record;       ///< write a video of the replay here (.mp4 or .gif) and exit
  int record_from = -1;     ///< first week of the video (-1: the first recorded)
  int record_to = -1;       ///< last week of the video (-1: the last recorded)
  int fps = 8;              ///< video frames (recorded weeks) per second
  /// Called after each video frame with the frames done and the total (a progress line).
  std::function<void(std::size_t, std::size_t)> on_frame;
};

}  // namespace wellsim::viz
