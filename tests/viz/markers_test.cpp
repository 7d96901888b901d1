// Timeline markers: where interventions start and stop, from a run's /interventions table.
#include "viz/markers.hpp"

#include <catch2/catch.hpp>

#include "tests/test_support.hpp"
#include "tests/viz/community_fixture.hpp"
#include "tests/viz/view_fixture.hpp"
#include "viz/run_data.hpp"
#include "viz/viewer_state.hpp"

using namespace wellsim;

namespace {

// A service that runs all along, a named micro programme for a year from week 13, and a
// macro price shock from week 26 to 130, as a run's /interventions table holds them.
std::vector<output::InterventionRecord> interventions() {
  std::vector<output::InterventionRecord> all(3);
  all[0] = {"food_bank", "food_bank", "meso", 1, output::kToTheEnd, {}, {}, {}};
  all[1] = {"link_workers", "social_prescribing", "micro", 13, 52, {"Bacup"}, {}, {}};
  all[2] = {"price_shock", "price_shock", "macro", 26, 130, {}, {}, {{"energy", 1.8}}};
  return all;
}

}  // namespace

TEST_CASE("intervention spans come from the interventions table", "[viz]") {
  const auto spans = viz::intervention_spans(interventions());
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].name == "food_bank");
  CHECK(spans[0].level == "meso");
  CHECK(spans[0].start_week == 1);
  CHECK(spans[0].end_week == -1);  // the scenario's "to the end of the run"
  CHECK(spans[1].name == "link_workers");
  CHECK(spans[1].type == "social_prescribing");
  CHECK(spans[1].level == "micro");
  CHECK(spans[1].start_week == 13);
  CHECK(spans[1].end_week == 52);
  CHECK(spans[2].name == "price_shock");
  CHECK(spans[2].level == "macro");
  CHECK(spans[2].start_week == 26);
  CHECK(spans[2].end_week == 130);
}

TEST_CASE("timeline markers are the starts and stops inside the run in week order", "[viz]") {
  const auto spans = viz::intervention_spans(interventions());
  const auto all = viz::timeline_markers(spans, 0, 156);
  REQUIRE(all.size() == 4);  // the all-along service has no tick
  CHECK(all[0].week == 13);
  CHECK(all[0].start);
  CHECK_FALSE(all[0].macro);
  CHECK(all[0].label.find("link_workers") != std::string::npos);
  CHECK(all[1].week == 26);
  CHECK(all[1].start);
  CHECK(all[1].macro);
  CHECK(all[1].label.find("price_shock") != std::string::npos);
  CHECK(all[1].label.find("26") != std::string::npos);
  CHECK(all[2].week == 52);
  CHECK_FALSE(all[2].start);
  CHECK(all[3].week == 130);
  CHECK_FALSE(all[3].start);
  CHECK(all[3].macro);
  // A run cut at week 40 shows only what happened by then.
  const auto cut = viz::timeline_markers(spans, 0, 40);
  REQUIRE(cut.size() == 2);
  CHECK(cut[0].week == 13);
  CHECK(cut[1].week == 26);
  // The tooltip at week 27, within 2 weeks, names the price shock only.
  const auto near = viz::markers_near(all, 27, 2);
  REQUIRE(near.size() == 1);
  CHECK(all[near[0]].week == 26);
  CHECK(viz::markers_near(all, 90, 2).empty());
}

TEST_CASE("a run without interventions gives no markers", "[viz]") {
  CHECK(viz::intervention_spans({}).empty());
  CHECK(viz::timeline_markers({}, 0, 10).empty());
}

TEST_CASE("a run file's markers come from its /interventions table", "[viz]") {
  test::TempDir dir("viz-markers");
  test::write_community_run("cost_of_living_shock", 40, dir.file("shock.h5"));
  viz::RunData shock(dir.file("shock.h5"));
  REQUIRE(shock.interventions().size() >= 5);  // default's four services and the shock
  REQUIRE(shock.markers().size() == 1);        // the shock ends in week 130, after the run
  CHECK(shock.markers()[0].week == 26);
  CHECK(shock.markers()[0].start);
  CHECK(shock.markers()[0].macro);
  CHECK(shock.markers()[0].label.find("price_shock") != std::string::npos);

  test::write_community_run("social_prescribing", 20, dir.file("social.h5"));
  viz::RunData social(dir.file("social.h5"));
  REQUIRE(social.markers().size() == 1);
  CHECK(social.markers()[0].week == 13);
  CHECK_FALSE(social.markers()[0].macro);
  CHECK(social.markers()[0].label.find("link_workers") != std::string::npos);
}

TEST_CASE("an opinion-model run has no markers series or people and still selects", "[viz]") {
  test::TempDir dir("viz-opinion");
  test::write_grid_run(dir.file("grid.h5"), 1);
  viz::RunData run(dir.file("grid.h5"));
  CHECK(run.markers().empty());
  CHECK(run.model_series().empty());
  CHECK_FALSE(run.people().present());
  CHECK(run.people().domains(3, 0).empty());
  CHECK(run.people().activity(3, 0).empty());
  CHECK(run.people().age(3) == -1);
  viz::ViewerState state(run, nullptr);
  state.select(sim::AgentId{3});
  REQUIRE(state.selected());
  CHECK(state.selected_household().empty());
  CHECK(state.selected_history().spells.empty());
  CHECK(state.selected_history().ties.empty());
  CHECK(state.selected_series().size() == run.weeks().size());
}
