#pragma once
// An experiment file: which scenarios to run, over which design of parameter values, how many
// replicates (the analogue of a NetLogo BehaviorSpace experiment or an EMA workbench run).
//
//   [experiment]
//   name = "support_packages"
//   scenarios = ["../scenarios/cost_of_living_shock.toml",
//   "../scenarios/cost_of_living_support.toml"] baseline = "cost_of_living_shock"   # scenario
//   (file stem) the others' WELLBYs are against replicates = 20 seed = 1 # run.seed of every task:
//   common random numbers [set]                               # fixed overrides of every task
//   (dotted names, as --set) run.steps = 104 [design] kind = "grid"                       # grid,
//   lhs, sobol, morris points = 64                         # lhs rows, sobol base rows, morris
//   trajectories seed = 7
//   [[factor]]
//   name = "intervention.warm_spaces.capacity"
//   values = [100, 200, 400]            # or min, max (and steps for a grid)
//
// Every name is checked against the scenarios it applies to when the file is loaded, so a typo
// is an error naming the experiment file and line, not a failed task an hour later.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch/design.hpp"

namespace wellsim::batch {

/// One scenario of an experiment.
struct ExperimentScenario {
  std::string label;  ///< its file's stem, unique within the experiment
  std::string path;   ///< resolved against the experiment file's folder
};

/// A factor with where it applies.
struct ExperimentFactor {
  Factor factor;
  long line = 0;              ///< line of its [[factor]] header
  std::vector<bool> applies;  ///< per scenario: false where it names a missing intervention
};

/// A validated experiment.
struct Experiment {
  std::string path, text, name;
  std::vector<ExperimentScenario> scenarios;
  std::optional<std::size_t> baseline;  ///< index into scenarios
  std::uint32_t replicates = 1;
  std::uint64_t seed = 1;         ///< run.seed of every task
  std::vector<std::string> sets;  ///< "key=value" overrides of every task, in file order
  DesignSpec design;
  std::vector<ExperimentFactor> factors;
  std::string hash;  ///< of the text and every scenario it runs
};

/// Reads and validates an experiment file. Every error is a sim::InputError of one line,
/// "FILE:LINE: what".
[[nodiscard]] Experiment load_experiment(const std::string& path);

/// The --set text of factor `f` at `value` ("intervention.warm_spaces.capacity=200").
std::string factor_override(const Factor& f, double value);

}  // namespace wellsim::batch
