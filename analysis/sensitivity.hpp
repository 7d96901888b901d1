#pragma once
// Sensitivity indices of an outcome over an experiment's design (read from an ensemble).
//
// Sobol' (variance-based): first-order S1 (Saltelli et al. 2010, eq. (b) of table 2) and total
// ST (Jansen 1999) from a Saltelli design, with percentile bootstrap intervals over the base
// rows. Morris (elementary effects): μ, μ* (Campolongo et al. 2007) and σ per factor.
// Standardised regression coefficients: least squares of the standardised outcome on the
// standardised factors, with R² (they describe the outcome only as far as R² is near 1).
// The functions know nothing of the model: tests check them on the Ishigami and Sobol' G
// functions, whose indices are known in closed form.
#include <cstdint>
#include <string>
#include <vector>

namespace wellsim::analysis {

/// An index with its interval (NaN bounds when there is none).
struct IndexEstimate {
  double value = 0, lo = 0, hi = 0;
};

/// Sobol' indices of one factor.
struct SobolIndex {
  std::string factor;
  IndexEstimate first, total;
};

/// Sobol' indices from outcomes `y` in Saltelli order: for each of `base` rows, A_j, AB_j^(1..k),
/// B_j (so y.size() == base·(k+2)). Intervals from `resamples` bootstrap resamples of the base
/// rows, seeded by `seed`, at `level`. Throws sim::InputError when the sizes disagree or the
/// outcome has no variance.
std::vector<SobolIndex> sobol_indices(const std::vector<double>& y,
                                      const std::vector<std::string>& factors, std::uint32_t base,
                                      int resamples = 1000, std::uint64_t seed = 1,
                                      double level = 0.95);

/// Morris elementary-effect statistics of one factor.
struct MorrisIndex {
  std::string factor;
  double mu = 0, mu_star = 0, sigma = 0;  ///< mean, mean absolute, sd of elementary effects
  IndexEstimate mu_star_interval;         ///< bootstrap interval of μ* over trajectories
};

/// Morris statistics from `rows` (factor values, trajectories of k+1 rows, consecutive rows
/// differing in one factor) and outcomes `y`. Elementary effects are scaled by each factor's
/// range (`lo`, `hi`) so μ* is comparable across factors: EE = Δy / (Δx / (hi − lo)).
std::vector<MorrisIndex> morris_indices(const std::vector<std::vector<double>>& rows,
                                        const std::vector<double>& y,
                                        const std::vector<std::string>& factors,
                                        const std::vector<double>& lo,
                                        const std::vector<double>& hi, int resamples = 1000,
                                        std::uint64_t seed = 1, double level = 0.95);

/// Standardised regression coefficients and the fit's R².
struct RegressionResult {
  std::vector<std::string> factors;
  std::vector<double> src;  ///< one per factor
  double r2 = 0;
};

/// Least squares of standardised y on standardised factor columns (any design).
RegressionResult standardised_regression(const std::vector<std::vector<double>>& rows,
                                         const std::vector<double>& y,
                                         const std::vector<std::string>& factors);

}  // namespace wellsim::analysis
