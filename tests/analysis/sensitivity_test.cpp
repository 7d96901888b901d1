// Sensitivity indices through the whole path — design (batch::make_design) -> evaluate a test
// function on its rows -> estimators — against the indices known in closed form: Ishigami
// (Ishigami & Homma 1990, a = 7, b = 0.1) and Sobol' G (Saltelli & Sobol' 1995).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "analysis/sensitivity.hpp"
#include "batch/design.hpp"
#include "sim/errors.hpp"
#include "sim/rng.hpp"
#include "tests/analysis/test_functions.hpp"

using namespace wellsim;

namespace {

using test::design;
using test::factors;
using test::g_function;
using test::ishigami;
using test::kG;
using test::kPi;

template <class F>
std::vector<double> evaluate(const batch::Design& d, F f) {
  std::vector<double> y;
  y.reserve(d.rows.size());
  for (const auto& row : d.rows) y.push_back(f(row));
  return y;
}

// The estimate is within `tol` of `truth`, and its interval, widened by `slack`, holds it.
void check_index(const analysis::IndexEstimate& e, double truth, double tol, double slack) {
  INFO("estimate " << e.value << " [" << e.lo << ", " << e.hi << "], analytic " << truth);
  CHECK(e.value == Approx(truth).margin(tol));
  CHECK(e.lo - slack <= truth);
  CHECK(e.hi + slack >= truth);
}

}  // namespace

TEST_CASE("sobol indices of the Ishigami function match the analytic ones", "[sensitivity]") {
  // V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = 8b²π⁸/225.
  const double a = 7, b = 0.1, pi4 = std::pow(kPi, 4), pi8 = pi4 * pi4;
  const double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
  const double v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5), v2 = a * a / 8;
  const double v13 = 8 * b * b * pi8 / 225;
  const std::vector<double> s1{v1 / v, v2 / v, 0}, st{(v1 + v13) / v, v2 / v, v13 / v};
  CHECK(s1[0] == Approx(0.3139).margin(1e-4));
  CHECK(st[2] == Approx(0.2437).margin(1e-4));

  const std::uint32_t n = 4096;
  auto d = design(batch::DesignKind::Sobol, n, factors(3, -kPi, kPi));
  auto idx = analysis::sobol_indices(evaluate(d, ishigami), d.factors, d.base, 500, 7);
  REQUIRE(idx.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO(idx[i].factor);
    check_index(idx[i].first, s1[i], 0.04, 0.01);
    check_index(idx[i].total, st[i], 0.04, 0.01);
  }
}

TEST_CASE("sobol indices of the G function match the analytic ones", "[sensitivity]") {
  // V_i = (1/3)/(1 + a_i)², V = Π(1 + V_i) − 1, S_i = V_i/V, ST_i = V_i Π_{j≠i}(1 + V_j)/V.
  const std::size_t k = kG.size();
  std::vector<double> vi(k);
  double prod = 1;
  for (std::size_t i = 0; i < k; ++i) {
    vi[i] = (1.0 / 3) / ((1 + kG[i]) * (1 + kG[i]));
    prod *= 1 + vi[i];
  }
  const double v = prod - 1;
  const std::uint32_t n = 4096;
  auto d = design(batch::DesignKind::Sobol, n, factors(k, 0, 1), 3);
  auto idx = analysis::sobol_indices(evaluate(d, g_function), d.factors, d.base, 300, 5);
  REQUIRE(idx.size() == k);
  for (std::size_t i = 0; i < k; ++i) {
    INFO(idx[i].factor);
    const double s1 = vi[i] / v, st = vi[i] * prod / (1 + vi[i]) / v;
    check_index(idx[i].first, s1, 0.03, 0.01);
    check_index(idx[i].total, st, 0.03, 0.01);
  }
}

TEST_CASE("morris mu star ranks the G function's factors by a", "[sensitivity]") {
  const auto f = factors(kG.size(), 0, 1);
  batch::DesignSpec s;
  s.kind = batch::DesignKind::Morris;
  s.points = 40;
  s.levels = 4;
  s.seed = 2;
  auto d = batch::make_design(s, f);
  auto y = evaluate(d, g_function);
  const std::vector<double> lo(f.size(), 0.0), hi(f.size(), 1.0);
  auto m = analysis::morris_indices(d.rows, y, d.factors, lo, hi, 500, 9);
  REQUIRE(m.size() == kG.size());
  for (std::size_t i = 0; i + 1 < 4; ++i) CHECK(m[i].mu_star > m[i + 1].mu_star);
  for (std::size_t i = 4; i < kG.size(); ++i) CHECK(m[i].mu_star < 0.05 * m[0].mu_star);
  for (const auto& x : m) {
    CHECK(x.mu_star >= std::abs(x.mu));
    CHECK(x.mu_star_interval.lo <= x.mu_star);
    CHECK(x.mu_star_interval.hi >= x.mu_star);
  }
}

TEST_CASE("standardised regression recovers a linear function and not Ishigami", "[sensitivity]") {
  // y = 2 x1 + x2 on [0, 1]²: sd(x1) = sd(x2) = 1/√12, sd(y) = √(5/12), so SRC = 2/√5, 1/√5.
  auto d = design(batch::DesignKind::LatinHypercube, 400, factors(2, 0, 1), 4);
  const sim::RandomStream noise(4, 0, "test.noise");
  std::vector<double> y;
  for (std::uint32_t r = 0; r < d.rows.size(); ++r)
    y.push_back(2 * d.rows[r][0] + d.rows[r][1] + 0.01 * noise.normal(0, r));
  auto lin = analysis::standardised_regression(d.rows, y, d.factors);
  CHECK(lin.factors == d.factors);
  CHECK(lin.src[0] == Approx(2 / std::sqrt(5.0)).margin(0.02));
  CHECK(lin.src[1] == Approx(1 / std::sqrt(5.0)).margin(0.02));
  CHECK(lin.r2 > 0.999);

  auto di = design(batch::DesignKind::LatinHypercube, 1000, factors(3, -kPi, kPi), 4);
  auto ish = analysis::standardised_regression(di.rows, evaluate(di, ishigami), di.factors);
  CHECK(ish.r2 < 0.4);
}

TEST_CASE("sensitivity estimators refuse outcomes that do not fit the design", "[sensitivity]") {
  const std::vector<std::string> names{"x1", "x2"};
  CHECK_THROWS_AS(analysis::sobol_indices(std::vector<double>(15, 1.0), names, 4), sim::InputError);
  CHECK_THROWS_AS(analysis::sobol_indices(std::vector<double>(16, 1.0), names, 4),
                  sim::InputError);  // no variance
  const std::vector<std::vector<double>> rows{{0, 0}, {1, 0}, {1, 1}};
  CHECK_THROWS_AS(analysis::morris_indices(rows, {1, 2}, names, {0, 0}, {1, 1}), sim::InputError);
  const std::vector<std::vector<double>> two_moves{{0, 0}, {1, 1}, {1, 0}};
  CHECK_THROWS_AS(analysis::morris_indices(two_moves, {1, 2, 3}, names, {0, 0}, {1, 1}),
                  sim::InputError);
  CHECK_THROWS_AS(
      analysis::standardised_regression({{0, 1}, {0, 2}, {0, 3}, {0, 4}}, {1, 2, 3, 4}, names),
      sim::InputError);  // x1 does not vary
}

TEST_CASE("sobol indices do not move when the outcome is shifted", "[sensitivity]") {
  // An outcome like mean life satisfaction: a large mean, a small spread. Without centring, the
  // first-order estimate carries mean(f_ABi - f_A) times the mean and lands far outside [0, 1].
  const std::uint32_t n = 256;
  auto d = design(batch::DesignKind::Sobol, n, factors(3, -kPi, kPi));
  std::vector<double> y = evaluate(d, ishigami), shifted = y;
  for (double& v : shifted) v = 7.4 + v * 1e-3;
  const auto plain = analysis::sobol_indices(y, d.factors, d.base, 100, 7);
  const auto moved = analysis::sobol_indices(shifted, d.factors, d.base, 100, 7);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(moved[i].first.value == Approx(plain[i].first.value).margin(1e-6));
    CHECK(moved[i].total.value == Approx(plain[i].total.value).margin(1e-6));
  }
}
