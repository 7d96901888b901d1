// Mean wellbeing by neighbourhood, computed from the per-agent rows, against a direct average;
// the share with low wellbeing comes from the per-step statistics.
#include "viz/group_series.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "output/run_reader.hpp"
#include "tests/test_support.hpp"
#include "tests/viz/view_fixture.hpp"
#include "viz/run_data.hpp"

using namespace wellsim;

TEST_CASE("group means skip people without a group and values that are not finite", "[viz]") {
  const std::vector<float> values{1, 2, 3, 4, NAN, 10};
  const std::vector<std::int32_t> group{0, 0, 1, -1, 1, 7};
  const auto m = viz::group_means(values, group, 3);
  REQUIRE(m.size() == 3);
  CHECK(m[0] == Approx(1.5));
  CHECK(m[1] == Approx(3.0));  // the NaN is skipped, not averaged
  CHECK(std::isnan(m[2]));     // nobody in group 2; group 7 is out of range
}

TEST_CASE("groups are coloured apart, repeating after eight", "[viz]") {
  // Counting and naming groups is sim's (tests/sim/network_queries_test.cpp).
  CHECK_FALSE(viz::group_colour(0) == viz::group_colour(1));
  CHECK(viz::group_colour(0) == viz::group_colour(8));
}

TEST_CASE("the series by neighbourhood fills in row by row and matches the rows", "[viz]") {
  test::TempDir dir("viz-groups");
  test::write_grid_run(dir.file("run.h5"), 1);
  viz::RunData run(dir.file("run.h5"));
  viz::GroupSeries series(run);
  REQUIRE(series.groups() == 2);
  CHECK(series.rows() == 0);
  CHECK(series.compute_some(2) == 2);
  CHECK_FALSE(series.complete());
  CHECK(series.compute_some(10) == run.weeks().size() - 2);
  CHECK(series.complete());
  CHECK(series.compute_some(10) == 0);
  for (std::size_t r = 0; r < run.weeks().size(); ++r) {
    const std::vector<float>& row = run.row(r);
    double low = 0, high = 0;
    for (std::size_t i = 0; i < 12; ++i) low += row[i] / 12.0, high += row[i + 12] / 12.0;
    CHECK(series.mean(0)[r] == Approx(low).epsilon(1e-6));
    CHECK(series.mean(1)[r] == Approx(high).epsilon(1e-6));
  }
  CHECK(sim::group_name(run.network(), 1) == "High Town");
}

TEST_CASE("the share with low wellbeing is read for every complete week", "[viz]") {
  test::TempDir dir("viz-share-low");
  test::write_grid_run(dir.file("run.h5"), 1);
  viz::RunData run(dir.file("run.h5"));
  REQUIRE(run.share_low().size() == run.steps().size());
  // Week 0: wellbeing 10 i / 23, below 4.5 for i = 0..10, 11 of 24 people.
  CHECK(run.share_low()[0] == Approx(11.0 / 24.0));
  CHECK(run.share_low() == output::RunReader(dir.file("run.h5")).stat("share_low"));
}
