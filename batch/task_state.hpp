#pragma once
// Where each task of a plan stands, read from DIR alone so any process (a rerun here, a Slurm
// array element, an MPI rank, `--status` on a login node) sees the same answer.
//
// A task is done when its run file is complete and holds this task's scenario (hash) and
// replicate. Beside the file, ID.running names the host and process running it and ID.failed
// holds the last failure's one-line error. A file still marked running whose process is gone
// (killed, out of time, node lost) counts as failed, to be run again, never merged.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "batch/plan.hpp"

namespace wellsim::batch {

enum class TaskState {
  Done,     ///< complete run file of this task
  Running,  ///< a live process on this host (or any process on another host) is running it
  Failed,   ///< it failed or was killed: run it again
  Missing,  ///< never started
  Foreign,  ///< its file holds another run or cannot be read: refused unless --overwrite
};

/// Name of a state as printed ("done", "running", ...).
const char* task_state_name(TaskState state);

/// One task's state with the reason (the error line of a failed or foreign task).
struct TaskStatus {
  TaskState state = TaskState::Missing;
  std::string detail;
};

/// The expected identity of each task: its scenario hash and steps.
struct TaskKey {
  std::string hash;
  std::uint32_t steps = 0;
};

/// Every task's key (loads each scenario once per design point).
std::vector<TaskKey> task_keys(const Plan& plan);

/// The state of one task.
TaskStatus task_status(const Plan& plan, const Task& task, const TaskKey& key);

/// Counts by state and the tasks in each.
struct SweepStatus {
  std::array<std::uint32_t, 5> counts{};  ///< by TaskState
  std::vector<TaskStatus> tasks;          ///< one per task, in plan order
  /// Tasks to run now: failed and missing (and, with overwrite, foreign) ones.
  std::vector<std::uint32_t> todo(bool overwrite) const;
  /// The tasks in `state`, in plan order.
  std::vector<std::uint32_t> of(TaskState state) const;
};

/// The state of every task.
SweepStatus sweep_status(const Plan& plan, const std::vector<TaskKey>& keys);

/// Markers beside a task's file.
std::string running_marker(const Plan& plan, const Task& task);
std::string failure_marker(const Plan& plan, const Task& task);

}  // namespace wellsim::batch
