// The randomised designs on the unit cube: Latin hypercube and Morris trajectories.
//
// All randomness comes from sim::RandomStream keyed by the spec's seed (counter-based Philox),
// so a design is the same on every platform and compiler, which std:: distributions are not.
// Each draw is keyed by what it decides (factor, row, purpose), not by the order of the draws.
#include <cstdint>
#include <numeric>
#include <vector>

#include "batch/design_detail.hpp"
#include "sim/rng.hpp"

namespace wellsim::batch::detail {

namespace {

// A uniform random permutation of 0..n-1 (Fisher-Yates), its swaps keyed by (key, i, draw).
std::vector<std::uint32_t> permutation(const sim::RandomStream& rng, std::uint32_t n,
                                       std::uint32_t key, std::uint32_t draw) {
  std::vector<std::uint32_t> p(n);
  std::iota(p.begin(), p.end(), 0u);
  for (std::uint32_t i = n; i-- > 1;) std::swap(p[i], p[rng.below(i + 1, key, i, draw)]);
  return p;
}

}  // namespace

// McKay, Beckman & Conover (1979): column i puts row j in stratum π_i(j) of n equal strata and
// draws uniformly inside it, so each stratum of each factor holds exactly one point.
std::vector<std::vector<double>> lhs_unit(std::uint32_t points, std::size_t k, std::uint64_t seed) {
  const sim::RandomStream rng(seed, 0, "batch.design.lhs");
  std::vector<std::vector<double>> rows(points, std::vector<double>(k));
  for (std::uint32_t i = 0; i < k; ++i) {
    const auto strata = permutation(rng, points, i, 0);
    for (std::uint32_t j = 0; j < points; ++j)
      rows[j][i] = (strata[j] + rng.uniform(i, j, 1)) / points;
  }
  return rows;
}

// Morris (1991), the construction SALib's morris.sample uses without optimisation: a random
// base point x* on the levels {0, 1/(p−1), ..., 1 − Δ}, a random direction per factor (a
// factor that moves down starts at x*_i + Δ), and a random order in which the factors move by
// ±Δ, Δ = p / (2(p − 1)). Every trajectory has k+1 rows; each row changes one factor.
std::vector<std::vector<double>> morris_unit(std::uint32_t r, std::uint32_t p, std::size_t k,
                                             std::uint64_t seed) {
  const sim::RandomStream rng(seed, 0, "batch.design.morris");
  const double step = 1.0 / (p - 1);
  const double delta = (p / 2) * step;  // p / (2(p − 1)), a whole number of level steps
  std::vector<std::vector<double>> rows;
  rows.reserve(static_cast<std::size_t>(r) * (k + 1));
  const auto kk = static_cast<std::uint32_t>(k);
  for (std::uint32_t t = 0; t < r; ++t) {
    std::vector<double> x(k), dir(k);
    for (std::uint32_t i = 0; i < kk; ++i) {
      dir[i] = rng.below(2, t, i, 1) == 0 ? 1.0 : -1.0;
      x[i] = rng.below(p / 2, t, i, 0) * step + (dir[i] < 0 ? delta : 0.0);
    }
    rows.push_back(x);
    for (std::uint32_t i : permutation(rng, kk, t, 2)) {
      x[i] += dir[i] * delta;
      rows.push_back(x);
    }
  }
  return rows;
}

}  // namespace wellsim::batch::detail
