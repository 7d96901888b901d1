#include "batch/task_state.hpp"

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "models/scenario_schema.hpp"
#include "output/run_reader.hpp"
#include "sim/errors.hpp"

namespace wellsim::batch {

namespace fs = std::filesystem;

namespace {

std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string this_host() {
  char name[256] = {};
  gethostname(name, sizeof name - 1);
  return name;
}

/// True while the process named by a running marker ("HOST PID") may still be running: it is
/// alive on this host, or it is on another host, which this one cannot see.
bool marker_alive(const std::string& marker) {
  std::error_code ec;
  if (!fs::exists(marker, ec)) return false;
  const std::string line = first_line(marker);
  const auto space = line.rfind(' ');
  if (space == std::string::npos) return false;
  if (line.substr(0, space) != this_host()) return true;
  const long pid = std::strtol(line.c_str() + space + 1, nullptr, 10);
  return pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

TaskStatus unfinished(const Plan& plan, const Task& task, const std::string& what) {
  if (marker_alive(running_marker(plan, task))) return {TaskState::Running, what};
  std::error_code ec;
  if (fs::exists(failure_marker(plan, task), ec))
    return {TaskState::Failed, first_line(failure_marker(plan, task))};
  if (what.empty()) return {TaskState::Missing, ""};
  return {TaskState::Failed, "killed: " + what};
}

}  // namespace

const char* task_state_name(TaskState state) {
  static const char* names[] = {"done", "running", "failed", "missing", "foreign"};
  return names[static_cast<int>(state)];
}

std::string running_marker(const Plan& plan, const Task& task) {
  return (fs::path(plan.dir) / "tasks" / (task.id + ".running")).string();
}

std::string failure_marker(const Plan& plan, const Task& task) {
  return (fs::path(plan.dir) / "tasks" / (task.id + ".failed")).string();
}

std::vector<TaskKey> task_keys(const Plan& plan) {
  const auto& schema = models::scenario_schema();
  std::vector<TaskKey> out(plan.tasks.size());
  // Tasks of one (point, scenario) differ only in run.replicate: load once, set it, hash. Tasks
  // are point-major, so the cache holds one point's scenarios at a time.
  std::map<std::uint32_t, sim::Scenario> cache;
  std::uint32_t cached_point = ~0u;
  for (const Task& t : plan.tasks) {
    if (t.point != cached_point) cache.clear();
    cached_point = t.point;
    auto it = cache.find(t.scenario);
    if (it == cache.end()) {
      Task first = t;
      first.replicate = 0;
      it = cache.emplace(t.scenario, plan.scenario(first)).first;
    }
    it->second.tables.at("run").set("replicate", std::int64_t{t.replicate});
    out[t.index] = {it->second.hash(schema), models::run_settings(it->second).steps};
  }
  return out;
}

TaskStatus task_status(const Plan& plan, const Task& task, const TaskKey& key) {
  const std::string file = plan.file(task);
  std::error_code ec;
  if (!fs::exists(file, ec)) return unfinished(plan, task, "");
  try {
    const output::RunReader run(file);
    if (run.scenario_hash() != key.hash || run.replicate() != task.replicate)
      return {TaskState::Foreign, file + ": holds another run (scenario hash " +
                                      run.scenario_hash() + ", expected " + key.hash + ")"};
    if (run.status() == "complete") return {TaskState::Done, ""};
    return unfinished(plan, task,
                      "stopped at step " + std::to_string(run.steps_completed()) + " of " +
                          std::to_string(run.steps_planned()));
  } catch (const sim::InputError& e) {
    // A file being created by a live run is not yet readable; anything else is corrupt.
    if (marker_alive(running_marker(plan, task))) return {TaskState::Running, ""};
    return {TaskState::Foreign, e.what()};
  }
}

std::vector<std::uint32_t> SweepStatus::todo(bool overwrite) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < tasks.size(); ++i) {
    const TaskState s = tasks[i].state;
    if (s == TaskState::Failed || s == TaskState::Missing || (overwrite && s == TaskState::Foreign))
      out.push_back(i);
  }
  return out;
}

std::vector<std::uint32_t> SweepStatus::of(TaskState state) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < tasks.size(); ++i)
    if (tasks[i].state == state) out.push_back(i);
  return out;
}

SweepStatus sweep_status(const Plan& plan, const std::vector<TaskKey>& keys) {
  SweepStatus s;
  s.tasks.reserve(plan.tasks.size());
  for (const Task& t : plan.tasks) {
    s.tasks.push_back(task_status(plan, t, keys[t.index]));
    ++s.counts[static_cast<int>(s.tasks.back().state)];
  }
  return s;
}

}  // namespace wellsim::batch
