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

}  // namespace wellsim::test
