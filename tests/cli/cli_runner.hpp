#pragma once
#include <string>
#include <vector>

namespace wellsim::test {

/// What a finished `wellsim` process left behind.
struct CliResult {
  int status = -1;  ///< exit status (128 + signal if killed)
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the built `wellsim` binary with `args` (no shell), stdin closed, and waits for it.
CliResult run_wellsim(const std::vector<std::string>& args);

/// Starts `wellsim run ... --progress always` and SIGKILLs it once its progress line reports
/// at least `step` steps done. Returns true if that was seen before the process ended by itself.
bool kill_wellsim_after(const std::vector<std::string>& args, unsigned step);

/// A `wellsim ... --progress always` started in the background, for tests that act while it
/// runs (send it a signal, start a second run on the same file).
class RunningWellsim {
 public:
  /// Starts it.
  explicit RunningWellsim(const std::vector<std::string>& args);
  /// Kills it (SIGKILL) if still running.
  ~RunningWellsim();
  RunningWellsim(const RunningWellsim&) = delete;
  RunningWellsim& operator=(const RunningWellsim&) = delete;
  /// Reads its progress lines until one reports at least `step` steps done; false if it ended
  /// first.
  bool wait_for_step(unsigned step);
  /// Sends it `signal`.
  void signal(int signal);
  /// Waits for it to end: its status and what it wrote (stderr from where wait_for_step left).
  CliResult finish();

 private:
  int pid_ = -1, out_ = -1, err_ = -1;
  std::string err_seen_;
};

/// Starts `wellsim run ... --progress always`, sends `signal` once its progress line reports at
/// least `step` steps done, and waits for it. `seen` says whether that step was reached.
CliResult signal_wellsim_after(const std::vector<std::string>& args, unsigned step, int signal,
                               bool* seen);

}  // namespace wellsim::test
