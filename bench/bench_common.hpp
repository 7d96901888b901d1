// Shared plumbing of the benchmarks: a wall-clock timer, the median of repetitions, a thread
// limit, and the main() wrapper that turns errors into one line. Benchmarks report medians
// because the machine they run on is shared (other builds come and go): the median of several
// repetitions is the figure least moved by one disturbed run.
#pragma once
#include <tbb/global_control.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <memory>
#include <vector>

#include "sim/timing.hpp"

namespace wellsim::bench {

/// Seconds taken by `f()`.
template <class F>
double seconds(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return sim::seconds_since(t0);
}

/// Wall-clock and process CPU seconds of one timed call.
struct Timing {
  double wall = 0, cpu = 0;
};

/// CPU seconds used so far by every thread of this process.
inline double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

/// Wall and CPU seconds taken by `f()`. On a loaded machine the CPU time of a one-thread run
/// is close to what its wall time would be on an idle one: preemption stops both clocks' work
/// but only the wall clock keeps running.
template <class F>
Timing measure(F&& f) {
  const double c0 = cpu_now();
  const double wall = seconds(f);
  return {wall, cpu_now() - c0};
}

/// Median, minimum and maximum of a set of timings.
struct Spread {
  double median = 0, min = 0, max = 0;
};

/// The spread of `xs` (empty gives zeros).
inline Spread spread(std::vector<double> xs) {
  Spread s;
  if (xs.empty()) return s;
  std::sort(xs.begin(), xs.end());
  const std::size_t n = xs.size();
  s.median = n % 2 ? xs[n / 2] : 0.5 * (xs[n / 2 - 1] + xs[n / 2]);
  s.min = xs.front();
  s.max = xs.back();
  return s;
}

/// Caps TBB at `threads` workers for its lifetime; 0 leaves TBB's default.
inline std::unique_ptr<tbb::global_control> limit_threads(int threads) {
  if (threads <= 0) return nullptr;
  return std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                               static_cast<std::size_t>(threads));
}

/// Parses the command line into `app` and runs `body`; errors become one line on stderr.
template <class Body>
int main_with(CLI::App& app, int argc, char** argv, Body&& body) {
  try {
    app.parse(argc, argv);
    body();
    return 0;
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", app.get_name().c_str(), e.what());
    return 1;
  }
}

}  // namespace wellsim::bench
