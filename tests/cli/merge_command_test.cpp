// `wellsim merge` end to end: complete tasks in, paired outcomes out, incomplete ones listed and
// left out, nothing overwritten.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "output/ensemble_file.hpp"
#include "tests/batch/batch_fixture.hpp"
#include "tests/cli/cli_runner.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

/// The tiny experiment run for 36 weeks, long enough for the support package (from week 30).
std::string swept(const test::TempDir& dir) {
  std::string text = test::tiny_experiment();
  text.replace(text.find("run.steps = 20"), 14, "run.steps = 36");
  const std::string exp = dir.write("e.toml", text);
  const auto r = test::run_wellsim({"sweep", exp, "-o", dir.file("out"), "-j", "2", "-q"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  return dir.file("out");
}

double value_of(const output::Ensemble& e, const std::string& outcome, const std::string& id) {
  const auto& col = e.outcome(outcome);
  for (std::size_t t = 0; t < e.task_id.size(); ++t)
    if (e.task_id[t] == id) return col[t];
  FAIL("no task " << id);
  return 0;
}

}  // namespace

TEST_CASE("merge writes paired outcomes and leaves incomplete tasks out", "[cli][batch]") {
  test::TempDir dir("merge");
  const std::string out = swept(dir);
  auto r = test::run_wellsim({"merge", out, "-o", dir.file("all.h5")});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("8 of 8 tasks"));
  const output::Ensemble all = output::read_ensemble(dir.file("all.h5"));
  REQUIRE(all.task_id.size() == 8);
  CHECK(all.header.baseline == "cost_of_living_shock");
  CHECK(all.header.factors == std::vector<std::string>{"intervention.warm_spaces.capacity"});
  // The baseline against itself: no WELLBYs, no net cost. The package: both, and its cost.
  CHECK(value_of(all, "wellbys", "cost_of_living_shock-p1-r0") == 0);
  CHECK(value_of(all, "net_cost", "cost_of_living_shock-p1-r0") == 0);
  CHECK(value_of(all, "net_cost", "cost_of_living_support-p1-r0") > 0);
  CHECK(value_of(all, "wellbys", "cost_of_living_support-p1-r0") != 0);
  const double w = value_of(all, "wellbys", "cost_of_living_support-p1-r0");
  CHECK(value_of(all, "value", "cost_of_living_support-p1-r0") == Approx(13000 * w));
  // A killed task and a lost one: both left out, with the policy task paired with the lost one.
  const std::string tasks = out + "/tasks/";
  std::filesystem::remove(tasks + "cost_of_living_shock-p0-r1.h5");
  REQUIRE(test::kill_wellsim_after(
      {"run", test::source_path("scenarios/default.toml"), "--steps", "400", "-o",
       tasks + "cost_of_living_support-p1-r1.h5", "--overwrite", "--progress", "always"},
      2));
  r = test::run_wellsim({"merge", out, "-o", dir.file("some.h5")});
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("5 of 8 tasks") && Contains("cost_of_living_shock-p0-r1  missing") &&
                        Contains("cost_of_living_support-p0-r1  its baseline task "
                                 "cost_of_living_shock-p0-r1 is missing") &&
                        Contains("cost_of_living_support-p1-r1  "));
  const output::Ensemble some = output::read_ensemble(dir.file("some.h5"));
  CHECK(some.task_id.size() == 5);
  CHECK(some.incomplete.size() == 3);

  // Nothing overwritten without --overwrite; a directory that is not a sweep is one line.
  r = test::run_wellsim({"merge", out, "-o", dir.file("some.h5")});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("exists"));
  r = test::run_wellsim({"merge", dir.file("nowhere"), "-o", dir.file("x.h5")});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("sweep.json: cannot read"));
  std::ofstream(out + "/sweep.json", std::ios::trunc) << "{\"format\": \"wellsim-sweep\"";
  r = test::run_wellsim({"merge", out, "-o", dir.file("y.h5")});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("sweep.json: "));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(dir.file("y.h5")));
}
