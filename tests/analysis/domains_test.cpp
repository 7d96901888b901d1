// The domain rows of a comparison: need (prevalence/<domain>), then what was left after the
// week's relief where a service relieved it (after_relief/<domain>).
#include <catch2/catch.hpp>

#include "analysis/comparison.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

TEST_CASE("compare shows need, and after relief only for a domain a service relieved",
          "[analysis]") {
  test::TempDir dir("analysis-domains");
  test::FakeRun b;
  b.wellbeing = test::flat(4, 3, 6.0f);
  // Need of 10% throughout; the baseline's food bank relieves 2 points of it from week 1, the
  // policy's 4. Fuel poverty is relieved by nobody (after relief = need).
  b.series = {{"prevalence/food_insecure", {0.1, 0.1, 0.1, 0.1, 0.1}},
              {"after_relief/food_insecure", {0.1, 0.08, 0.08, 0.08, 0.08}},
              {"prevalence/fuel_poor", {0.2, 0.2, 0.2, 0.2, 0.2}},
              {"after_relief/fuel_poor", {0.2, 0.2, 0.2, 0.2, 0.2}}};
  test::write_fake(dir.file("b.h5"), b);
  test::FakeRun p = b;
  p.name = "policy";
  p.series["after_relief/food_insecure"] = {0.1, 0.06, 0.06, 0.06, 0.06};
  test::write_fake(dir.file("p.h5"), p);
  const auto c = analysis::compare(analysis::load_run_set({dir.file("b.h5")}),
                                   analysis::load_run_set({dir.file("p.h5")}), {});
  REQUIRE(c.prevalence.size() == 3);
  CHECK(c.prevalence[0].name == "food_insecure");
  CHECK(c.prevalence[0].change.mean == Approx(0.0).margin(1e-12));  // the need is unchanged
  CHECK(c.prevalence[1].name == "fuel_poor");
  CHECK(c.prevalence[2].name == "food_insecure after relief");
  CHECK(c.prevalence[2].baseline == Approx(0.08));
  CHECK(c.prevalence[2].change.mean == Approx(-0.02));
  CHECK(c.prevalence_average[2].change.mean == Approx(-0.02));
}
