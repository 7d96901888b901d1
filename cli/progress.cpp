#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "sim/errors.hpp"
#include "sim/timing.hpp"

namespace wellsim::cli {

ProgressMode parse_progress_mode(const std::string& text) {
  if (text == "auto") return ProgressMode::Auto;
  if (text == "always") return ProgressMode::Always;
  if (text == "never") return ProgressMode::Never;
  throw sim::InputError("--progress: expected auto, always or never; found '" + text + "'");
}

Progress::Progress(std::string what, std::uint32_t total, ProgressMode mode, std::string unit)
    : what_(std::move(what)),
      unit_(std::move(unit)),
      total_(total),
      terminal_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {
  enabled_ = mode == ProgressMode::Always || (mode == ProgressMode::Auto && terminal_);
}

double Progress::elapsed() const { return sim::seconds_since(start_); }

void Progress::update(std::uint32_t done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double t = elapsed();
  double rate = t > 0 ? done / t : 0;
  double left = rate > 0 ? (total_ - done) / rate : 0;
  // On a terminal the line is redrawn in place; elsewhere (--progress always) one line per report
  // so a reading process sees each one as it comes.
  std::fprintf(stderr, "%s%s: %s %u/%u  %.1f %ss/s  %.1f s left%s%s%s", terminal_ ? "\r\033[K" : "",
               what_.c_str(), unit_.c_str(), done, total_, rate, unit_.c_str(), left,
               note_.empty() ? "" : "  ", note_.c_str(), terminal_ ? "" : "\n");
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_ && terminal_) std::fputs("\r\033[K", stderr);
}

}  // namespace wellsim::cli
