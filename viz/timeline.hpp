#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace wellsim::viz {

/// Index of the recorded week nearest to `week` (the earlier on a tie); `weeks` is increasing
/// and not empty.
std::size_t nearest_row(const std::vector<std::int32_t>& weeks, double week);

/// The replay clock: a playhead over the run's weeks that plays, pauses, steps and scrubs, and
/// says which recorded per-agent row to show. The playhead moves continuously in weeks; the
/// picture shows the nearest recorded week, so a run recorded every 4 weeks plays evenly.
class Timeline {
 public:
  /// Slowest and fastest playing speeds, in weeks per second.
  static constexpr double kMinSpeed = 0.25, kMaxSpeed = 64.0;

  /// A timeline over the recorded `weeks` (increasing, not empty), at the first week, paused.
  explicit Timeline(std::vector<std::int32_t> weeks);

  /// The recorded weeks.
  const std::vector<std::int32_t>& weeks() const { return weeks_; }
  /// First recorded week.
  std::int32_t first_week() const { return weeks_.front(); }
  /// Last recorded week.
  std::int32_t last_week() const { return weeks_.back(); }
  /// The playhead, in weeks.
  double week() const { return week_; }
  /// The recorded row shown at the playhead.
  std::size_t row() const { return nearest_row(weeks_, week_); }
  /// The recorded week shown at the playhead.
  std::int32_t shown_week() const { return weeks_[row()]; }

  /// True while playing.
  bool playing() const { return playing_; }
  /// Starts playing; from the last week it starts again at the first.
  void play();
  /// Stops playing.
  void pause() { playing_ = false; }
  /// Play when paused, pause when playing.
  void toggle() { playing_ ? pause() : play(); }

  /// Playing speed in weeks per second.
  double speed() const { return speed_; }
  /// Sets the speed, clamped to [kMinSpeed, kMaxSpeed].
  void set_speed(double weeks_per_second);

  /// Moves the playhead by `seconds` of wall time when playing; pauses at the last week.
  void advance(double seconds);
  /// Jumps to the next recorded week (stays at the last).
  void step_forward();
  /// Jumps to the previous recorded week (stays at the first).
  void step_back();
  /// Puts the playhead at `week`, clamped to the recorded span.
  void scrub(double week);

 private:
  std::vector<std::int32_t> weeks_;
  double week_ = 0;
  double speed_ = 4.0;
  bool playing_ = false;
};

/// What the week slider says: "week 76 of 156", and when paused between recorded weeks, which
/// week was asked for: "week 76 of 156 (nearest recorded to 78)", so the picture's week is exact.
std::string week_caption(const Timeline& t);

}  // namespace wellsim::viz
