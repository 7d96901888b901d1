// The `wellsim` command. Exit status: 0 success, 1 runtime failure, 2 bad input (scenario,
// network file, run file, arguments). Every error is one line on stderr.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>

#include "cli/commands.hpp"
#include "sim/build_info.hpp"
#include "sim/errors.hpp"

namespace {

/// A message as one line: a newline inside it (from a user's path, a library's text) would
/// make two.
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace wellsim;
  CLI::App app{"wellsim: agent-based simulation of community wellbeing under policy change"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "wellsim " + std::string(sim::build_info().version));
  std::function<int()> handler;
  cli::add_run_commands(app, handler);
  cli::add_sweep_command(app, handler);
  cli::add_merge_command(app, handler);
  cli::add_sensitivity_command(app, handler);
  cli::add_compare_command(app, handler);
  cli::add_inspect_command(app, handler);
  cli::add_partition_command(app, handler);
  cli::add_list_command(app, handler);
  cli::add_view_command(app, handler);
  if (argc > 1 && argv[1][0] != '-') {
    std::string cmd = argv[1];
    bool known = false;
    for (const auto* sub : app.get_subcommands({})) known |= sub->get_name() == cmd;
    if (!known) {
      std::fprintf(stderr,
                   "wellsim: unknown command '%s'; commands: run, validate, sweep, merge, "
                   "sensitivity, compare, inspect, partition, list, view\n",
                   cmd.c_str());
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "wellsim: %s (see wellsim --help)\n", one_line(e.what()).c_str());
    return 2;
  }
  try {
    const int status = handler();
    // Buffered output reaches the file only now: a full disk or /dev/full must not read as
    // success.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      std::fprintf(stderr, "wellsim: error: cannot write the standard output: %s\n",
                   std::strerror(errno ? errno : EIO));
      return 1;
    }
    return status;
  } catch (const sim::InputError& e) {
    std::fprintf(stderr, "wellsim: %s\n", one_line(e.what()).c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "wellsim: error: %s\n", one_line(e.what()).c_str());
    return 1;
  }
}
