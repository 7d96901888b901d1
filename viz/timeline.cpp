// The replay clock (play, pause, step, scrub) as plain state, so its timing rules are tested
// without a window.
#include "viz/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace wellsim::viz {

std::size_t nearest_row(const std::vector<std::int32_t>& weeks, double week) {
  const auto above = std::lower_bound(weeks.begin(), weeks.end(), week,
                                      [](std::int32_t w, double x) { return double(w) < x; });
  if (above == weeks.begin()) return 0;
  if (above == weeks.end()) return weeks.size() - 1;
  const auto below = above - 1;
  const bool take_below = week - double(*below) <= double(*above) - week;
  return static_cast<std::size_t>((take_below ? below : above) - weeks.begin());
}

Timeline::Timeline(std::vector<std::int32_t> weeks) : weeks_(std::move(weeks)) {
  if (weeks_.empty()) throw std::invalid_argument("Timeline: no recorded weeks");
  if (!std::is_sorted(weeks_.begin(), weeks_.end()))
    throw std::invalid_argument("Timeline: recorded weeks are not increasing");
  week_ = weeks_.front();
}

void Timeline::play() {
  if (week_ >= last_week()) week_ = first_week();
  playing_ = weeks_.size() > 1;
}

void Timeline::set_speed(double weeks_per_second) {
  speed_ = std::clamp(weeks_per_second, kMinSpeed, kMaxSpeed);
}

void Timeline::advance(double seconds) {
  if (!playing_ || seconds <= 0) return;
  week_ += seconds * speed_;
  if (week_ >= last_week()) {
    week_ = last_week();
    playing_ = false;
  }
}

// Steps go from the row on screen, not from the playhead, so each step changes the picture.
void Timeline::step_forward() { week_ = weeks_[std::min(row() + 1, weeks_.size() - 1)]; }

void Timeline::step_back() { week_ = weeks_[row() > 0 ? row() - 1 : 0]; }

void Timeline::scrub(double week) {
  week_ = std::clamp(week, double(first_week()), double(last_week()));
}

std::string week_caption(const Timeline& t) {
  std::string s = "week " + std::to_string(t.shown_week()) + " of " + std::to_string(t.last_week());
  // While playing the playhead runs between recorded weeks by design: say it only when paused.
  const long asked = std::lround(t.week());
  if (!t.playing() && asked != t.shown_week())
    s += " (nearest recorded to " + std::to_string(asked) + ")";
  return s;
}

}  // namespace wellsim::viz
