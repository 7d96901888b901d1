// Which /series the prevalence and service charts show, and that they are the file's numbers.
#include "viz/model_series.hpp"

#include <catch2/catch.hpp>

#include "output/run_reader.hpp"
#include "tests/viz/community_fixture.hpp"
#include "tests/viz/view_fixture.hpp"
#include "viz/run_data.hpp"

using namespace wellsim;

TEST_CASE("the prevalence chart takes the key prevalences in a fixed order", "[viz]") {
  const std::vector<std::string> names = {"prevalence/lonely",
                                          "prevalence/homeless/Bacup",
                                          "service/food_bank/queue",
                                          "employment/unemployment_rate",
                                          "prevalence/victimised",
                                          "prevalence/homeless",
                                          "service/food_bank/enrolled",
                                          "service/hub/enrolled",
                                          "service/audit/cost",
                                          "policy/price_shock/cost",
                                          "service/x"};
  CHECK(viz::prevalence_series_names(names) ==
        std::vector<std::string>{"prevalence/homeless", "prevalence/lonely",
                                 "employment/unemployment_rate"});
  CHECK(viz::service_names(names) == std::vector<std::string>{"food_bank", "hub"});
  CHECK(viz::series_label("prevalence/food_insecure") == "food insecure");
  CHECK(viz::series_label("employment/unemployment_rate") == "unemployment rate");
  CHECK(viz::prevalence_series_names({}).empty());
  CHECK(viz::service_names({"prevalence/homeless", "ties/community"}).empty());
}

TEST_CASE("the charted series are the run file's series", "[viz]") {
  test::TempDir dir("viz-series");
  test::write_community_run("default", 12, dir.file("run.h5"));
  output::RunReader reader(dir.file("run.h5"));
  const viz::ModelSeries m = viz::read_model_series(reader);
  REQUIRE(m.prevalence.size() == viz::kKeyPrevalences.size());
  for (std::size_t k = 0; k < m.prevalence.size(); ++k) {
    INFO(viz::kKeyPrevalences[k]);
    CHECK(m.prevalence[k].label == viz::series_label(viz::kKeyPrevalences[k]));
    CHECK(m.prevalence[k].values == reader.series(viz::kKeyPrevalences[k]));
    CHECK(m.prevalence[k].values.size() == 13);
  }
  // The default town's four services, in the order the scenario lists them.
  REQUIRE(m.services.size() == 4);
  CHECK(m.services[0].name == "council_case_work");
  CHECK(m.services[2].name == "food_bank");
  for (const viz::ServiceSeries& s : m.services) {
    INFO(s.name);
    CHECK(s.queue == reader.series("service/" + s.name + "/queue"));
    CHECK(s.enrolled == reader.series("service/" + s.name + "/enrolled"));
    CHECK(s.capacity == reader.series("service/" + s.name + "/capacity"));
  }
  viz::RunData run(dir.file("run.h5"));
  CHECK(run.model_series().services.size() == 4);
}

TEST_CASE("a run without series has nothing to chart", "[viz]") {
  test::TempDir dir("viz-no-series");
  test::write_grid_run(dir.file("grid.h5"), 1);
  output::RunReader reader(dir.file("grid.h5"));
  CHECK(reader.series_names().empty());
  CHECK(viz::read_model_series(reader).empty());
}
