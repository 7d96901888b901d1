#pragma once
// Running tasks: one at a time wherever a process has one to run (here, a Slurm array element,
// an MPI rank), or a list of them here, `jobs` at a time.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "batch/plan.hpp"

namespace wellsim::batch {

/// Runs one task into its file, with its running marker while it runs and its failure marker
/// if it fails. Never throws: returns "" on success or the one-line error. `threads` is what the
/// run file records (the caller limits TBB); `on_step` sees the steps done after each step.
/// A non-zero `*stop` (a signal number) stops the run after its current step: the task then
/// fails with "interrupted by SIGINT ..." (its file is marked interrupted, never complete).
std::string run_task(const Plan& plan, const Task& task, unsigned threads,
                     const std::function<void(std::uint32_t)>& on_step = {},
                     const std::atomic<int>* stop = nullptr);

/// What a local run reports as it goes (each call is made under one lock, so a callback may
/// draw a progress line).
struct LocalRunHooks {
  std::function<void(std::uint64_t)> on_steps;  ///< steps done so far by all tasks together
  std::function<void(const Task&, const std::string&)> on_task;  ///< a task ended ("" = ok)
  /// A signal number set asynchronously: running tasks stop after their step, none starts.
  const std::atomic<int>* stop = nullptr;
};

/// Runs the tasks numbered `todo` here, `jobs` at a time (in order of the list). A failed task
/// does not stop the others. Returns the error of each task in `todo` ("" for success; tasks
/// never started because of `hooks.stop` read "not started").
std::vector<std::string> run_local(const Plan& plan, const std::vector<std::uint32_t>& todo,
                                   unsigned jobs, unsigned threads, const LocalRunHooks& hooks);

}  // namespace wellsim::batch
