// Experiment files and plans: names checked against the scenarios, errors with file and line,
// stable task ids, common random numbers.
#include <catch2/catch.hpp>

#include <algorithm>

#include "batch/experiment.hpp"
#include "batch/plan.hpp"
#include "sim/errors.hpp"
#include "tests/batch/batch_fixture.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

/// The one-line error of loading `text`, or "" when it loads.
std::string error_of(const test::TempDir& dir, const std::string& text) {
  try {
    (void)batch::load_experiment(dir.write("exp.toml", text));
  } catch (const sim::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("an experiment is read with its factors bound to the scenarios", "[batch]") {
  test::TempDir dir("experiment");
  const batch::Experiment e = batch::load_experiment(dir.write("e.toml", test::tiny_experiment()));
  CHECK(e.name == "tiny");
  REQUIRE(e.scenarios.size() == 2);
  CHECK(e.scenarios[1].label == "cost_of_living_support");
  CHECK(e.baseline == std::size_t{0});
  CHECK(e.replicates == 2);
  CHECK(std::find(e.sets.begin(), e.sets.end(), "run.steps=20") != e.sets.end());
  REQUIRE(e.factors.size() == 1);
  // The baseline has no warm spaces: the factor applies to the support scenario only, and its
  // parameter is an integer, so values are written as integers.
  CHECK(e.factors[0].applies == std::vector<bool>{false, true});
  CHECK(e.factors[0].factor.integer);
  CHECK(batch::factor_override(e.factors[0].factor, 400.2) ==
        "intervention.warm_spaces.capacity=400");
}

TEST_CASE("experiment errors name the file, the line and the name", "[batch]") {
  test::TempDir dir("experiment-errors");
  const std::string base = test::tiny_experiment();
  CHECK_THAT(error_of(dir, base + "[[factor]]\nname = \"intervention.warm_space.capacity\"\n"
                                  "values = [1, 2]\n"),
             Contains("exp.toml:15: factor intervention.warm_space.capacity: no scenario"));
  CHECK_THAT(error_of(dir, base + "[[factor]]\nname = \"network.no_such_key\"\nvalues = [1]\n"),
             Contains("exp.toml:15: factor network.no_such_key in scenario cost_of_living_shock"));
  CHECK_THAT(error_of(dir, base + "[[factor]]\nname = \"run.steps\"\nvalues = []\n"),
             Contains("exp.toml:15: factor run.steps: values is empty"));
  CHECK_THAT(error_of(dir, base + "[design]\nkind = \"fractal\"\n"),
             Contains("exp.toml:16: design \"fractal\": expected one of grid, lhs, sobol, morris"));
  CHECK_THAT(error_of(dir, base + "[design]\nkind = \"lhs\"\npoints = 5\n"),
             Contains("exp.toml: design: "));  // 5 distinct values of a 2-value factor
  CHECK_THAT(error_of(dir, "[experiment]\nname = \"x\"\nscenarios = []\n"),
             Contains("exp.toml:1: experiment.scenarios: expected a non-empty list"));
  CHECK_THAT(error_of(dir, "[experiment]\nscenarios = [\"nowhere.toml\"]\n"),
             Contains("scenario nowhere: "));
  CHECK_THAT(error_of(dir, base + "[experiment2]\n"), Contains("experiment2: unknown key"));
  std::string wrong_baseline = base;
  wrong_baseline.replace(wrong_baseline.find("baseline = \"cost_of_living_shock\""), 33,
                         "baseline = \"shock\"");
  CHECK_THAT(error_of(dir, wrong_baseline), Contains("exp.toml:4: experiment.baseline: 'shock'"));
  CHECK_THAT(error_of(dir, "[experiment\n"), Contains("exp.toml:1: "));
}

TEST_CASE("a plan gives every task a stable id and common random numbers", "[batch]") {
  test::TempDir dir("plan");
  const batch::Plan plan = batch::make_plan(
      batch::load_experiment(dir.write("e.toml", test::tiny_experiment())), dir.file("out"));
  REQUIRE(plan.tasks.size() == 8);  // 2 points x 2 replicates x 2 scenarios
  CHECK(plan.tasks[0].id == "cost_of_living_shock-p0-r0");
  CHECK(plan.tasks[1].id == "cost_of_living_support-p0-r0");  // pairs side by side
  CHECK(plan.tasks[7].id == "cost_of_living_support-p1-r1");
  CHECK(plan.file(plan.tasks[7]) == dir.file("out") + "/tasks/cost_of_living_support-p1-r1.h5");
  const auto over = plan.overrides(plan.tasks[7]);
  CHECK(std::find(over.begin(), over.end(), "intervention.warm_spaces.capacity=400") != over.end());
  // The baseline has no warm spaces: no override for it, and the same seed and replicate as its
  // policy partner.
  const auto base = plan.overrides(plan.tasks[6]);
  CHECK(std::none_of(base.begin(), base.end(),
                     [](const std::string& s) { return s.find("warm_spaces") != s.npos; }));
  CHECK(std::find(base.begin(), base.end(), "run.seed=3") != base.end());
  CHECK(std::find(base.begin(), base.end(), "run.replicate=1") != base.end());
  CHECK(std::find(over.begin(), over.end(), "run.seed=3") != over.end());
}
