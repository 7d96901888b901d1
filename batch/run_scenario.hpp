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
  /// Write a checkpoint (RUN.h5.checkpoint) after every this many steps; 0: only when stopped.
  std::uint32_t checkpoint_every = 0;
};

/// A run stopped on request (RunRequest::stop) after a complete step; its file is marked
/// status "interrupted" and holds every step up to `step`, and its checkpoint holds that step.
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
  std::string name;                ///< run.name
  std::uint64_t seed = 0;          ///< run.seed
  std::uint32_t replicate = 0;     ///< run.replicate
  std::uint32_t steps = 0;         ///< steps the run has (its planned steps)
  std::uint32_t resumed_from = 0;  ///< a resumed run: the step it went on from (else 0)
  bool resumed = false;            ///< continued a stopped run (resume_run)
  bool already_complete = false;   ///< resume_run found the run complete and did nothing
  std::size_t agents = 0, ties = 0;
  double mean_before = 0, mean_after = 0;  ///< mean wellbeing at week 0 and at the end
  double setup_seconds = 0, build_seconds = 0, freeze_seconds = 0, step_seconds = 0;
  std::vector<std::pair<std::string, double>> timings;  ///< seconds per mechanism, all steps
};

/// Builds the scenario's community and runs it into `request.out`. Throws sim::InputError for
/// an existing file without `overwrite` (before any work) and for bad input found while building.
RunOutcome run_scenario(const sim::Scenario& sc, const RunRequest& request);

/// Continues the stopped run in `request.out` (killed, or stopped by a signal) from its
/// checkpoint, or from step 0 when it has none, with the scenario stored in the file; the
/// datasets come out as an uninterrupted run's. A complete run is left as it is. Throws
/// sim::InputError in one line: no such run, a file in use, a checkpoint of another run or build.
RunOutcome resume_run(const RunRequest& request);

/// The scenario a run file was made from: its stored text and overrides, read against the
/// folder it came from, or failing that (the file moved or changed) its stored effective form;
/// either must give the stored hash, else sim::InputError. Meant for resuming: a file that a
/// running wellsim holds is refused.
sim::Scenario scenario_of_run(const std::string& run_file);

}  // namespace wellsim::batch
