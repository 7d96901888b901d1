#pragma once
// Running the real `wellsim view` headless, for the render tests.
#include <optional>
#include <string>

namespace wellsim::test {

/// Runs `wellsim view ARGS` under xvfb-run (a 1280x1024 screen), REQUIREs exit status 0 and
/// returns what it printed (stdout and stderr, kept in `log`); nullopt, with a warning, when
/// Xvfb is not installed.
std::optional<std::string> view_under_xvfb(const std::string& args, const std::string& log);

}  // namespace wellsim::test
