#include "analysis/stats.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <random>

namespace wellsim::analysis {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

bool Estimate::has_interval() const { return std::isfinite(lo) && std::isfinite(hi); }

double t_quantile(double level, double df) {
  boost::math::students_t dist(df);
  return boost::math::quantile(dist, 1 - (1 - level) / 2);
}

double mean_of(const std::vector<double>& x) {
  if (x.empty()) return 0;
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

double sd_of(const std::vector<double>& x) {
  if (x.size() < 2) return 0;
  const double m = mean_of(x);
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return std::sqrt(ss / static_cast<double>(x.size() - 1));
}

Estimate t_interval(const std::vector<double>& x, double level) {
  Estimate e;
  e.n = static_cast<int>(x.size());
  e.mean = mean_of(x);
  if (x.size() < 2) {
    e.lo = e.hi = kNaN;
    return e;
  }
  const double half = t_quantile(level, static_cast<double>(x.size() - 1)) * sd_of(x) /
                      std::sqrt(static_cast<double>(x.size()));
  e.lo = e.mean - half;
  e.hi = e.mean + half;
  return e;
}

Estimate welch_interval(const std::vector<double>& b, const std::vector<double>& p, double level) {
  Estimate e;
  e.n = static_cast<int>(std::min(b.size(), p.size()));
  e.mean = mean_of(p) - mean_of(b);
  if (b.size() < 2 || p.size() < 2) {
    e.lo = e.hi = kNaN;
    return e;
  }
  const double vb = std::pow(sd_of(b), 2) / static_cast<double>(b.size());
  const double vp = std::pow(sd_of(p), 2) / static_cast<double>(p.size());
  const double se = std::sqrt(vb + vp);
  if (se == 0) {
    e.lo = e.hi = e.mean;
    return e;
  }
  // Welch-Satterthwaite degrees of freedom.
  const double df =
      (vb + vp) * (vb + vp) /
      (vb * vb / static_cast<double>(b.size() - 1) + vp * vp / static_cast<double>(p.size() - 1));
  const double half = t_quantile(level, df) * se;
  e.lo = e.mean - half;
  e.hi = e.mean + half;
  return e;
}

Estimate wilson_interval(int successes, int n, double level) {
  Estimate e;
  e.n = n;
  if (n <= 0) {
    e.mean = e.lo = e.hi = kNaN;
    return e;
  }
  const double z = boost::math::quantile(boost::math::normal(), 1 - (1 - level) / 2);
  const double nn = n, p = successes / nn, z2 = z * z / nn;
  const double centre = (p + z2 / 2) / (1 + z2);
  const double half = z / (1 + z2) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn));
  e.mean = p;
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave it a hair inside.
  e.lo = successes <= 0 ? 0.0 : std::max(0.0, centre - half);
  e.hi = successes >= n ? 1.0 : std::min(1.0, centre + half);
  return e;
}

Estimate bootstrap_interval(const std::vector<double>& x, int resamples, std::uint64_t seed,
                            double level) {
  Estimate e;
  e.n = static_cast<int>(x.size());
  e.mean = mean_of(x);
  if (x.size() < 2 || resamples < 2) {
    e.lo = e.hi = kNaN;
    return e;
  }
  // A fixed-seed generator local to this call: the interval is a function of the inputs.
  std::mt19937_64 gen(seed);
  std::uniform_int_distribution<std::size_t> pick(0, x.size() - 1);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (auto& m : means) {
    double s = 0;
    for (std::size_t k = 0; k < x.size(); ++k) s += x[pick(gen)];
    m = s / static_cast<double>(x.size());
  }
  std::sort(means.begin(), means.end());
  auto at = [&](double q) {
    const double pos = q * static_cast<double>(means.size() - 1);
    const auto i = static_cast<std::size_t>(std::floor(pos));
    const double f = pos - static_cast<double>(i);
    return i + 1 < means.size() ? means[i] * (1 - f) + means[i + 1] * f : means[i];
  };
  e.lo = at((1 - level) / 2);
  e.hi = at(1 - (1 - level) / 2);
  return e;
}

}  // namespace wellsim::analysis
