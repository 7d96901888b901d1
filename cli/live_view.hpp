#pragma once
// `wellsim view --live SCENARIO`: the options of live mode and the command that wires a
// batch::LiveSession to the viewer (viz::LiveModel).
#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "viz/viewer_options.hpp"

namespace wellsim::cli {

/// What `view --live` was asked to do besides opening the window.
struct LiveOptions {
  bool live = false;                      ///< RUN is a scenario to step live, not a run file
  int steps = -1;                         ///< step to this week before showing (-1: stay at week 0)
  std::string fork_with;                  ///< [[intervention]] tables to add at `fork_week`
  int fork_week = 1;                      ///< the first week the added interventions act
  std::string save_policy;                ///< write the edited branch's run file here
  std::string save_baseline;              ///< write the untouched branch's run file here
  std::string export_toml;                ///< write the edited branch's scenario here
  std::string form;                       ///< open the panel's add form on this intervention type
  std::vector<std::int64_t> fork_people;  ///< --fork-person: the fork reaches only them
  std::vector<std::int64_t> fork_households;  ///< --fork-household: ... or these households
};

/// Adds the live-mode options to `wellsim view`.
void add_live_options(CLI::App* view, LiveOptions& o);

/// Throws sim::InputError (one line) when replay options come with --live or live options
/// without it: either would be silently ignored.
void check_live_mode(const viz::ViewerOptions& viewer, const LiveOptions& o);

/// Runs `view --live`: loads the scenario, does the scripted steps, fork, saves and exports
/// (so a test or a lesson's screenshot needs no clicks), then opens the viewer or renders
/// `viewer.screenshot`. Returns the exit status; bad input is a sim::InputError of one line.
int view_live(const viz::ViewerOptions& viewer, const LiveOptions& o);

}  // namespace wellsim::cli
