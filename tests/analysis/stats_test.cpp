// Intervals across replicates against independent hand computations.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/comparison.hpp"
#include "analysis/stats.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

TEST_CASE("t quantiles match the published table", "[analysis]") {
  // Student t, two-sided 95%: df 2 -> 4.303, df 4 -> 2.776 (any statistics table).
  CHECK(analysis::t_quantile(0.95, 2) == Approx(4.302653).epsilon(1e-6));
  CHECK(analysis::t_quantile(0.95, 4) == Approx(2.776445).epsilon(1e-6));
  CHECK(analysis::t_quantile(0.95, 1e6) == Approx(1.959966).epsilon(1e-5));
}

TEST_CASE("t interval of three values is the hand computed one", "[analysis]") {
  // 0.1, 0.2, 0.6: mean 0.3, sd sqrt(0.07), half width 4.302653 * sqrt(0.07) / sqrt(3).
  auto e = analysis::t_interval({0.1, 0.2, 0.6});
  const double half = 4.302653 * std::sqrt(0.07) / std::sqrt(3.0);
  CHECK(e.mean == Approx(0.3));
  CHECK(e.lo == Approx(0.3 - half).epsilon(1e-6));
  CHECK(e.hi == Approx(0.3 + half).epsilon(1e-6));
  CHECK_FALSE(analysis::t_interval({0.5}).has_interval());
}

TEST_CASE("Wilson interval of a share is the hand computed one", "[analysis]") {
  // 8 of 10: centre (0.8 + z^2/20) / (1 + z^2/10), half width z / (1 + z^2/10) *
  // sqrt(0.8 * 0.2 / 10 + z^2 / 400), z = 1.959964 -> [0.4902, 0.9433].
  const auto e = analysis::wilson_interval(8, 10);
  CHECK(e.mean == Approx(0.8));
  CHECK(e.lo == Approx(0.4902).margin(5e-5));
  CHECK(e.hi == Approx(0.9433).margin(5e-5));
  // None of 10: the interval is [0, z^2 / (10 + z^2)], not a point at 0.
  const auto none = analysis::wilson_interval(0, 10);
  CHECK(none.lo == 0);
  CHECK(none.hi == Approx(3.841459 / 13.841459).epsilon(1e-6));
  CHECK(analysis::wilson_interval(10, 10).hi == 1);
  CHECK(std::isnan(analysis::wilson_interval(0, 0).mean));
}

TEST_CASE("bootstrap interval is deterministic and inside the data range", "[analysis]") {
  std::vector<double> x{0.1, 0.2, 0.6, 0.4, 0.3};
  auto a = analysis::bootstrap_interval(x, 2000, 7), b = analysis::bootstrap_interval(x, 2000, 7);
  CHECK(a.lo == b.lo);
  CHECK(a.hi == b.hi);
  CHECK(a.lo >= 0.1);
  CHECK(a.hi <= 0.6);
  CHECK(a.lo < 0.32);
  CHECK(a.hi > 0.28);
}

TEST_CASE("paired differences of weekly means over four replicates", "[analysis]") {
  // Baseline mean 5 every week; the policy adds d_r from week 2 in replicate r.
  test::TempDir dir("analysis-paired");
  const std::vector<float> d{0.1f, 0.2f, 0.6f, 0.3f};
  std::vector<std::string> base, pol;
  for (std::uint32_t r = 0; r < 4; ++r) {
    test::FakeRun b;
    b.replicate = r;
    b.wellbeing = test::flat(3, 2, 5.0f);
    base.push_back(dir.file("b" + std::to_string(r) + ".h5"));
    test::write_fake(base.back(), b);
    test::FakeRun p = b;
    p.name = "policy";
    p.interventions = {"grant"};
    for (std::size_t s = 2; s <= 3; ++s) p.wellbeing[s] = {5.0f + d[r], 5.0f + d[r]};
    pol.push_back(dir.file("p" + std::to_string(r) + ".h5"));
    test::write_fake(pol.back(), p);
  }
  auto c = analysis::compare(analysis::load_run_set(base), analysis::load_run_set(pol), {});
  REQUIRE(c.paired);
  REQUIRE(c.replicates == 4);
  CHECK(c.policy_interventions == std::vector<std::string>{"grant"});
  CHECK(c.effect[1].mean == Approx(0.0).margin(1e-9));
  // Independent: mean 0.3, deviations -0.2 -0.1 0.3 0: sd sqrt(0.14/3); t(0.975, 3) = 3.182446.
  const double half = 3.182446 * std::sqrt(0.14 / 3) / 2;
  CHECK(c.final_effect.mean == Approx(0.3).epsilon(1e-5));
  CHECK(c.final_effect.lo == Approx(0.3 - half).epsilon(1e-5));
  CHECK(c.final_effect.hi == Approx(0.3 + half).epsilon(1e-5));
  // Weeks 1..3 average 2/3 of d.
  CHECK(c.average_effect.mean == Approx(0.2).epsilon(1e-5));
  // Welch on the same sets as unpaired samples: the baseline has no spread, so the interval is
  // the policy's own t interval.
  analysis::CompareOptions unpaired;
  unpaired.unpaired = true;
  auto u = analysis::compare(analysis::load_run_set(base), analysis::load_run_set(pol), unpaired);
  CHECK_FALSE(u.paired);
  CHECK(u.final_effect.mean == Approx(0.3).epsilon(1e-5));
  CHECK(u.final_effect.hi == Approx(0.3 + half).epsilon(1e-4));
}
