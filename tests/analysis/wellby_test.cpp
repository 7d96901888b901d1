// WELLBYs, discounting and money: the Green Book arithmetic worked by hand.
#include <catch2/catch.hpp>

#include "analysis/comparison.hpp"
#include "analysis/wellby.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

TEST_CASE("0.2 points for one person for two years is 5200 pounds undiscounted", "[analysis]") {
  std::vector<double> diff(105, 0.2);
  diff[0] = 0;  // row 0 is the state before the first week
  CHECK(analysis::wellbys(diff, 1, 0.0, 104) == Approx(0.4));
  CHECK(analysis::wellbys(diff, 1, 0.0, 104) * 13000 == Approx(5200));
  CHECK(analysis::wellbys(diff, 1, 0.035, 104) * 13000 == Approx(2600 + 2600 / 1.035));
  CHECK(analysis::discount_factor(52, 0.035) == 1.0);
  CHECK(analysis::discount_factor(53, 0.035) == Approx(1 / 1.035));
  CHECK(analysis::discount_factor(105, 0.035) == Approx(1 / (1.035 * 1.035)));
}

TEST_CASE("compare values WELLBYs and costs of a constructed pair", "[analysis]") {
  // One person, 104 weeks: the policy lifts them by 0.25 (exact in float) and costs 100 a week.
  test::TempDir dir("analysis-wellby");
  test::FakeRun b;
  b.wellbeing = test::flat(104, 1, 5.0f);
  test::write_fake(dir.file("b.h5"), b);
  test::FakeRun p = b;
  p.name = "policy";
  p.interventions = {"grant"};
  for (std::size_t s = 1; s <= 104; ++s) p.wellbeing[s] = {5.25f};
  p.cost.assign(105, 100.0);
  test::write_fake(dir.file("p.h5"), p);

  analysis::CompareOptions opt;
  opt.valuation.discount_rate = 0;
  auto c = analysis::compare(analysis::load_run_set({dir.file("b.h5")}),
                             analysis::load_run_set({dir.file("p.h5")}), opt);
  CHECK(c.wellbys.mean == Approx(0.5));
  CHECK(c.value.mean == Approx(6500));
  CHECK(c.value_low == Approx(5000));
  CHECK(c.value_high == Approx(8000));
  CHECK(c.cost.mean == Approx(10400));
  CHECK(c.cost_per_wellby.mean == Approx(20800));
  CHECK(c.npv.mean == Approx(6500 - 10400));
  CHECK(c.bcr.mean == Approx(6500.0 / 10400));
  CHECK_FALSE(c.wellbys.has_interval());  // one replicate

  opt.valuation.discount_rate = 0.035;
  auto d = analysis::compare(analysis::load_run_set({dir.file("b.h5")}),
                             analysis::load_run_set({dir.file("p.h5")}), opt);
  CHECK(d.value.mean == Approx(3250 + 3250 / 1.035));
  CHECK(d.cost.mean == Approx(5200 + 5200 / 1.035));
  CHECK(d.cost_per_wellby.mean == Approx(20800));  // both discounted alike
  opt.horizons = {52};
  auto h = analysis::compare(analysis::load_run_set({dir.file("b.h5")}),
                             analysis::load_run_set({dir.file("p.h5")}), opt);
  REQUIRE(h.horizons.size() == 2);
  CHECK(h.horizons[0].week == 52);
  CHECK(h.horizons[0].wellbys.mean == Approx(0.25));
  CHECK(h.horizons[0].effect.mean == Approx(0.25));
}
