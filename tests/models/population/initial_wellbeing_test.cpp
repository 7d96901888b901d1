#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include "models/population/initial_wellbeing.hpp"
#include "sim/errors.hpp"
#include "tests/models/population/population_fixture.hpp"

using namespace wellsim;

namespace {

/// Moments of a clipped normal by brute-force numerical integration (independent of the code).
models::ClippedMoments integrate(double mu, double sigma) {
  double m1 = 0, m2 = 0;
  const double h = 1e-4;
  for (double z = -12; z < 12; z += h) {
    double pdf = std::exp(-0.5 * z * z) / std::sqrt(2 * M_PI) * h;
    double x = std::clamp(mu + sigma * z, 0.0, 10.0);
    m1 += x * pdf, m2 += x * x * pdf;
  }
  return {m1, std::sqrt(m2 - m1 * m1)};
}

sim::Network line(std::size_t n, std::int64_t id_offset) {
  sim::EdgeList e;
  e.n = n;
  for (sim::AgentId i = 0; i + 1 < n; ++i) e.u.push_back(i), e.v.push_back(i + 1);
  for (std::size_t i = 0; i < n; ++i)
    e.original_id.push_back(static_cast<std::int64_t>(i) + id_offset);
  return sim::freeze(e, sim::Ordering::None);
}

sim::ParamSet population(double mean, double sd) {
  return test::defaults(models::initial_wellbeing_params(),
                        {{"wellbeing_distribution", std::string("clipped_normal")},
                         {"wellbeing_mean", mean},
                         {"wellbeing_sd", sd}});
}

}  // namespace

TEST_CASE("clipped-normal moments agree with numerical integration", "[models][population]") {
  for (auto [mu, sigma] : {std::pair{7.5, 2.0}, {9.0, 3.0}, {1.0, 1.5}}) {
    auto exact = models::clipped_normal_moments(mu, sigma);
    auto numeric = integrate(mu, sigma);
    CHECK(exact.mean == Approx(numeric.mean).margin(1e-6));
    CHECK(exact.sd == Approx(numeric.sd).margin(1e-6));
  }
}

TEST_CASE("calibration hits the target moments after clipping", "[models][population]") {
  auto [mu, sigma] = models::calibrate_clipped_normal(7.45, 1.9);
  auto m = integrate(mu, sigma);
  CHECK(m.mean == Approx(7.45).margin(1e-6));
  CHECK(m.sd == Approx(1.9).margin(1e-6));
  CHECK(mu > 7.45);  // clipping at 10 pulls the mean down, so the underlying mean sits above
  REQUIRE_THROWS_AS(models::calibrate_clipped_normal(9.5, 4.0), sim::InputError);
}

TEST_CASE("week-0 wellbeing matches the UK calibration within sampling error",
          "[models][population]") {
  const std::size_t n = 200000;
  auto net = line(n, 0);
  sim::AgentStore a;
  a.resize(n);
  models::assign_initial_wellbeing(a, net, population(7.45, 1.9), 5, 0);
  double s = 0, ss = 0;
  for (float x : a.wellbeing) {
    REQUIRE(x >= 0.f);
    REQUIRE(x <= 10.f);
    s += x, ss += double(x) * x;
  }
  double mean = s / n, sd = std::sqrt(ss / n - mean * mean);
  // 5 standard errors: SE(mean) = sd/sqrt(n); SE(sd) <= sd*sqrt(2/n) bounds the clipped case too.
  CHECK(std::abs(mean - 7.45) < 5 * 1.9 / std::sqrt(double(n)));
  CHECK(std::abs(sd - 1.9) < 5 * 1.9 * std::sqrt(2.0 / n));
  CHECK(a.initial_wellbeing == a.wellbeing);
}

TEST_CASE("a person's draw follows their original id, not their index", "[models][population]") {
  auto forward = line(100, 1000);
  sim::EdgeList e;
  e.n = 100;
  for (std::size_t i = 0; i < 100; ++i)
    e.original_id.push_back(1099 - static_cast<std::int64_t>(i));
  auto reversed = sim::freeze(e, sim::Ordering::None);
  sim::AgentStore a, b;
  a.resize(100), b.resize(100);
  models::assign_initial_wellbeing(a, forward, population(7.45, 1.9), 5, 0);
  models::assign_initial_wellbeing(b, reversed, population(7.45, 1.9), 5, 0);
  for (std::size_t i = 0; i < 100; ++i) CHECK(a.wellbeing[i] == b.wellbeing[99 - i]);
}

TEST_CASE("ONS-like answers match their shares and the ONS bands", "[models][population]") {
  const auto& shares = models::ons_response_shares();
  // The default shares themselves: the ONS headline figures they were fitted to.
  double mean = 0, low = 0, high = 0;
  for (int k = 0; k <= 10; ++k) {
    mean += k * shares[k];
    (k <= 4 ? low : high) += k <= 4 || k >= 7 ? shares[k] : 0;
  }
  CHECK(mean == Approx(7.45).margin(0.01));
  CHECK(low == Approx(0.056).margin(1e-9));
  CHECK(high == Approx(0.76).margin(1e-9));

  const std::size_t n = 200000;
  auto net = line(n, 0);
  sim::AgentStore a;
  a.resize(n);
  const sim::ParamSet p = test::defaults(
      models::initial_wellbeing_params(),
      {{"wellbeing_distribution", std::string("ons_responses")}, {"wellbeing_shares", shares}});
  models::assign_initial_wellbeing(a, net, p, 5, 0);
  std::array<double, 11> count{};
  double sum = 0, sumsq = 0;
  for (float x : a.wellbeing) {
    REQUIRE(x >= 0.f);
    REQUIRE(x <= 10.f);
    count[static_cast<int>(std::lround(x))] += 1;
    sum += x, sumsq += double(x) * x;
  }
  for (int k = 0; k <= 10; ++k)  // each answer's share within 5 binomial standard errors
    CHECK(std::abs(count[k] / n - shares[k]) < 5 * std::sqrt(shares[k] * (1 - shares[k]) / n));
  const double m = sum / n, sd = std::sqrt(sumsq / n - m * m);
  CHECK(std::abs(m - mean) < 5 * 1.9 / std::sqrt(double(n)));  // the spread keeps the mean
  CHECK(sd == Approx(1.9).margin(0.05));
}

TEST_CASE("answer shares must be 11 and sum to 1", "[models][population]") {
  CHECK_THROWS_WITH(models::check_response_shares({0.5, 0.5}),
                    "population.wellbeing_shares: expected 11 shares (answers 0 to 10) summing to "
                    "1, found 2 summing to 1");
}
