#pragma once
// Running the real `wellsim view` headless, for the render tests.
#include <optional>
#include <string>

namespace wellsim::test {

/// Runs `wellsim view ARGS` under xvfb-run (a 1280x1024 screen), REQUIREs exit status 0 and
/// returns what it printed (stdout and stderr, kept in `log`); nullopt, with a warning, when
/// Xvfb is not installed.
std::optional<std::string> view_under_xvfb(const std::string& args, const std::string& log);

/// What a shell command prints on stdout (ffprobe's answers).
std::string command_output(const std::string& cmd);

/// "WIDTH,HEIGHT,FRAMES\n" of a video's first stream, as ffprobe counts them.
std::string video_frames(const std::string& video);

/// Decodes frame `n` (from 0) of `video` into the PNG `png`; REQUIREs that ffmpeg succeeds.
void extract_frame(const std::string& video, int n, const std::string& png);

/// Mean absolute difference per RGB channel of two PNG pictures, which must be the same size
/// (a decoded video frame against a screenshot).
double frame_difference(const std::string& a_png, const std::string& b_png);

}  // namespace wellsim::test
