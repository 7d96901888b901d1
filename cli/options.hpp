#pragma once
// Checks of command-line values shared by the commands.
#include <CLI/CLI.hpp>

namespace wellsim::cli {

/// A whole number >= 0 ("--steps 10"), refused in one short line: "expected a whole number >= 0,
/// found 'ten'". CLI::NonNegativeNumber names its range as 0 to 1.8e308 written out in 300
/// digits.
const CLI::Validator& whole_number();

}  // namespace wellsim::cli
