#pragma once
// The tasks of an experiment: every scenario at every design point for every replicate.
//
// Task order is point-major, then replicate, then scenario, so the scenarios of one point and
// replicate (a paired comparison) sit side by side, and a prefix of the list is a usable
// ensemble. A task's id ("support-p0003-r07") and its file DIR/tasks/ID.h5 depend only on the
// experiment, never on where or when it runs. Every task of replicate r runs with run.seed =
// the experiment's seed and run.replicate = r: common random numbers across scenarios and design
// points, so a difference between them is the policy's or the factor's, not the dice's.
#include <cstdint>
#include <string>
#include <vector>

#include "batch/design.hpp"
#include "batch/experiment.hpp"
#include "sim/scenario.hpp"

namespace wellsim::batch {

/// One run of the experiment.
struct Task {
  std::uint32_t index = 0;      ///< position in the plan
  std::string id;               ///< stable name: LABEL-pPOINT-rREPLICATE
  std::uint32_t scenario = 0;   ///< index into Experiment::scenarios
  std::uint32_t point = 0;      ///< design row
  std::uint32_t replicate = 0;  ///< run.replicate
};

/// Every task, with the design they come from.
struct Plan {
  Experiment experiment;
  Design design;  ///< one row with no columns when there are no factors
  std::string dir;
  std::vector<Task> tasks;

  /// The --set overrides of task `t`: the experiment's [set], its factors' values where they
  /// apply, run.seed and run.replicate.
  std::vector<std::string> overrides(const Task& t) const;
  /// The task's run file, DIR/tasks/ID.h5.
  std::string file(const Task& t) const;
  /// The task's scenario, loaded and validated.
  sim::Scenario scenario(const Task& t) const;
};

/// Plans `experiment` into `dir`.
[[nodiscard]] Plan make_plan(Experiment experiment, const std::string& dir);

}  // namespace wellsim::batch
