#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wellsim::viz {

/// What `wellsim view --record` will write, checked before any window opens.
struct RecordPlan {
  std::string path;               ///< OUT.mp4 or OUT.gif
  bool gif = false;               ///< a GIF (palette per clip) rather than H.264 MP4
  std::vector<std::size_t> rows;  ///< the recorded rows to show, one video frame each
  int fps = 8;                    ///< frames per second
};

/// Plans a recording of the recorded `weeks` from week `from` to week `to` (-1: the first and
/// the last), one frame per recorded week. A bad request is a sim::InputError of one line: an
/// extension other than .mp4/.gif, `from` after `to`, no recorded week in the range, a path
/// that cannot be written, or no `ffmpeg` program on the PATH.
RecordPlan plan_recording(const std::string& path, int from, int to, int fps,
                          const std::vector<std::int32_t>& weeks);

/// A recording of a live session (`view --live --record`): which weeks, and what to do at each
/// week the session reaches (the command line's scripted fork). Not in viz/gl/: the command
/// line builds one in a build without the viewer too.
struct LiveRecording {
  std::optional<RecordPlan> plan;         ///< the weeks to record (rows are weeks); none: no video
  std::function<void()> at_week = [] {};  ///< runs at each week before it is shown or stepped
};

/// A running `ffmpeg` that encodes the RGBA frames written to it (rows bottom-up, as OpenGL
/// reads them) into the plan's file.
class VideoPipe {
 public:
  /// Starts ffmpeg for `width` x `height` frames; throws sim::RuntimeError if it cannot.
  VideoPipe(const RecordPlan& plan, int width, int height);
  /// Stops ffmpeg if finish() was not called (the partial file is removed).
  ~VideoPipe();
  VideoPipe(const VideoPipe&) = delete;
  VideoPipe& operator=(const VideoPipe&) = delete;
  /// Sends one frame of width * height * 4 bytes; throws sim::RuntimeError if ffmpeg stopped.
  void write_frame(const std::vector<std::uint8_t>& rgba);
  /// Closes the stream and waits for ffmpeg; throws sim::RuntimeError if it failed.
  void finish();

 private:
  std::string path_;
  std::size_t frame_bytes_;
  int fd_ = -1;
  int pid_ = -1;
};

/// True if `program` is an executable file in one of the PATH's directories.
bool on_path(const std::string& program);

}  // namespace wellsim::viz
