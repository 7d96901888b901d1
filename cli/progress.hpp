#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace wellsim::cli {

/// When to draw the progress line.
enum class ProgressMode { Auto, Always, Never };

/// A one-line progress report on stderr (step, steps/s, time left), redrawn at most ~10 times a
/// second. In Auto mode it draws only when stderr is a terminal, so logs and pipes stay clean.
class Progress {
 public:
  /// Starts the clock for `total` steps of `what`, counted in `unit`s ("frame": "frame 3/20
  /// 4.1 frames/s").
  Progress(std::string what, std::uint32_t total, ProgressMode mode, std::string unit = "step");
  /// Reports that `done` steps are complete.
  void update(std::uint32_t done);
  /// Text shown after the rate ("3/20 tasks, 1 failed"), from the next redraw on.
  void set_note(std::string note) { note_ = std::move(note); }
  /// Clears the line (terminal) so the summary that follows starts on a clean line.
  void finish();
  /// Seconds since construction.
  double elapsed() const;

 private:
  std::string what_, note_, unit_;
  std::uint32_t total_;
  bool enabled_, terminal_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

/// Parses "auto", "always", "never".
ProgressMode parse_progress_mode(const std::string& text);

}  // namespace wellsim::cli
