#pragma once
// SIGINT and SIGTERM as a request to stop cleanly (Ctrl-C, Slurm's preemption and time limit).
#include <atomic>

namespace wellsim::cli {

/// While alive, SIGINT and SIGTERM set the flag (the signal's number) instead of killing the
/// process; a second signal kills it as usual. Restores the previous handlers when destroyed.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  /// The flag: 0 until a signal arrives, then its number.
  const std::atomic<int>* flag() const;
  /// The exit status for a run stopped by the flag's signal: 128 + its number (130, 143).
  int exit_status() const;
};

}  // namespace wellsim::cli
