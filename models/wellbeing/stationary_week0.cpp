// The week-0 rank noise that keeps a baseline stationary: see stationary_week0.hpp.
#include "models/wellbeing/stationary_week0.hpp"

#include <cmath>

namespace wellsim::models {

namespace {

/// Population variance of `v` (two passes, in index order: the same for any thread count).
double variance(const std::vector<float>& v) {
  if (v.empty()) return 0;
  double sum = 0;
  for (float x : v) sum += x;
  const double mean = sum / static_cast<double>(v.size());
  double ss = 0;
  for (float x : v) ss += (x - mean) * (x - mean);
  return ss / static_cast<double>(v.size());
}

}  // namespace

double stationary_rank_noise(const std::vector<float>& wellbeing, const std::vector<float>& effects,
                             const std::vector<float>& tie_weight, double lambda, double alpha) {
  if (wellbeing.empty()) return 0;
  const double tied_share = lambda / (lambda + (1 - lambda) * alpha);
  double c = 0;
  for (std::size_t i = 0; i < wellbeing.size(); ++i)
    c += i < tie_weight.size() && tie_weight[i] > 0 ? 1 - tied_share : 1.0;
  c /= static_cast<double>(wellbeing.size());
  if (c <= 0) return 0;
  const double need = variance(wellbeing) / (c * c) - variance(effects);
  return need > 0 ? std::sqrt(need) : 0.0;
}

}  // namespace wellsim::models
