// `wellsim sweep` end to end: runs, reruns only what is missing or failed, refuses what is not
// its own, and writes task files identical to `wellsim run`'s however they are scheduled.
#include <signal.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/run_reader.hpp"
#include "tests/batch/batch_fixture.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

test::CliResult sweep(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"sweep"};
  all.insert(all.end(), args.begin(), args.end());
  return test::run_wellsim(all);
}

/// Every dataset of two run files, byte for byte.
void require_same_datasets(const std::string& a, const std::string& b) {
  const output::RunReader ra(a), rb(b);
  REQUIRE(ra.dataset_names() == rb.dataset_names());
  for (const auto& name : ra.dataset_names()) {
    INFO(a << " vs " << b << ": " << name);
    CHECK(ra.raw_bytes(name) == rb.raw_bytes(name));
  }
}

}  // namespace

TEST_CASE("sweep runs every task once and reruns only what is missing or failed", "[cli][batch]") {
  test::TempDir dir("sweep");
  const std::string exp = dir.write("e.toml", test::tiny_experiment());
  const std::string out = dir.file("out");
  auto r = sweep({exp, "-o", out, "-j", "2"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("8 task(s) in") && Contains("8 done, 0 failed"));
  r = sweep({exp, "-o", out, "--status"});
  CHECK_THAT(r.out,
             Contains("tiny: 8 tasks in " + out + ": 8 done, 0 running, 0 failed, 0 missing"));
  r = sweep({exp, "-o", out});
  CHECK_THAT(r.out, Contains("running 0 task(s)"));

  // A lost file and a failure: only those two run again, and --status named the failure.
  std::filesystem::remove(out + "/tasks/cost_of_living_shock-p1-r0.h5");
  std::filesystem::remove(out + "/tasks/cost_of_living_support-p0-r1.h5");
  std::ofstream(out + "/tasks/cost_of_living_support-p0-r1.failed") << "disk on fire\n";
  r = sweep({exp, "-o", out, "--status"});
  CHECK_THAT(r.out, Contains("6 done, 0 running, 1 failed, 1 missing") &&
                        Contains("cost_of_living_support-p0-r1  disk on fire"));
  r = sweep({exp, "-o", out});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("running 2 task(s)"));
  CHECK_FALSE(std::filesystem::exists(out + "/tasks/cost_of_living_support-p0-r1.failed"));

  // A task file is the same as `wellsim run` with the task's overrides.
  r = test::run_wellsim({"run", test::source_path("scenarios/cost_of_living_support.toml"), "--set",
                         "run.steps=20", "--set", "population.sizes=[200, 200, 200, 200, 200]",
                         "--set", "intervention.warm_spaces.capacity=400", "--seed", "3",
                         "--replicate", "1", "--threads", "1", "-o", dir.file("direct.h5"), "-q"});
  REQUIRE(r.status == 0);
  require_same_datasets(dir.file("direct.h5"), out + "/tasks/cost_of_living_support-p1-r1.h5");

  // One task at a time on one thread: the same files.
  r = sweep({exp, "-o", dir.file("serial"), "-j", "1", "--threads", "1", "-q"});
  REQUIRE(r.status == 0);
  for (const auto& entry : std::filesystem::directory_iterator(out + "/tasks"))
    require_same_datasets(entry.path().string(),
                          dir.file("serial/tasks/" + entry.path().filename().string()));
}

TEST_CASE("sweep refuses files that are not its own and overwrites nothing", "[cli][batch]") {
  test::TempDir dir("sweep-refuse");
  const std::string exp = dir.write("e.toml", test::tiny_experiment("tiny", "", 1));
  const std::string out = dir.file("out");
  std::filesystem::create_directories(out + "/tasks");
  auto r = sweep({exp, "-o", out});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("is not empty and holds no sweep"));
  std::filesystem::remove_all(out);
  REQUIRE(sweep({exp, "-o", out, "-q", "--threads", "1"}).status == 0);
  const std::string task = out + "/tasks/cost_of_living_shock-p0-r0.h5";
  std::ofstream(task, std::ios::trunc) << "corrupt";
  r = sweep({exp, "-o", out});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains(task + ": ") && Contains("pass --overwrite"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(test::read_text(task) == "corrupt");
  r = sweep({dir.write("other.toml", test::tiny_experiment("other", "", 1)), "-o", out});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("holds the sweep of experiment 'tiny'"));
  r = sweep({dir.file("other.toml"), "-o", out, "--status"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("holds the sweep of experiment 'tiny'"));
  r = sweep({exp, "-o", out, "--overwrite", "-q", "--threads", "1"});
  CHECK(r.status == 0);
  CHECK(output::RunReader(task).status() == "complete");
  r = sweep({dir.write("bad.toml", test::tiny_experiment("tiny",
                                                         "[[factor]]\nname = \"x.y\"\n"
                                                         "values = [1]\n")),
             "-o", out});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("bad.toml:15: factor x.y"));
}

TEST_CASE("a killed task is run again, not counted done", "[cli][batch]") {
  test::TempDir dir("sweep-kill");
  std::string text = test::tiny_experiment("tiny", "", 1);
  text.replace(text.find("run.steps = 20"), 14, "run.steps = 400");
  const std::string exp = dir.write("e.toml", text);
  const std::string out = dir.file("out");
  REQUIRE(test::kill_wellsim_after(
      {"sweep", exp, "-o", out, "-j", "1", "--threads", "1", "--progress", "always"}, 30));
  auto r = sweep({exp, "-o", out, "--status"});
  INFO(r.out);
  CHECK_THAT(r.out, Contains("1 failed") && Contains("killed: stopped at step"));
}

TEST_CASE("sweep --slurm writes an array of the tasks still to run", "[cli][batch]") {
  test::TempDir dir("sweep-slurm-script");
  const std::string exp = dir.write("e.toml", test::tiny_experiment());
  const std::string out = dir.file("out");
  auto r = sweep({exp, "-o", out, "--slurm", "--tasks-per-job", "3", "--sbatch-args",
                  "--time=00:10:00 --partition=debug"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("8 task(s) in 3 array element(s) of up to 3"));
  const std::string script = test::read_text(out + "/slurm/sweep-1.sbatch");
  CHECK_THAT(script, Contains("#SBATCH --array=0-2\n") && Contains("#SBATCH --time=00:10:00\n") &&
                         Contains("#SBATCH --partition=debug\n") &&
                         Contains("--element \"$SLURM_ARRAY_TASK_ID\" --tasks-per-job 3"));
  CHECK(std::count(script.begin(), script.end(), '\n') > 5);
  // Element 2 runs the last two tasks of the list; the next batch lists only the other six.
  r = sweep({exp, "-o", out, "--task-list", out + "/slurm/tasks-1.txt", "--element", "2",
             "--tasks-per-job", "3", "--threads", "1"});
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("cost_of_living_shock-p1-r1 done") &&
                        Contains("cost_of_living_support-p1-r1 done"));
  r = sweep({exp, "-o", out, "--slurm", "--tasks-per-job", "3"});
  CHECK_THAT(r.out, Contains("sweep-2.sbatch: 6 task(s) in 2 array element(s)"));
  r = sweep({exp, "-o", out, "--submit"});
  CHECK(r.status == 2);
}

TEST_CASE("a task stopped by SIGTERM goes on from its checkpoint when the sweep runs again",
          "[cli][batch][resume]") {
  test::TempDir dir("sweep-term");
  std::string text = test::tiny_experiment("tiny", "", 1);
  text.replace(text.find("run.steps = 20"), 14, "run.steps = 400");
  const std::string exp = dir.write("e.toml", text);
  const std::string out = dir.file("out");
  bool seen = false;
  const auto stopped = test::signal_wellsim_after(
      {"sweep", exp, "-o", out, "-j", "1", "--threads", "1", "--progress", "always"}, 30, SIGTERM,
      &seen);
  REQUIRE(seen);
  REQUIRE(stopped.status == 143);
  std::vector<std::string> checkpoints;
  for (const auto& entry : std::filesystem::directory_iterator(out + "/tasks"))
    if (entry.path().extension() == ".checkpoint") checkpoints.push_back(entry.path().string());
  REQUIRE(checkpoints.size() == 1);
  const std::string task = checkpoints[0].substr(0, checkpoints[0].size() - 11);
  auto r = sweep({exp, "-o", out, "-j", "1", "--threads", "1", "-q"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_FALSE(std::filesystem::exists(checkpoints[0]));
  CHECK_THAT(output::RunReader(task).manifest().at("resumed"), Contains("after step"));
  // The same as the task run without a stop.
  REQUIRE(sweep({exp, "-o", dir.file("whole"), "-j", "1", "--threads", "1", "-q"}).status == 0);
  require_same_datasets(task,
                        dir.file("whole/tasks/" + std::filesystem::path(task).filename().string()));
}
