#pragma once
// Test functions with sensitivity indices known in closed form, and the factors and designs
// they are evaluated on: Ishigami (Ishigami & Homma 1990, a = 7, b = 0.1, on [-pi, pi]^3) and
// Sobol' G (Saltelli & Sobol' 1995, a = 0, 1, 4.5, 9, 99, 99, 99, 99 on [0, 1]^8). Shared by the
// estimator tests and the end-to-end `wellsim sensitivity` tests.
#include <cmath>
#include <cstdint>
#include <vector>

#include "batch/design.hpp"

namespace wellsim::test {

inline constexpr double kPi = 3.14159265358979323846;

/// Factors x1..xk (k <= 9) on [lo, hi].
inline std::vector<batch::Factor> factors(std::size_t k, double lo, double hi) {
  std::vector<batch::Factor> f(k);
  for (std::size_t i = 0; i < k; ++i) {
    // Not "x" + std::to_string(i + 1): GCC 12 warns on it at -O3 (-Wrestrict, bug 105329).
    f[i].name = {'x', static_cast<char>('1' + i)};
    f[i].min = lo;
    f[i].max = hi;
  }
  return f;
}

/// The design of `kind` with `points` (LHS rows, Sobol' N, Morris r) over `f`.
inline batch::Design design(batch::DesignKind kind, std::uint32_t points,
                            const std::vector<batch::Factor>& f, std::uint64_t seed = 1) {
  batch::DesignSpec s;
  s.kind = kind;
  s.points = points;
  s.seed = seed;
  return batch::make_design(s, f);
}

inline double ishigami(const std::vector<double>& x) {
  return std::sin(x[0]) + 7 * std::sin(x[1]) * std::sin(x[1]) +
         0.1 * std::pow(x[2], 4) * std::sin(x[0]);
}

/// The G function's a_i.
inline const std::vector<double> kG{0, 1, 4.5, 9, 99, 99, 99, 99};

inline double g_function(const std::vector<double>& x) {
  double y = 1;
  for (std::size_t i = 0; i < kG.size(); ++i) y *= (std::abs(4 * x[i] - 2) + kG[i]) / (1 + kG[i]);
  return y;
}

}  // namespace wellsim::test
