// The chooser chart's catalogue: the spread comes first and reads /steps/sd; /series names are
// offered as they are; a name the file lacks is one line naming the file and a near name.
#include "viz/series_catalogue.hpp"

#include <catch2/catch.hpp>

#include "sim/errors.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"
#include "tests/viz/community_fixture.hpp"
#include "tests/viz/view_fixture.hpp"

using namespace wellsim;

TEST_CASE("the chooser offers the spread first and every series of the file", "[viz]") {
  test::TempDir dir("catalogue");
  test::write_community_run("cost_of_living_shock", 6, dir.file("run.h5"));
  const output::RunReader r(dir.file("run.h5"));
  const auto all = viz::chartable_series(r);
  REQUIRE(!all.empty());
  CHECK(all.front().name == "sd");
  CHECK_FALSE(all.front().from_zero);  // a spread's small changes fill the chart
  CHECK_FALSE(all[1].from_zero);       // the median is a level of wellbeing
  CHECK(viz::chartable_values(r, "sd") == r.stat("sd"));
  REQUIRE(r.has_series("prevalence/lonely"));
  CHECK(std::any_of(all.begin(), all.end(),
                    [](const viz::ChartableSeries& s) { return s.name == "prevalence/lonely"; }));
  CHECK(viz::chartable_values(r, "prevalence/lonely") == r.series("prevalence/lonely"));
  CHECK_THROWS_AS(viz::chartable_values(r, "prevalence/lonley"), sim::InputError);
  CHECK_THROWS_WITH(viz::chartable_values(r, "prevalence/lonley"),
                    Catch::Contains("no series \"prevalence/lonley\" to chart (did you mean "
                                    "\"prevalence/lonely\"?)"));
}

TEST_CASE("view --chart with an unknown series is one line", "[viz]") {
  test::TempDir dir("chart-bad");
  test::write_grid_run(dir.file("run.h5"), 1);
  const auto r = test::run_wellsim(
      {"view", dir.file("run.h5"), "--chart", "spread", "--screenshot", dir.file("x.png")});
  CHECK(r.status == 2);
  CHECK(r.err.find("run.h5: no series \"spread\" to chart") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}
