// Queues and waiting times of services in a comparison.
#include <catch2/catch.hpp>

#include "analysis/comparison.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

// Week 1 admits two people who waited 3 weeks, week 3 one who waited 6, weeks 2 and 4 none.
std::map<std::string, std::vector<double>> bank_series() {
  return {{"service/bank/queue", {0, 5, 4, 3, 2}},
          {"service/bank/admitted", {0, 2, 0, 1, 0}},
          {"service/bank/mean_wait_weeks", {0, 3, 0, 6, 0}},
          {"service/bank/enrolled", {0, 2, 2, 3, 3}}};
}

}  // namespace

TEST_CASE("a service's wait is the mean wait of the people it admitted", "[analysis]") {
  test::TempDir dir("analysis-services");
  test::FakeRun b;
  b.wellbeing = test::flat(4, 3, 6.0f);
  // (2 x 3 + 1 x 6) / 3 = 4 weeks (a plain average over the weeks would say 2.25).
  b.series = bank_series();
  test::write_fake(dir.file("b.h5"), b);
  test::FakeRun p = b;
  p.name = "policy";
  p.series["service/bank/admitted"] = {0, 1, 1, 1, 1};
  p.series["service/bank/mean_wait_weeks"] = {0, 1, 2, 3, 4};
  test::write_fake(dir.file("p.h5"), p);
  const auto c = analysis::compare(analysis::load_run_set({dir.file("b.h5")}),
                                   analysis::load_run_set({dir.file("p.h5")}), {});
  REQUIRE(c.services.size() == 1);
  CHECK(c.services[0].name == "bank");
  CHECK(c.services[0].wait_baseline == Approx(4.0));
  CHECK(c.services[0].wait_policy == Approx(2.5));
  CHECK(c.services[0].queue_baseline == Approx(3.5));
}

TEST_CASE("a service series missing from a run that has the service fails naming it",
          "[analysis]") {
  test::TempDir dir("analysis-services-missing");
  test::FakeRun b;
  b.wellbeing = test::flat(4, 3, 6.0f);
  b.series = bank_series();
  test::write_fake(dir.file("b.h5"), b);
  test::FakeRun p = b;
  p.name = "policy";
  // Renamed by a model change: read as zeros, the wait would silently look like none.
  p.series.erase("service/bank/mean_wait_weeks");
  p.series["service/bank/mean_wait"] = {0, 1, 2, 3, 4};
  test::write_fake(dir.file("p.h5"), p);
  CHECK_THROWS_WITH(analysis::compare(analysis::load_run_set({dir.file("b.h5")}),
                                      analysis::load_run_set({dir.file("p.h5")}), {}),
                    Catch::Contains("no series \"service/bank/mean_wait_weeks\"; did you mean "
                                    "\"service/bank/mean_wait\"?"));
}

TEST_CASE("a service only the policy runs counts as nobody served in the baseline", "[analysis]") {
  test::TempDir dir("analysis-services-own");
  test::FakeRun b;
  b.wellbeing = test::flat(4, 3, 6.0f);
  test::write_fake(dir.file("b.h5"), b);
  test::FakeRun p = b;
  p.name = "policy";
  p.interventions = {"bank"};
  p.series = {{"service/bank/queue", {0, 2, 2, 2, 2}},
              {"service/bank/admitted", {0, 1, 1, 1, 1}},
              {"service/bank/mean_wait_weeks", {0, 1, 1, 1, 1}},
              {"service/bank/enrolled", {0, 4, 4, 4, 4}}};
  test::write_fake(dir.file("p.h5"), p);
  const auto c = analysis::compare(analysis::load_run_set({dir.file("b.h5")}),
                                   analysis::load_run_set({dir.file("p.h5")}), {});
  REQUIRE(c.services.size() == 1);
  CHECK(c.services[0].policy_own);
  CHECK(c.services[0].enrolled_baseline == 0.0);
  CHECK(c.services[0].enrolled_policy == Approx(4.0));
  CHECK(c.services[0].wait_policy == Approx(1.0));
}
