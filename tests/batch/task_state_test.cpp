// Task states read from the sweep directory alone: missing, done, killed (failed), foreign.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "batch/experiment.hpp"
#include "batch/manifest.hpp"
#include "batch/plan.hpp"
#include "batch/run_tasks.hpp"
#include "batch/task_state.hpp"
#include "sim/errors.hpp"
#include "tests/batch/batch_fixture.hpp"

using namespace wellsim;
using batch::TaskState;

TEST_CASE("task states follow the files and markers", "[batch]") {
  test::TempDir dir("task-state");
  const batch::Plan plan = batch::make_plan(
      batch::load_experiment(dir.write("e.toml", test::tiny_experiment())), dir.file("out"));
  const auto keys = batch::task_keys(plan);
  REQUIRE(keys.size() == plan.tasks.size());
  CHECK(keys[0].steps == 20);
  CHECK(keys[0].hash != keys[2].hash);  // another replicate
  batch::claim_sweep_dir(batch::make_manifest(plan, keys), plan.dir);
  const batch::Task& task = plan.tasks[1];
  CHECK(batch::task_status(plan, task, keys[1]).state == TaskState::Missing);

  REQUIRE(batch::run_task(plan, task, 1).empty());
  CHECK(batch::task_status(plan, task, keys[1]).state == TaskState::Done);
  CHECK_FALSE(std::filesystem::exists(batch::running_marker(plan, task)));
  // Another task's key: the file holds another run.
  CHECK(batch::task_status(plan, task, keys[3]).state == TaskState::Foreign);

  // A failure leaves its line; a rerun clears it.
  std::ofstream(plan.file(plan.tasks[0])) << "not hdf5";
  const auto s = batch::sweep_status(plan, keys);
  CHECK(s.counts[static_cast<int>(TaskState::Done)] == 1);
  CHECK(s.counts[static_cast<int>(TaskState::Foreign)] == 1);
  CHECK(s.counts[static_cast<int>(TaskState::Missing)] == 6);
  CHECK(s.todo(false).size() == 6);
  CHECK(s.todo(true).size() == 7);

  // A run whose process is gone (marker of a dead pid) counts as failed.
  std::ofstream(batch::running_marker(plan, plan.tasks[2])) << "nohost-that-is-not-this 1\n";
  CHECK(batch::task_status(plan, plan.tasks[2], keys[2]).state == TaskState::Running);
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  std::ofstream(batch::running_marker(plan, plan.tasks[2]), std::ios::trunc)
      << host << " 999999999\n";
  std::ofstream(batch::failure_marker(plan, plan.tasks[2])) << "boom: out of memory\n";
  const auto failed = batch::task_status(plan, plan.tasks[2], keys[2]);
  CHECK(failed.state == TaskState::Failed);
  CHECK(failed.detail == "boom: out of memory");
}

TEST_CASE("a sweep directory refuses another experiment", "[batch]") {
  test::TempDir dir("claim");
  const auto plan_of = [&](const std::string& name) {
    return batch::make_plan(
        batch::load_experiment(dir.write(name + ".toml", test::tiny_experiment(name))),
        dir.file("out"));
  };
  const batch::Plan a = plan_of("first"), b = plan_of("second");
  batch::claim_sweep_dir(batch::make_manifest(a, batch::task_keys(a)), a.dir);
  CHECK_NOTHROW(batch::claim_sweep_dir(batch::make_manifest(a, batch::task_keys(a)), a.dir));
  CHECK_THROWS_WITH(batch::claim_sweep_dir(batch::make_manifest(b, batch::task_keys(b)), b.dir),
                    Catch::Contains("holds the sweep of experiment 'first'"));
  const batch::Manifest m = batch::read_manifest(a.dir);
  CHECK(m.tasks.size() == 8);
  CHECK(m.partner(7, 0) == 6);
  CHECK(m.applies == std::vector<std::vector<bool>>{{false, true}});
}
