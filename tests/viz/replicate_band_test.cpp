// The band across replicates, against a computation written out here by hand: the t quantiles
// are the printed table values (t_{0.975,3} = 3.182446, t_{0.975,4} = 2.776445).
#include "viz/replicate_band.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace wellsim::viz;

TEST_CASE("four replicates give the 95 percent t interval of the mean per week", "[viz]") {
  const std::vector<std::vector<double>> s{
      {6.0, 6.5, 7.0}, {6.2, 6.1, 7.4}, {5.9, 6.3, 6.6}, {6.1, 6.7, 7.0, 9.9}};
  const ReplicateBand band = replicate_band(s);
  CHECK(band.kind == BandKind::TInterval);
  CHECK(band.replicates == 4);
  REQUIRE(band.lo.size() == 3);  // the fourth week is in one replicate only
  REQUIRE(band.hi.size() == 3);
  // Week 0: mean 6.05, deviations -.05 .15 -.15 .05, sum of squares 0.05, sd sqrt(0.05 / 3).
  const double half0 = 3.182446 * std::sqrt(0.05 / 3) / 2;
  CHECK(band.lo[0] == Approx(6.05 - half0).epsilon(1e-6));
  CHECK(band.hi[0] == Approx(6.05 + half0).epsilon(1e-6));
  // Week 2: 7.0 7.4 6.6 7.0, mean 7.0, sum of squares 0.32.
  const double half2 = 3.182446 * std::sqrt(0.32 / 3) / 2;
  CHECK(band.lo[2] == Approx(7.0 - half2).epsilon(1e-6));
  CHECK(band.hi[2] == Approx(7.0 + half2).epsilon(1e-6));
  CHECK(band_label(band) == "95% t-interval of the mean across 4 replicates");
}

TEST_CASE("five identical replicates give a band of zero width", "[viz]") {
  const std::vector<std::vector<double>> s(5, {4.0, 5.0});
  const ReplicateBand band = replicate_band(s);
  CHECK(band.lo == std::vector<double>{4.0, 5.0});
  CHECK(band.hi == std::vector<double>{4.0, 5.0});
  // One replicate off by 1 at week 1: mean 5.2, sd sqrt(0.8 / 4), half 2.776445 sd / sqrt 5.
  auto t = s;
  t[3][1] = 6.0;
  const ReplicateBand moved = replicate_band(t);
  const double half = 2.776445 * std::sqrt(0.8 / 4) / std::sqrt(5.0);
  CHECK(moved.lo[1] == Approx(5.2 - half).epsilon(1e-6));
  CHECK(moved.hi[1] == Approx(5.2 + half).epsilon(1e-6));
}

TEST_CASE("two replicates give their range and one gives no band", "[viz]") {
  const ReplicateBand two = replicate_band({{1.0, 3.0, 2.0}, {2.0, 1.5, 2.0}});
  CHECK(two.kind == BandKind::MinMax);
  CHECK(two.lo == std::vector<double>{1.0, 1.5, 2.0});
  CHECK(two.hi == std::vector<double>{2.0, 3.0, 2.0});
  CHECK(band_label(two) == "min-max across 2 replicates");
  const ReplicateBand one = replicate_band({{1.0, 2.0}});
  CHECK(one.kind == BandKind::None);
  CHECK(one.lo.empty());
  CHECK(band_label(one).empty());
}
