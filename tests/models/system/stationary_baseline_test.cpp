// A baseline without policy change is stationary: the default town, left to ten years (520
// weeks) of ordinary life, keeps its mean and SD of life satisfaction within 0.01 of week 0, and
// the widowed share of people 65+ at its census level (docs/validation.md). Before widowhood was
// held in balance, the scale's ends were latent and the week-0 noise derived, the mean fell
// 7.474 -> 7.465 in three years and the SD 1.90 -> 1.87 in ten.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "models/community/vocabulary.hpp"
#include "tests/models/system/paired_runs.hpp"

using namespace wellsim;

namespace {

struct Moments {
  double mean = 0, sd = 0;
};

Moments moments(const std::vector<float>& x) {
  double sum = 0, sumsq = 0;
  for (float v : x) sum += v, sumsq += double(v) * v;
  const double n = static_cast<double>(x.size());
  return {sum / n, std::sqrt(sumsq / n - (sum / n) * (sum / n))};
}

/// Events of one kind in a run.
double count(const test::RunRecord& run, const std::string& kind) {
  const auto k = std::find(run.kinds.begin(), run.kinds.end(), kind) - run.kinds.begin();
  return static_cast<double>(std::count_if(run.events.begin(), run.events.end(),
                                           [&](const sim::Event& e) { return e.kind == k; }));
}

/// Mean and SD averaged over the weeks of year y (weeks 52y - 51 .. 52y): a year's figure, as
/// the ONS reports a year of the APS, so one week's chance movement does not decide the test.
Moments year(const test::RunRecord& run, std::size_t y) {
  Moments m;
  for (std::size_t w = 52 * y - 51; w <= 52 * y; ++w) {
    const Moments k = moments(run.wellbeing.at(w));
    m.mean += k.mean / 52, m.sd += k.sd / 52;
  }
  return m;
}

}  // namespace

// [heavy]: a statistical check of ten years of the default town, left out under ASan, where the
// default scenario's weeks run in untagged tests (corrupt_run_files_test, run_command_test).
TEST_CASE("the default town without policy change is stationary over ten years",
          "[models][system][heavy]") {
  // The default scenario, services and all, for ten years instead of three.
  const auto run = test::run_scenario_text("extends = \"default.toml\"\n[run]\nsteps = 520\n");
  REQUIRE(run.wellbeing.size() == 521);
  const Moments start = moments(run.wellbeing.front());
  for (std::size_t y = 1; y <= 10; ++y) {
    INFO("year " << y);
    const Moments m = year(run, y);
    CHECK(std::abs(m.mean - start.mean) <= 0.01);
    CHECK(std::abs(m.sd - start.sd) <= 0.01);
  }
  // Widowhood in balance: partnered people 65+ widowed and widowed people replaced by partnered
  // ones are two Poisson counts of equal rate; their difference within 4 SD of its spread.
  const double joined = count(run, "bereavement"), left = count(run, "widowhood_turnover");
  REQUIRE(joined > 100);
  CHECK(std::abs(joined - left) <= 4 * std::sqrt(joined + left));
}
