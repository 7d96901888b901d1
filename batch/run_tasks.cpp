#include "batch/run_tasks.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "batch/run_scenario.hpp"
#include "batch/task_state.hpp"
#include "models/scenario_schema.hpp"
#include "output/checkpoint_file.hpp"
#include "output/run_reader.hpp"
#include "sim/errors.hpp"

namespace wellsim::batch {

namespace fs = std::filesystem;

namespace {

/// Writes `text` to `path` through a temporary name, so a reader never sees half a marker.
void write_marker(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text << '\n';
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

/// A task stopped by SIGTERM (Slurm's preemption or time limit) left a checkpoint beside its
/// file: it goes on from there when the file is this task's run.
bool resumable(const Plan& plan, const Task& task) {
  const std::string file = plan.file(task);
  if (!fs::exists(output::checkpoint_path(file))) return false;
  try {  // the stored scenario itself is checked by resume_run
    return output::RunReader(file).scenario_hash() ==
           plan.scenario(task).hash(models::scenario_schema());
  } catch (const sim::InputError&) {
    return false;  // damaged or another run's: the task runs again from the start
  }
}

/// Runs the task, from its checkpoint where it has a usable one, else from the start.
void run_or_resume(const Plan& plan, const Task& task, const RunRequest& request) {
  if (resumable(plan, task)) {
    try {
      (void)resume_run(request);
      return;
    } catch (const sim::InputError&) {
      // A checkpoint of another build, say: the run is made again, never left failing.
    }
  }
  (void)run_scenario(plan.scenario(task), request);
}

}  // namespace

std::string run_task(const Plan& plan, const Task& task, unsigned threads,
                     const std::function<void(std::uint32_t)>& on_step,
                     const std::atomic<int>* stop) {
  const std::string running = running_marker(plan, task), failed = failure_marker(plan, task);
  std::error_code ec;
  std::string error;
  try {
    fs::create_directories(fs::path(plan.file(task)).parent_path());
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    write_marker(running, std::string(host) + " " + std::to_string(getpid()));
    fs::remove(failed, ec);
    RunRequest request{plan.file(task), threads, true, on_step, stop};
    run_or_resume(plan, task, request);
  } catch (const std::exception& e) {
    error = one_line(e.what());
  } catch (...) {
    error = "unknown failure";
  }
  if (!error.empty()) write_marker(failed, error);
  fs::remove(running, ec);
  return error;
}

std::vector<std::string> run_local(const Plan& plan, const std::vector<std::uint32_t>& todo,
                                   unsigned jobs, unsigned threads, const LocalRunHooks& hooks) {
  std::vector<std::string> errors(todo.size());
  std::mutex lock;
  std::atomic<std::uint64_t> steps{0};
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t k = next++; k < todo.size(); k = next++) {
      if (hooks.stop && hooks.stop->load() != 0) {
        errors[k] = "not started";
        continue;
      }
      const Task& task = plan.tasks[todo[k]];
      std::uint32_t reported = 0;
      errors[k] = run_task(
          plan, task, threads,
          [&](std::uint32_t done) {
            const std::uint64_t total = steps.fetch_add(done - reported) + (done - reported);
            reported = done;
            if (!hooks.on_steps) return;
            std::lock_guard<std::mutex> hold(lock);
            hooks.on_steps(total);
          },
          hooks.stop);
      std::lock_guard<std::mutex> hold(lock);
      if (hooks.on_task) hooks.on_task(task, errors[k]);
    }
  };
  const unsigned count = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(todo.size())));
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < count; ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  return errors;
}

}  // namespace wellsim::batch
