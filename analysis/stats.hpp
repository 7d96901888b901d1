#pragma once
// Estimates across replicates: a mean with its 95% interval.
//
// Replicates of a stochastic simulation are independent draws of the same experiment, so the
// uncertainty of an effect is the spread of its value across replicates. Paired replicates (same
// seed and replicate number, common random numbers) give one difference each, and the interval
// is Student's t on those differences; unpaired sets use Welch's interval for two means. The t
// quantile comes from boost::math::students_t, so 3-5 replicates get the wide interval they need.
#include <cstdint>
#include <vector>

namespace wellsim::analysis {

/// A figure estimated from replicates: mean and the bounds of its interval (NaN when the
/// interval cannot be formed, e.g. from one replicate).
struct Estimate {
  double mean = 0;  ///< the point estimate
  double lo = 0;    ///< lower bound of the interval
  double hi = 0;    ///< upper bound of the interval
  int n = 0;        ///< replicates it rests on
  /// True when lo and hi are numbers.
  bool has_interval() const;
};

/// The two-sided Student t quantile t_{1-(1-level)/2, df}, e.g. 2.776 for level 0.95, df 4.
double t_quantile(double level, double df);

/// Mean of `x` with the t interval mean ± t·sd/√n at `level` (NaN bounds when n < 2).
Estimate t_interval(const std::vector<double>& x, double level = 0.95);

/// Difference of means mean(p) − mean(b) of two independent samples with Welch's interval.
Estimate welch_interval(const std::vector<double>& b, const std::vector<double>& p,
                        double level = 0.95);

/// Percentile bootstrap interval of the mean of `x`: `resamples` resamples with replacement,
/// drawn from a generator seeded with `seed`, so the same call gives the same interval.
Estimate bootstrap_interval(const std::vector<double>& x, int resamples, std::uint64_t seed,
                            double level = 0.95);

/// A share `successes / n` with the Wilson score interval at `level` (Wilson 1927), which stays
/// inside [0, 1] and is not degenerate at 0 or n successes, unlike the normal approximation
/// (Brown, Cai & DasGupta 2001). NaN throughout when n is 0.
Estimate wilson_interval(int successes, int n, double level = 0.95);

/// Arithmetic mean (0 for an empty vector).
double mean_of(const std::vector<double>& x);
/// Sample standard deviation (n − 1; 0 when n < 2).
double sd_of(const std::vector<double>& x);

}  // namespace wellsim::analysis
