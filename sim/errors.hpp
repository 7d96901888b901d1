#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

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

/// A user's path as a one-line message shows it: control characters (a newline would make the
/// message two lines) as '?', and a path longer than 240 bytes cut in its middle.
inline std::string shown_path(std::string_view path) {
  constexpr std::size_t kKeep = 120;
  std::string text = path.size() > 2 * kKeep ? std::string(path.substr(0, kKeep))
                                                   .append("...")
                                                   .append(path.substr(path.size() - kKeep))
                                             : std::string(path);
  for (char& c : text)
    if (c >= 0 && c < ' ') c = '?';
  return text;
}

/// "file:line: " when a line is known, "file: " otherwise; the prefix of every located message.
inline std::string where(const std::string& file, long line = 0) {
  std::string text = shown_path(file);
  if (line > 0) text.append(":").append(std::to_string(line));
  return text.append(": ");
}

}  // namespace wellsim::sim
