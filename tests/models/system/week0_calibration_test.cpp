// Week 0 of a whole community run matches the ONS distribution within sampling tolerance: the
// calibrated answers survive the reassignment by circumstances (docs/model.md).
#include <catch2/catch.hpp>

#include <cmath>

#include "tests/models/system/paired_runs.hpp"

using namespace wellsim;

TEST_CASE("a synthesised town starts at the ONS life-satisfaction distribution",
          "[models][system]") {
  const auto run = test::run_scenario_text(R"(
[run]
model = "town"
seed = 11
steps = 0
[population]
neighbourhoods = ["North", "South"]
sizes = [15000, 15000]
)");
  const auto& x = run.wellbeing.at(0);
  const double n = static_cast<double>(x.size());
  double sum = 0, sumsq = 0, low = 0, high = 0;
  for (float v : x) sum += v, sumsq += double(v) * v, low += v < 4.5f, high += v >= 6.5f;
  const double mean = sum / n, sd = std::sqrt(sumsq / n - mean * mean);
  // ONS APS 2022/23: mean 7.45, SD about 1.9, 5.6% answering 0-4, 76% answering 7-10; each
  // within 5 standard errors of a sample of n.
  CHECK(std::abs(mean - 7.45) < 5 * 1.9 / std::sqrt(n));
  CHECK(std::abs(sd - 1.9) < 0.05);
  CHECK(std::abs(low / n - 0.056) < 5 * std::sqrt(0.056 * 0.944 / n));
  CHECK(std::abs(high / n - 0.76) < 5 * std::sqrt(0.76 * 0.24 / n));
}
