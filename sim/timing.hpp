#pragma once
#include <chrono>

namespace wellsim::sim {

/// Wall seconds since `t0` on the steady clock: how the engine times mechanisms and assembly
/// times building and freezing, for `wellsim run --profile` and its summary.
inline double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace wellsim::sim
