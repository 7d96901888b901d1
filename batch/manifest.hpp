#pragma once
// DIR/sweep.json: what a sweep directory holds, written by every `wellsim sweep` (here, before a
// Slurm submission, on MPI rank 0). It is the plan in a form that needs neither the experiment
// file nor its scenarios, so `wellsim merge DIR` works anywhere the directory is copied, and a
// second experiment pointed at the same DIR is refused instead of mixing files.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch/design.hpp"
#include "batch/plan.hpp"
#include "batch/task_state.hpp"

namespace wellsim::batch {

/// One task as the manifest records it.
struct ManifestTask {
  std::string id;
  std::uint32_t scenario = 0, point = 0, replicate = 0;
  std::string hash;  ///< expected scenario hash of its run file
};

/// The manifest's content.
struct Manifest {
  std::string experiment;              ///< experiment name
  std::string experiment_file;         ///< absolute path it was planned from
  std::string experiment_hash;         ///< of its text and scenarios
  std::vector<std::string> scenarios;  ///< labels, in experiment order
  std::optional<std::uint32_t> baseline;
  std::uint64_t seed = 1;                    ///< run.seed of every task
  Design design;                             ///< rows in design order
  std::vector<double> factor_lo, factor_hi;  ///< each factor's range (values' min and max)
  std::vector<std::vector<bool>> applies;    ///< [factor][scenario]: false for a scenario
                                             ///< without the intervention it names
  std::vector<ManifestTask> tasks;           ///< in plan order

  /// The task of `scenario` at the same point and replicate as task `index` (plan order puts
  /// the scenarios of a point and replicate side by side).
  std::uint32_t partner(std::uint32_t index, std::uint32_t scenario) const;
};

/// The manifest of a plan with its task keys.
Manifest make_manifest(const Plan& plan, const std::vector<TaskKey>& keys);

/// Throws sim::InputError, naming DIR, when it holds a sweep of another experiment, is not a
/// directory, or is a non-empty directory without a sweep.
void check_sweep_dir(const Manifest& manifest, const std::string& dir);

/// Checks DIR as check_sweep_dir does, creates DIR and DIR/tasks, and writes DIR/sweep.json. Throws
/// sim::InputError, naming DIR, when it already holds a sweep of another experiment (another name).
void claim_sweep_dir(const Manifest& manifest, const std::string& dir);

/// Reads DIR/sweep.json; a sim::InputError names the file for anything missing or malformed.
Manifest read_manifest(const std::string& dir);

}  // namespace wellsim::batch
