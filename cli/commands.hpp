#pragma once
#include <CLI/CLI.hpp>

namespace wellsim::cli {

/// Adds `wellsim run` and `wellsim validate` to the app; each sets `handler` when chosen.
void add_run_commands(CLI::App& app, std::function<int()>& handler);
/// Adds `wellsim inspect`.
void add_inspect_command(CLI::App& app, std::function<int()>& handler);
/// Adds `wellsim view`.
void add_view_command(CLI::App& app, std::function<int()>& handler);
/// Adds `wellsim compare`.
void add_compare_command(CLI::App& app, std::function<int()>& handler);
/// Adds `wellsim sweep`.
void add_sweep_command(CLI::App& app, std::function<int()>& handler);
/// Adds `wellsim merge`.
void add_merge_command(CLI::App& app, std::function<int()>& handler);
/// Adds `wellsim sensitivity`.
void add_sensitivity_command(CLI::App& app, std::function<int()>& handler);
/// Adds `wellsim partition`.
void add_partition_command(CLI::App& app, std::function<int()>& handler);
/// Adds `wellsim list`.
void add_list_command(CLI::App& app, std::function<int()>& handler);

}  // namespace wellsim::cli
