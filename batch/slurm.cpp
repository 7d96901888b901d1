#include "batch/slurm.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "sim/errors.hpp"

namespace wellsim::batch {

namespace fs = std::filesystem;

namespace {

/// Single-quotes `text` for a POSIX shell.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string this_executable() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "wellsim" : exe.string();
}

/// The first free batch number N (sweep-N.sbatch), so earlier batches' lists stay readable.
std::uint32_t next_batch(const fs::path& dir) {
  std::uint32_t n = 1;
  while (fs::exists(dir / ("tasks-" + std::to_string(n) + ".txt"))) ++n;
  return n;
}

std::string script_text(const Plan& plan, const SlurmBatch& b, const SlurmOptions& o) {
  const fs::path dir = fs::absolute(plan.dir).lexically_normal();
  std::string s =
      "#!/bin/bash\n# wellsim sweep of " + plan.experiment.name + ": " + std::to_string(b.tasks) +
      " tasks, " + std::to_string(o.tasks_per_job) +
      " per array element.\n# Written by `wellsim sweep --slurm`; resubmit with the same "
      "command after failures:\n# a new list covers only what is then missing.\n";
  s += "#SBATCH --job-name=wellsim-" + plan.experiment.name + "\n";
  s += "#SBATCH --array=0-" + std::to_string(b.elements - 1) + "\n";
  s += "#SBATCH --output=" + (dir / "slurm" / "logs" / "%A_%a.out").string() + "\n";
  for (const std::string& arg : o.sbatch_args) s += "#SBATCH " + arg + "\n";
  const std::string threads =
      o.threads ? std::to_string(o.threads) : std::string("\"${SLURM_CPUS_PER_TASK:-1}\"");
  s += "exec " + quoted(this_executable()) + " sweep " +
       quoted(fs::absolute(plan.experiment.path).lexically_normal().string()) + " -o " +
       quoted(dir.string()) + " --task-list " + quoted(b.list) +
       " --element \"$SLURM_ARRAY_TASK_ID\" --tasks-per-job " + std::to_string(o.tasks_per_job) +
       " --threads " + threads + " --progress never\n";
  return s;
}

}  // namespace

SlurmBatch write_slurm_batch(const Plan& plan, const std::vector<std::uint32_t>& todo,
                             const SlurmOptions& o) {
  const fs::path dir = fs::absolute(fs::path(plan.dir) / "slurm").lexically_normal();
  fs::create_directories(dir / "logs");
  const std::uint32_t n = next_batch(dir);
  SlurmBatch b;
  b.list = (dir / ("tasks-" + std::to_string(n) + ".txt")).string();
  b.script = (dir / ("sweep-" + std::to_string(n) + ".sbatch")).string();
  b.tasks = static_cast<std::uint32_t>(todo.size());
  b.elements = (b.tasks + o.tasks_per_job - 1) / o.tasks_per_job;
  {
    std::ofstream list(b.list);
    for (std::uint32_t t : todo) list << plan.tasks[t].id << '\n';
    std::ofstream script(b.script);
    script << script_text(plan, b, o);
    if (!list || !script) throw sim::RuntimeError(dir.string() + ": cannot write the batch");
  }
  fs::permissions(b.script, fs::perms::owner_exec, fs::perm_options::add);
  return b;
}

std::string submit_slurm_batch(const SlurmBatch& b) {
  const std::string command = "sbatch --parsable " + quoted(b.script) + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw sim::RuntimeError("sbatch: cannot start it");
  std::string out;
  std::array<char, 512> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
  const int status = pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  if (status != 0) {
    const std::string line = out.substr(0, out.find('\n'));
    throw sim::RuntimeError(
        "sbatch " + b.script + ": " +
        (line.empty() ? "failed (is Slurm installed and SLURM_CONF set?)" : line));
  }
  return out.substr(0, out.find(';'));  // "JOBID" or "JOBID;CLUSTER"
}

std::vector<std::uint32_t> element_tasks(const Plan& plan, const std::string& list,
                                         std::uint32_t element, std::uint32_t tasks_per_job) {
  std::ifstream in(list);
  if (!in) throw sim::InputError(list + ": cannot read the task list");
  std::map<std::string, std::uint32_t> by_id;
  for (const Task& t : plan.tasks) by_id.emplace(t.id, t.index);
  std::vector<std::uint32_t> out;
  std::string id;
  const std::uint64_t first = std::uint64_t{element} * tasks_per_job;
  for (std::uint64_t line = 0; std::getline(in, id); ++line) {
    if (line < first || line >= first + tasks_per_job) continue;
    const auto it = by_id.find(id);
    if (it == by_id.end())
      throw sim::InputError(list + ":" + std::to_string(line + 1) + ": task '" + id +
                            "' is not in the experiment's plan (was the experiment changed?)");
    out.push_back(it->second);
  }
  return out;
}

}  // namespace wellsim::batch
