#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "sim/rng.hpp"
#include "sim/step_stats.hpp"

using namespace wellsim::sim;

TEST_CASE("summary statistics match a direct computation", "[sim]") {
  const std::size_t n = 100003;
  RandomStream r(9, 0, "stats");
  std::vector<float> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = static_cast<float>(std::clamp(7.0 + 2.0 * r.normal(0, i), 0.0, 10.0));
  auto s = summarise(x);
  double mean = 0;
  for (float v : x) mean += v;
  mean /= n;
  double ss = 0;
  for (float v : x) ss += (v - mean) * (v - mean);
  CHECK(s.mean == Approx(mean).epsilon(1e-12));
  CHECK(s.sd == Approx(std::sqrt(ss / (n - 1))).epsilon(1e-9));
  std::vector<float> sorted = x;
  std::sort(sorted.begin(), sorted.end());
  CHECK(s.min == sorted.front());
  CHECK(s.max == sorted.back());
  // Quantiles come from 0.001-wide bins; allow one bin plus the gap between order statistics.
  for (auto [q, got] :
       {std::pair{0.1, s.p10}, {0.25, s.p25}, {0.5, s.median}, {0.75, s.p75}, {0.9, s.p90}})
    CHECK(std::abs(got - sorted[static_cast<std::size_t>(q * n)]) < 2e-3);
  auto low = std::count_if(x.begin(), x.end(), [](float v) { return v < 4.5f; });
  auto high = std::count_if(x.begin(), x.end(), [](float v) { return v >= 6.5f; });
  CHECK(s.share_low == double(low) / n);
  CHECK(s.share_high == double(high) / n);
}

TEST_CASE("summary statistics are bit-identical for any thread count", "[sim]") {
  std::vector<float> x(300000);
  RandomStream r(2, 0, "stats");
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(10 * r.uniform(0, i));
  StepStats one, four;
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
    one = summarise(x);
  }
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 4);
    four = summarise(x);
  }
  CHECK(std::memcmp(&one, &four, sizeof one) == 0);
}
