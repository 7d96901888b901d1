#pragma once
// Sweeps as Slurm job arrays. `wellsim sweep --slurm` writes the tasks still to run into a list
// and an sbatch script whose array element e runs list entries [eK, eK+K): K tasks per element
// keeps a 10,000-task sweep under a scheduler's MaxArraySize (1001 by default) and amortises the
// start-up of each element. Resubmitting after failures writes a new list of only what is then
// missing or failed, so nothing done is ever run twice.
#include <cstdint>
#include <string>
#include <vector>

#include "batch/plan.hpp"

namespace wellsim::batch {

/// How to write the array.
struct SlurmOptions {
  std::uint32_t tasks_per_job = 1;       ///< K
  std::vector<std::string> sbatch_args;  ///< extra sbatch options, one #SBATCH line each
  unsigned threads = 0;                  ///< worker threads per task (0: the element's CPUs)
};

/// What was written.
struct SlurmBatch {
  std::string script, list;  ///< DIR/slurm/sweep-N.sbatch and DIR/slurm/tasks-N.txt
  std::uint32_t elements = 0, tasks = 0;
};

/// Writes the list of `todo` (task numbers) and the script running them.
SlurmBatch write_slurm_batch(const Plan& plan, const std::vector<std::uint32_t>& todo,
                             const SlurmOptions& options);

/// Submits the script with sbatch and returns the job id; sbatch's own error line on failure
/// (a sim::RuntimeError), or a missing sbatch, becomes one line.
std::string submit_slurm_batch(const SlurmBatch& batch);

/// The task numbers array element `element` runs: list entries [element·K, element·K + K).
/// Throws sim::InputError naming the list for an id the plan does not have.
std::vector<std::uint32_t> element_tasks(const Plan& plan, const std::string& list,
                                         std::uint32_t element, std::uint32_t tasks_per_job);

}  // namespace wellsim::batch
