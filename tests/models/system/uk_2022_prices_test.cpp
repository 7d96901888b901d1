// The cost-of-living crisis as observed (scenarios/uk_2022_prices.toml, issue 12) on a small
// town: what the model reproduces. The published magnitude (APS 0.09-0.15) is not reached yet
// (about 0.03): docs/validation.md lists that gap with its command rather than keeping a test
// here that is allowed to fail.
#include <catch2/catch.hpp>

#include <numeric>

#include "tests/models/system/paired_runs.hpp"

using namespace wellsim;

namespace {

const char* const kTown = R"(
extends = "uk_2022_prices.toml"
[run]
steps = 130
[population]
sizes = [1600, 1600, 1600, 1600, 1600]
)";

/// Mean over the weeks [from, to) of a per-week series.
double average(const std::vector<double>& v, std::size_t from, std::size_t to) {
  return std::accumulate(v.begin() + from, v.begin() + to, 0.0) / double(to - from);
}

/// Mean wellbeing of every week.
std::vector<double> mean_by_week(const test::RunRecord& r) {
  std::vector<double> out;
  for (const auto& x : r.wellbeing)
    out.push_back(std::accumulate(x.begin(), x.end(), 0.0) / double(x.size()));
  return out;
}

const test::RunRecord& town() {
  static const test::RunRecord run = test::run_scenario_text(kTown);
  return run;
}

// Week 0 is 1 January 2021: the APS year April 2021-March 2022 is weeks 13-64, April 2022-March
// 2023 weeks 65-116.
constexpr std::size_t kYear1 = 13, kYear2 = 65, kYear2End = 117;

}  // namespace

TEST_CASE("uk_2022_prices: prices push households into fuel poverty and food insecurity",
          "[models][system]") {
  const auto& run = town();
  const auto fuel = run.series_of("prevalence/fuel_poor");
  const auto strain = run.series_of("prevalence/financial_strain");
  const auto mean = mean_by_week(run);
  // Winter 2022-23 (the Energy Price Guarantee, weeks 92-116) against 2021 (weeks 13-51).
  const double fuel_rise = average(fuel, 92, kYear2End) / average(fuel, kYear1, 52);
  INFO("fuel poverty x" << fuel_rise);
  CHECK(fuel_rise > 1.2);
  CHECK(average(strain, 92, kYear2End) > average(strain, kYear1, 52));
  const double fall = average(mean, kYear2, kYear2End) - average(mean, kYear1, kYear2);
  INFO("change in mean life satisfaction between the APS years " << fall);
  CHECK(fall < -0.01);
}
