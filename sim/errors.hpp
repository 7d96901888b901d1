#pragma once
#include <stdexcept>
#include <string>

namespace wellsim::sim {

/// Bad input from the user (scenario, network file, run file, argument): exit status 2.
/// The message is one line that names what and where, e.g. "town.toml:12: network.k: ...".
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A failure while running (I/O, resources): exit status 1.
class RuntimeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// "file:line: " when a line is known, "file: " otherwise; the prefix of every located message.
inline std::string where(const std::string& file, long line = 0) {
  return line > 0 ? file + ":" + std::to_string(line) + ": " : file + ": ";
}

}  // namespace wellsim::sim
