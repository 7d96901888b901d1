// A comparison shown as a difference map, side by side, or the run alone: the state the panel
// and the --side-by-side screenshot switch between, without a window.
#include <catch2/catch.hpp>

#include "tests/test_support.hpp"
#include "tests/viz/view_fixture.hpp"
#include "viz/screen_layout.hpp"
#include "viz/viewer_state.hpp"

using namespace wellsim;

TEST_CASE("side by side shows each run by its own wellbeing", "[viz]") {
  test::TempDir dir("viz-side");
  test::write_grid_run(dir.file("policy.h5"), 1);
  test::write_grid_run(dir.file("base.h5"), 0);
  viz::RunData policy(dir.file("policy.h5")), base(dir.file("base.h5"));
  viz::ViewerState state(policy, &base);
  CHECK(state.compare_mode() == viz::CompareMode::Difference);
  CHECK(state.base_values().empty());
  const unsigned before = state.version();
  state.set_compare_mode(viz::CompareMode::SideBySide);
  CHECK(state.version() != before);
  CHECK(state.side_by_side());
  CHECK_FALSE(state.difference_mode());
  CHECK(state.scale().kind() == viz::MapKind::Sequential);
  state.timeline().scrub(4);
  CHECK(state.values() == policy.row(1));
  CHECK(state.base_values() == base.row(1));
  CHECK(state.values() != state.base_values());
  state.set_compare_mode(viz::CompareMode::RunOnly);
  CHECK_FALSE(state.side_by_side());
  CHECK(state.base_values().empty());
  state.set_difference_mode(true);
  CHECK(state.compare_mode() == viz::CompareMode::Difference);
}

TEST_CASE("without a baseline there is only the run", "[viz]") {
  test::TempDir dir("viz-side-alone");
  test::write_grid_run(dir.file("run.h5"), 1);
  viz::RunData run(dir.file("run.h5"));
  viz::ViewerState state(run, nullptr);
  state.set_compare_mode(viz::CompareMode::SideBySide);
  CHECK(state.compare_mode() == viz::CompareMode::RunOnly);
  CHECK(state.base_values().empty());
}

TEST_CASE("the filter is part of the state and bumps its version on a change", "[viz]") {
  test::TempDir dir("viz-filter-state");
  test::write_grid_run(dir.file("run.h5"), 1);
  viz::RunData run(dir.file("run.h5"));
  viz::ViewerState state(run, nullptr);
  CHECK(state.node_sizes() == std::vector<float>(24, 1.0f));
  const unsigned v = state.filter_version();
  state.set_filter(state.filter());
  CHECK(state.filter_version() == v);
  state.set_filter(viz::only_groups(run.network(), {"High Town"}));
  CHECK(state.filter_version() != v);
  CHECK(state.node_sizes()[0] == 0);
  CHECK(state.node_sizes()[23] == 1);
}

TEST_CASE("side by side splits the network view into two equal halves", "[viz]") {
  const auto [left, right] = viz::split_side_by_side({10, 20, 810, 400}, 10);
  CHECK(left.x == 10);
  CHECK(left.w == 400);
  CHECK(right.x == 420);
  CHECK(right.w == 400);
  CHECK(right.x + right.w == 820);
  CHECK(left.y == 20);
  CHECK(right.h == 400);
}
