// `wellsim sweep`: plan an experiment's tasks and run them here, as a Slurm array or on MPI ranks;
// rerunning it runs only what is missing or failed.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "batch/experiment.hpp"
#include "batch/manifest.hpp"
#include "batch/mpi_dispatch.hpp"
#include "batch/plan.hpp"
#include "batch/run_scenario.hpp"
#include "batch/run_tasks.hpp"
#include "batch/slurm.hpp"
#include "batch/task_state.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/stop_signal.hpp"
#include "sim/errors.hpp"

namespace wellsim::cli {

namespace {

struct SweepOptions {
  std::string experiment, dir, progress = "auto", task_list, sbatch_args;
  unsigned jobs = 0, threads = 0;
  std::uint32_t tasks_per_job = 1;
  std::int64_t element = -1;
  bool status = false, overwrite = false, quiet = false, slurm = false, submit = false, mpi = false;
};

const char* kHelp = R"(run an experiment: every scenario at every design point for every replicate.

Tasks go to DIR/tasks/ID.h5 (ID = SCENARIO-pPOINT-rREPLICATE). Running the same command again
runs only the tasks that are missing or failed (a killed run counts as failed); --status says
where each stands. Every task runs with the experiment's seed and its replicate number: common
random numbers across scenarios and design points.

  wellsim sweep experiment.toml -o runs/sweep -j 2        # here, two tasks at a time
  wellsim sweep experiment.toml -o runs/sweep --status
  wellsim sweep experiment.toml -o runs/sweep --slurm --tasks-per-job 10 --submit
  mpirun -np 8 wellsim sweep experiment.toml -o runs/sweep --mpi
  wellsim merge runs/sweep -o ensemble.h5)";

struct Loaded {
  batch::Plan plan;
  std::vector<batch::TaskKey> keys;
  batch::Manifest manifest;
};

Loaded load(const SweepOptions& o) {
  Loaded l{batch::make_plan(batch::load_experiment(o.experiment), o.dir), {}, {}};
  l.keys = batch::task_keys(l.plan);
  l.manifest = batch::make_manifest(l.plan, l.keys);
  return l;
}

std::string counts_line(const Loaded& l, const batch::SweepStatus& s) {
  std::string line = l.plan.experiment.name + ": " + std::to_string(l.plan.tasks.size()) +
                     " tasks in " + l.plan.dir + ":";
  for (int k = 0; k < 5; ++k) {
    if (k == static_cast<int>(batch::TaskState::Foreign) && s.counts[k] == 0) continue;
    line += std::string(k ? ", " : " ") + std::to_string(s.counts[k]) + " " +
            batch::task_state_name(static_cast<batch::TaskState>(k));
  }
  return line;
}

int print_status(const Loaded& l) {
  const batch::SweepStatus s = batch::sweep_status(l.plan, l.keys);
  std::printf("%s\n", counts_line(l, s).c_str());
  for (batch::TaskState state :
       {batch::TaskState::Failed, batch::TaskState::Foreign, batch::TaskState::Running}) {
    const auto tasks = s.of(state);
    if (tasks.empty()) continue;
    std::printf("%s:\n", batch::task_state_name(state));
    for (std::uint32_t t : tasks)
      std::printf("  %s  %s\n", l.plan.tasks[t].id.c_str(), s.tasks[t].detail.c_str());
  }
  return 0;
}

/// The tasks to run now; files of other runs (or corrupt ones) stop everything unless
/// --overwrite, so nothing is replaced by accident.
std::vector<std::uint32_t> tasks_to_run(const Loaded& l, const SweepOptions& o,
                                        batch::SweepStatus* status = nullptr) {
  batch::SweepStatus s = batch::sweep_status(l.plan, l.keys);
  const auto foreign = s.of(batch::TaskState::Foreign);
  if (!foreign.empty() && !o.overwrite)
    throw sim::InputError(s.tasks[foreign.front()].detail + " (" + std::to_string(foreign.size()) +
                          " such task file(s); pass --overwrite to run them again, or choose "
                          "another -o)");
  auto todo = s.todo(o.overwrite);
  if (status) *status = std::move(s);
  return todo;
}

unsigned threads_of(const SweepOptions& o) {
  return o.threads ? o.threads : static_cast<unsigned>(tbb::info::default_concurrency());
}

/// One line for a sweep stopped by SIGINT/SIGTERM: what finished, and how to finish the rest.
int interrupted(const StopOnSignal& signals, const std::vector<std::string>& errors) {
  const auto done = std::count(errors.begin(), errors.end(), std::string());
  std::fprintf(stderr,
               "wellsim: sweep interrupted by %s: %zu of %zu task(s) done, the others stopped "
               "after a complete step or not started; run the same command again to finish "
               "them\n",
               batch::signal_name(signals.exit_status() - 128).c_str(),
               static_cast<std::size_t>(done), errors.size());
  return signals.exit_status();
}

int run_here(const SweepOptions& o) {
  Loaded l = load(o);
  batch::claim_sweep_dir(l.manifest, o.dir);
  batch::SweepStatus before;
  const auto todo = tasks_to_run(l, o, &before);
  const unsigned threads = threads_of(o);
  // A 20,000-person task keeps about one core busy, so by default one task per core.
  const unsigned jobs = o.jobs ? o.jobs : threads;
  if (!o.quiet)
    std::printf("%s\nrunning %zu task(s), %u at a time\n", counts_line(l, before).c_str(),
                todo.size(), std::min<unsigned>(jobs, std::max<std::size_t>(1, todo.size())));
  std::uint64_t total = 0;
  for (std::uint32_t t : todo) total += l.keys[t].steps;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  Progress progress(l.plan.experiment.name, static_cast<std::uint32_t>(total),
                    o.quiet ? ProgressMode::Never : parse_progress_mode(o.progress));
  std::size_t ended = 0, failed = 0;
  StopOnSignal signals;
  batch::LocalRunHooks hooks;
  hooks.stop = signals.flag();
  hooks.on_steps = [&](std::uint64_t done) { progress.update(static_cast<std::uint32_t>(done)); };
  hooks.on_task = [&](const batch::Task& task, const std::string& error) {
    ++ended;
    if (!error.empty() && signals.flag()->load() == 0) {
      ++failed;
      progress.finish();
      std::fprintf(stderr, "wellsim: task %s failed: %s\n", task.id.c_str(), error.c_str());
    }
    progress.set_note(std::to_string(ended) + "/" + std::to_string(todo.size()) + " tasks" +
                      (failed ? ", " + std::to_string(failed) + " failed" : ""));
  };
  const auto errors =
      batch::run_local(l.plan, todo, jobs, std::max(1u, threads / std::max(1u, jobs)), hooks);
  progress.finish();
  if (signals.flag()->load() != 0) return interrupted(signals, errors);
  if (!o.quiet)
    std::printf("%zu task(s) in %.1f s: %zu done, %zu failed%s\n", todo.size(), progress.elapsed(),
                todo.size() - failed, failed,
                failed ? " (wellsim sweep ... --status lists them; run again to retry)" : "");
  return failed ? 1 : 0;
}

int run_slurm(const SweepOptions& o) {
  Loaded l = load(o);
  batch::claim_sweep_dir(l.manifest, o.dir);
  const auto todo = tasks_to_run(l, o);
  if (todo.empty()) {
    if (!o.quiet)
      std::printf("%s: every task is done or running; nothing to submit\n",
                  l.plan.experiment.name.c_str());
    return 0;
  }
  batch::SlurmOptions so;
  so.tasks_per_job = o.tasks_per_job;
  so.threads = o.threads;
  std::string arg;
  for (char c : o.sbatch_args + " ") {
    if (c != ' ')
      arg += c;
    else if (!arg.empty())
      so.sbatch_args.push_back(std::exchange(arg, ""));
  }
  const batch::SlurmBatch b = batch::write_slurm_batch(l.plan, todo, so);
  if (!o.quiet)
    std::printf("wrote %s: %u task(s) in %u array element(s) of up to %u\n", b.script.c_str(),
                b.tasks, b.elements, o.tasks_per_job);
  if (!o.submit) return 0;
  const std::string job = batch::submit_slurm_batch(b);
  if (!o.quiet)
    std::printf("submitted job %s; follow it with: wellsim sweep %s -o %s --status\n", job.c_str(),
                o.experiment.c_str(), o.dir.c_str());
  return 0;
}

/// One Slurm array element: its share of the list, skipping what is already done.
int run_element(const SweepOptions& o) {
  Loaded l = load(o);
  const auto mine = batch::element_tasks(l.plan, o.task_list, static_cast<std::uint32_t>(o.element),
                                         o.tasks_per_job);
  const unsigned threads = threads_of(o);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  int failed = 0;
  for (std::uint32_t t : mine) {
    const batch::Task& task = l.plan.tasks[t];
    const auto state = batch::task_status(l.plan, task, l.keys[t]).state;
    if (state == batch::TaskState::Done || state == batch::TaskState::Running) continue;
    const std::string error = batch::run_task(l.plan, task, threads);
    std::printf("%s %s%s\n", task.id.c_str(), error.empty() ? "done" : "failed: ", error.c_str());
    failed += !error.empty();
  }
  return failed ? 1 : 0;
}

int run_mpi(const SweepOptions& o) {
  batch::MpiSession session;
  Loaded l = load(o);
  std::vector<std::uint32_t> todo;
  if (session.rank() == 0) {
    batch::claim_sweep_dir(l.manifest, o.dir);
    todo = tasks_to_run(l, o);
  }
  todo = batch::mpi_broadcast(session, todo);  // every rank runs the same list
  const unsigned threads = threads_of(o);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  Progress progress(
      l.plan.experiment.name + " (" + std::to_string(session.size()) + " ranks)",
      static_cast<std::uint32_t>(todo.size()),
      session.rank() || o.quiet ? ProgressMode::Never : parse_progress_mode(o.progress));
  std::uint32_t ended = 0, failed = 0;
  const auto results = batch::mpi_dispatch(
      session, static_cast<std::uint32_t>(todo.size()),
      [&](std::uint32_t k) { return batch::run_task(l.plan, l.plan.tasks[todo[k]], threads); },
      [&](const batch::DispatchResult& r) {
        progress.update(++ended);
        if (r.ok) return;
        ++failed;
        std::fprintf(stderr, "wellsim: task %s failed on rank %d: %s\n",
                     l.plan.tasks[todo[r.task]].id.c_str(), r.rank, r.error.c_str());
      });
  progress.finish();
  if (session.rank() == 0 && !o.quiet)
    std::printf("%zu task(s) on %d ranks in %.1f s: %u done, %u failed\n", todo.size(),
                session.size(), progress.elapsed(), ended - failed, failed);
  return failed ? 1 : 0;
}

int sweep(const SweepOptions& o) {
  if (o.element >= 0) {
    if (o.task_list.empty()) throw sim::InputError("--element needs --task-list");
    return run_element(o);
  }
  if (o.status) {
    const Loaded l = load(o);
    batch::check_sweep_dir(l.manifest, o.dir);
    return print_status(l);
  }
  if (o.mpi) return run_mpi(o);
  if (o.slurm) return run_slurm(o);
  if (o.submit) throw sim::InputError("--submit needs --slurm");
  return run_here(o);
}

}  // namespace

void add_sweep_command(CLI::App& app, std::function<int()>& handler) {
  static SweepOptions o;
  auto* cmd = app.add_subcommand("sweep", kHelp);
  cmd->add_option("EXPERIMENT", o.experiment, "experiment file (TOML)")->required();
  cmd->add_option("-o,--output", o.dir, "sweep directory (task files, status, Slurm scripts)")
      ->required();
  cmd->add_option("-j,--jobs", o.jobs, "tasks at a time here (default: one per core)")
      ->check(CLI::Range(1u, 4096u));
  cmd->add_option("--threads", o.threads, "worker threads in all (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  cmd->add_flag("--status", o.status, "print done/running/failed/missing counts and the failures");
  cmd->add_flag("--overwrite", o.overwrite,
                "also rerun tasks whose file holds another run or cannot be read");
  cmd->add_flag("--slurm", o.slurm, "write an sbatch array script for the tasks still to run");
  cmd->add_option("--tasks-per-job", o.tasks_per_job, "tasks per array element (--slurm)")
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--sbatch-args", o.sbatch_args,
                  "extra sbatch options, e.g. \"--time=01:00:00 --partition=short\"");
  cmd->add_flag("--submit", o.submit, "submit the script with sbatch (--slurm)");
  cmd->add_flag("--mpi", o.mpi, "under mpirun: rank 0 hands tasks to the other ranks");
  cmd->add_option("--task-list", o.task_list, "(array element) the list of task ids")->group("");
  cmd->add_option("--element", o.element, "(array element) its index")
      ->check(whole_number())
      ->group("");
  cmd->add_option("--progress", o.progress,
                  "progress line: auto (only on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-q,--quiet", o.quiet, "print nothing on success");
  cmd->callback([&handler] { handler = [] { return sweep(o); }; });
}

}  // namespace wellsim::cli
