#pragma once
// One scenario run into one run file: what `wellsim run`, a sweep's task (here, in a Slurm array
// element or on an MPI rank) all do, so a task's file is the same however it ran.
#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario.hpp"

namespace wellsim::batch {

/// How to run.
struct RunRequest {
  std::string out;         ///< run file to write
  unsigned threads = 1;    ///< worker threads the run says it used (the caller limits TBB)
  bool overwrite = false;  ///< replace `out` if it exists
  std::function<void(std::uint32_t)> on_step;  ///< called with the steps done after each step
  /// A signal number set asynchronously (SIGINT, SIGTERM) asks the run to stop after the step it
  /// is on; null or 0: run to the end.
  const std::atomic<int>* stop = nullptr;
};

/// A run stopped on request (RunRequest::stop) after a complete step; its file is marked
/// status "interrupted" and holds every step up to `step`.
class Interrupted : public std::runtime_error {
 public:
  /// `signal` that stopped the run writing `file` after `step` of `planned` steps.
  Interrupted(int signal, std::string file, std::uint32_t step, std::uint32_t planned);
  int signal;             ///< the signal number
  std::string file;       ///< the run file, kept
  std::uint32_t step;     ///< last complete step
  std::uint32_t planned;  ///< steps the run was meant to take
};

/// "SIGINT", "SIGTERM", or "signal N".
std::string signal_name(int signal);

/// What happened, for the summary lines.
struct RunOutcome {
  std::string name;             ///< run.name
  std::uint64_t seed = 0;       ///< run.seed
  std::uint32_t replicate = 0;  ///< run.replicate
  std::uint32_t steps = 0;      ///< steps run
  std::size_t agents = 0, ties = 0;
  double mean_before = 0, mean_after = 0;  ///< mean wellbeing at week 0 and at the end
  double setup_seconds = 0, build_seconds = 0, freeze_seconds = 0, step_seconds = 0;
  std::vector<std::pair<std::string, double>> timings;  ///< seconds per mechanism, all steps
};

/// Builds the scenario's community and runs it into `request.out`. Throws sim::InputError for
/// an existing file without `overwrite` (before any work) and for bad input found while building.
RunOutcome run_scenario(const sim::Scenario& sc, const RunRequest& request);

}  // namespace wellsim::batch
