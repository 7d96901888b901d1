// Week 0 of a whole community run matches the ONS distribution within sampling tolerance: the
// calibrated answers survive the reassignment by circumstances (docs/model.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "models/community/vocabulary.hpp"
#include "tests/models/system/paired_runs.hpp"

using namespace wellsim;

namespace {

/// Week 0 of a town of 30,000 people in two neighbourhoods, synthesised from `seed`.
test::RunRecord week0_of_town(int seed) {
  return test::run_scenario_text(
      "[run]\nmodel = \"town\"\nsteps = 0\nseed = " + std::to_string(seed) + R"(
[population]
neighbourhoods = ["North", "South"]
sizes = [15000, 15000]
)");
}

}  // namespace

TEST_CASE("a synthesised town starts at the ONS life-satisfaction distribution",
          "[models][system][large]") {
  const auto run = week0_of_town(11);
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

namespace {

/// Mean of x over the agents where `keep` holds.
template <class Keep>
double mean_where(const std::vector<float>& x, Keep keep) {
  double sum = 0, n = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (keep(i)) sum += x[i], n += 1;
  return sum / n;
}

}  // namespace

TEST_CASE("week-0 life satisfaction by age band and circumstance lies in the published ranges",
          "[models][system]") {
  const auto run = week0_of_town(12);
  const auto& x = run.wellbeing.at(0);
  const auto& age = run.age;
  const double adults = mean_where(x, [&](std::size_t i) { return age[i] >= 16; });
  // The APS asks people 16+: their mean is the ONS 7.45 within 5 standard errors.
  CHECK(std::abs(adults - 7.45) < 5 * 1.9 / std::sqrt(22000.0));
  // ONS (2016), APS by age: lowest at 45-59, highest at 65-79; the bands within 0.1 of the
  // profile of docs/model.md (band mean minus the 16+ mean).
  const int lower[] = {16, 25, 35, 45, 60, 65, 80, 200};
  const double profile[] = {0.05, -0.05, -0.10, -0.20, 0.00, 0.25, 0.10};
  double band_mean[7];
  for (int b = 0; b < 7; ++b) {
    band_mean[b] =
        mean_where(x, [&](std::size_t i) { return age[i] >= lower[b] && age[i] < lower[b + 1]; });
    INFO("band from age " << lower[b] << ": " << band_mean[b] << " vs 16+ mean " << adults);
    CHECK(std::abs(band_mean[b] - adults - profile[b]) < 0.1);
  }
  CHECK(*std::min_element(band_mean, band_mean + 7) == band_mean[3]);
  CHECK(*std::max_element(band_mean, band_mean + 7) == band_mean[5]);
  // Circumstances (Clark et al. 2018; ONS APS): the unemployed, the ill and the unpartnered
  // start lower, by at least about the partial effects of docs/model.md (unemployment 0.70,
  // illness 0.22-0.72, partner 0.59); the upper bounds are a plausibility judgement, not a
  // published range (docs/validation.md lists the model's gaps).
  const auto& act = run.activity0;
  const auto& tr = run.traits0;
  const auto& dom = run.domains.at(0);
  auto is = [&](models::Activity a) {
    return [&, a](std::size_t i) { return act[i] == static_cast<std::uint8_t>(a); };
  };
  const double employed = mean_where(x, is(models::Activity::Employed));
  const double unemployed = mean_where(x, is(models::Activity::Unemployed));
  const unsigned ill = models::kPhysicalIll | models::kMentalIll;
  const double disabled =
      mean_where(x, [&](std::size_t i) { return age[i] >= 16 && (dom[i] & ill); });
  const double well = mean_where(x, [&](std::size_t i) { return age[i] >= 16 && !(dom[i] & ill); });
  const double partnered =
      mean_where(x, [&](std::size_t i) { return age[i] >= 16 && (tr[i] & models::kPartnered); });
  const double single =
      mean_where(x, [&](std::size_t i) { return age[i] >= 16 && !(tr[i] & models::kPartnered); });
  INFO("employed " << employed << " unemployed " << unemployed << " disabled " << disabled
                   << " not " << well << " partnered " << partnered << " not " << single);
  CHECK(employed - unemployed > 0.70);
  CHECK(employed - unemployed < 1.6);
  CHECK(well - disabled > 0.3);
  CHECK(well - disabled < 1.6);
  CHECK(partnered - single > 0.4);
  CHECK(partnered - single < 1.2);
}
