// Sensitivity indices: Sobol' first-order and total indices, Morris elementary effects and
// standardised regression coefficients.
//
// Sobol': with f_A, f_B, f_ABi the outcomes at A_j, B_j and A_j with column i from B_j,
//   S1_i = mean((f_B − m) (f_ABi − f_A)) / V  (Saltelli et al. 2010, table 2 (b))
//   ST_i = mean((f_A − f_ABi)²) / 2 / V       (Jansen 1999; Saltelli et al. 2010, table 2 (f))
// with m and V the mean and variance (1/n) of f_A and f_B together, as SALib computes V. SALib
// does not subtract m; without it the estimate of S1 carries the noise of mean(f_ABi − f_A)
// multiplied by m, which for an outcome with a large mean and a small spread (mean life
// satisfaction 7.4 ± 0.001) swamps the index (S1 = −452 on a 2-factor sweep); centring keeps the
// estimator consistent (the term subtracted has expectation zero) and makes it shift-invariant.
// The intervals are
// percentile bootstrap intervals over the base rows: a resample draws base rows with
// replacement and recomputes V and every index from the drawn rows, so the dependence between
// the indices of one row is kept. Draws come from sim::RandomStream, so intervals are the same
// on every platform.
#include "analysis/sensitivity.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "sim/errors.hpp"
#include "sim/rng.hpp"

namespace wellsim::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The q quantile of sorted values, interpolating between neighbours (as analysis/stats.cpp).
double quantile_of_sorted(const std::vector<double>& s, double q) {
  const double pos = q * static_cast<double>(s.size() - 1);
  const auto i = static_cast<std::size_t>(std::floor(pos));
  const double f = pos - static_cast<double>(i);
  return i + 1 < s.size() ? s[i] * (1 - f) + s[i + 1] * f : s[i];
}

// Percentile interval of bootstrap replicates at `level` around the point estimate `value`.
IndexEstimate percentile_interval(double value, std::vector<double> replicates, double level) {
  if (replicates.size() < 2) return {value, kNaN, kNaN};
  std::sort(replicates.begin(), replicates.end());
  return {value, quantile_of_sorted(replicates, (1 - level) / 2),
          quantile_of_sorted(replicates, 1 - (1 - level) / 2)};
}

// The outcomes of a Saltelli design split by matrix: a[j], b[j], ab[i][j].
struct SaltelliOutcomes {
  std::vector<double> a, b;
  std::vector<std::vector<double>> ab;
};

SaltelliOutcomes split_saltelli(const std::vector<double>& y, std::size_t k, std::uint32_t base) {
  SaltelliOutcomes o;
  o.ab.assign(k, {});
  for (std::size_t j = 0; j < base; ++j) {
    const double* row = y.data() + j * (k + 2);
    o.a.push_back(row[0]);
    o.b.push_back(row[k + 1]);
    for (std::size_t i = 0; i < k; ++i) o.ab[i].push_back(row[1 + i]);
  }
  return o;
}

// S1 and ST of every factor from the base rows `pick` (with repeats in a resample); false when
// the outcome does not vary over them.
bool sobol_from(const SaltelliOutcomes& o, const std::vector<std::uint32_t>& pick,
                std::vector<double>& s1, std::vector<double>& st) {
  const double n = static_cast<double>(pick.size());
  double sum = 0, sum2 = 0;
  for (std::uint32_t j : pick) sum += o.a[j] + o.b[j];
  const double mean = sum / (2 * n);
  for (std::uint32_t j : pick)
    sum2 += (o.a[j] - mean) * (o.a[j] - mean) + (o.b[j] - mean) * (o.b[j] - mean);
  const double v = sum2 / (2 * n);
  if (!(v > 1e-300)) return false;
  for (std::size_t i = 0; i < o.ab.size(); ++i) {
    double first = 0, total = 0;
    for (std::uint32_t j : pick) {
      const double d = o.ab[i][j] - o.a[j];
      first += (o.b[j] - mean) * d;
      total += d * d;
    }
    s1[i] = first / n / v;
    st[i] = total / n / 2 / v;
  }
  return true;
}

// Base rows drawn with replacement for resample `b`.
std::vector<std::uint32_t> resample(const sim::RandomStream& rng, std::uint32_t n, int b) {
  std::vector<std::uint32_t> pick(n);
  for (std::uint32_t m = 0; m < n; ++m) pick[m] = rng.below(n, static_cast<std::uint32_t>(b), m);
  return pick;
}

}  // namespace

std::vector<SobolIndex> sobol_indices(const std::vector<double>& y,
                                      const std::vector<std::string>& factors, std::uint32_t base,
                                      int resamples, std::uint64_t seed, double level) {
  const std::size_t k = factors.size();
  if (k == 0 || base < 2 || y.size() != static_cast<std::size_t>(base) * (k + 2))
    throw sim::InputError("sobol indices: " + std::to_string(y.size()) + " outcomes for " +
                          std::to_string(base) + " base rows and " + std::to_string(k) +
                          " factors; expected base·(factors+2) with at least 2 base rows");
  const SaltelliOutcomes o = split_saltelli(y, k, base);
  std::vector<std::uint32_t> all(base);
  for (std::uint32_t j = 0; j < base; ++j) all[j] = j;
  std::vector<double> s1(k), st(k);
  if (!sobol_from(o, all, s1, st))
    throw sim::InputError("sobol indices: the outcome has no variance over the design");
  std::vector<std::vector<double>> boot_s1(k), boot_st(k);
  const sim::RandomStream rng(seed, 0, "analysis.sobol_bootstrap");
  std::vector<double> b1(k), bt(k);
  for (int b = 0; b < resamples; ++b) {
    if (!sobol_from(o, resample(rng, base, b), b1, bt)) continue;  // a degenerate resample
    for (std::size_t i = 0; i < k; ++i) {
      boot_s1[i].push_back(b1[i]);
      boot_st[i].push_back(bt[i]);
    }
  }
  std::vector<SobolIndex> out;
  for (std::size_t i = 0; i < k; ++i)
    out.push_back({factors[i], percentile_interval(s1[i], std::move(boot_s1[i]), level),
                   percentile_interval(st[i], std::move(boot_st[i]), level)});
  return out;
}

// Morris: the elementary effect of the one factor that changes between consecutive rows of a
// trajectory, EE = Δy / (Δx / (hi − lo)); μ, μ* = mean |EE| (Campolongo et al. 2007) and σ (n − 1)
// over the trajectories. μ*'s interval resamples whole trajectories.
namespace {

// Elementary effects of one trajectory: per factor, the sum and count of |EE| and the EEs.
struct TrajectoryEffects {
  std::vector<double> abs_sum;
  std::vector<std::uint32_t> count;
};

void check_morris_sizes(const std::vector<std::vector<double>>& rows, const std::vector<double>& y,
                        std::size_t k, const std::vector<double>& lo,
                        const std::vector<double>& hi) {
  if (k == 0 || rows.size() != y.size() || rows.empty() || rows.size() % (k + 1) != 0 ||
      lo.size() != k || hi.size() != k)
    throw sim::InputError("morris indices: " + std::to_string(rows.size()) + " rows and " +
                          std::to_string(y.size()) + " outcomes for " + std::to_string(k) +
                          " factors; expected trajectories of factors+1 rows and a range each");
  for (std::size_t i = 0; i < k; ++i)
    if (!(hi[i] > lo[i]))
      throw sim::InputError("morris indices: factor " + std::to_string(i + 1) +
                            " has an empty range");
  for (const auto& r : rows)
    if (r.size() != k) throw sim::InputError("morris indices: a row without one value per factor");
}

// The one factor that differs between rows `p` and `q`; throws when none or several do.
std::size_t changed_factor(const std::vector<double>& p, const std::vector<double>& q,
                           std::size_t row) {
  std::size_t which = p.size(), n = 0;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (p[i] != q[i]) which = i, ++n;
  if (n != 1)
    throw sim::InputError("morris indices: rows " + std::to_string(row) + " and " +
                          std::to_string(row + 1) + " differ in " + std::to_string(n) +
                          " factors; a trajectory changes one factor per row");
  return which;
}

}  // namespace

std::vector<MorrisIndex> morris_indices(const std::vector<std::vector<double>>& rows,
                                        const std::vector<double>& y,
                                        const std::vector<std::string>& factors,
                                        const std::vector<double>& lo,
                                        const std::vector<double>& hi, int resamples,
                                        std::uint64_t seed, double level) {
  const std::size_t k = factors.size();
  check_morris_sizes(rows, y, k, lo, hi);
  const auto r = static_cast<std::uint32_t>(rows.size() / (k + 1));
  std::vector<std::vector<double>> ee(k);
  std::vector<TrajectoryEffects> traj(
      r, {std::vector<double>(k, 0.0), std::vector<std::uint32_t>(k, 0)});
  for (std::uint32_t t = 0; t < r; ++t)
    for (std::size_t s = t * (k + 1); s < (t + 1) * (k + 1) - 1; ++s) {
      const std::size_t i = changed_factor(rows[s], rows[s + 1], s);
      const double e = (y[s + 1] - y[s]) / ((rows[s + 1][i] - rows[s][i]) / (hi[i] - lo[i]));
      ee[i].push_back(e);
      traj[t].abs_sum[i] += std::abs(e);
      ++traj[t].count[i];
    }
  const sim::RandomStream rng(seed, 0, "analysis.morris_bootstrap");
  std::vector<std::vector<double>> boot(k);
  for (int b = 0; b < resamples; ++b) {
    std::vector<double> sum(k, 0.0), count(k, 0.0);
    for (std::uint32_t t : resample(rng, r, b))
      for (std::size_t i = 0; i < k; ++i)
        sum[i] += traj[t].abs_sum[i], count[i] += traj[t].count[i];
    for (std::size_t i = 0; i < k; ++i)
      if (count[i] > 0) boot[i].push_back(sum[i] / count[i]);
  }
  std::vector<MorrisIndex> out;
  for (std::size_t i = 0; i < k; ++i) {
    MorrisIndex m{factors[i], kNaN, kNaN, kNaN, {kNaN, kNaN, kNaN}};
    const double n = static_cast<double>(ee[i].size());
    if (n > 0) {
      double sum = 0, abs_sum = 0, sq = 0;
      for (double e : ee[i]) sum += e, abs_sum += std::abs(e);
      m.mu = sum / n;
      m.mu_star = abs_sum / n;
      for (double e : ee[i]) sq += (e - m.mu) * (e - m.mu);
      m.sigma = n > 1 ? std::sqrt(sq / (n - 1)) : 0.0;
      m.mu_star_interval = percentile_interval(m.mu_star, std::move(boot[i]), level);
    }
    out.push_back(std::move(m));
  }
  return out;
}

// Standardised regression: each column and y centred and divided by its sd, then least squares
// by column-pivoting Householder QR (Eigen), which stays accurate for nearly collinear columns.
// R² = 1 − SS_res / SS_tot; SRC_i² sums to R² only for uncorrelated factors.
namespace {

// Column i of `rows` (or y when i == k) standardised; throws when it does not vary.
Eigen::VectorXd standardised(const Eigen::MatrixXd& m, Eigen::Index col, const std::string& what) {
  Eigen::VectorXd c = m.col(col).array() - m.col(col).mean();
  const double sd = std::sqrt(c.squaredNorm() / static_cast<double>(m.rows() - 1));
  if (!(sd > 0)) throw sim::InputError("standardised regression: " + what + " does not vary");
  return c / sd;
}

}  // namespace

RegressionResult standardised_regression(const std::vector<std::vector<double>>& rows,
                                         const std::vector<double>& y,
                                         const std::vector<std::string>& factors) {
  const std::size_t k = factors.size();
  if (k == 0 || rows.size() != y.size() || rows.size() < k + 2)
    throw sim::InputError("standardised regression: " + std::to_string(rows.size()) + " rows and " +
                          std::to_string(y.size()) + " outcomes for " + std::to_string(k) +
                          " factors; need equal counts and at least factors+2");
  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXd raw(n, static_cast<Eigen::Index>(k + 1));
  for (Eigen::Index r = 0; r < n; ++r) {
    if (rows[r].size() != k)
      throw sim::InputError("standardised regression: a row without one value per factor");
    for (std::size_t i = 0; i < k; ++i) raw(r, static_cast<Eigen::Index>(i)) = rows[r][i];
    raw(r, static_cast<Eigen::Index>(k)) = y[r];
  }
  Eigen::MatrixXd x(n, static_cast<Eigen::Index>(k));
  for (std::size_t i = 0; i < k; ++i)
    x.col(static_cast<Eigen::Index>(i)) =
        standardised(raw, static_cast<Eigen::Index>(i), "factor \"" + factors[i] + "\"");
  const Eigen::VectorXd ys = standardised(raw, static_cast<Eigen::Index>(k), "the outcome");
  const Eigen::VectorXd beta = x.colPivHouseholderQr().solve(ys);
  RegressionResult out;
  out.factors = factors;
  out.src.assign(beta.data(), beta.data() + beta.size());
  out.r2 = 1 - (ys - x * beta).squaredNorm() / ys.squaredNorm();
  return out;
}

}  // namespace wellsim::analysis
