#include "analysis/wellby.hpp"

#include <algorithm>
#include <cmath>

namespace wellsim::analysis {

double discount_factor(std::uint32_t step, double rate) {
  const std::uint32_t year = step == 0 ? 0 : (step - 1) / 52;
  return 1.0 / std::pow(1.0 + rate, static_cast<double>(year));
}

double discounted_sum(const std::vector<double>& series, double rate, std::uint32_t last_step) {
  double total = 0;
  const std::size_t end = std::min<std::size_t>(series.size(), std::size_t{last_step} + 1);
  for (std::size_t s = 1; s < end; ++s)
    total += series[s] * discount_factor(static_cast<std::uint32_t>(s), rate);
  return total;
}

double wellbys(const std::vector<double>& diff, double population, double rate,
               std::uint32_t last_step) {
  return discounted_sum(diff, rate, last_step) * population / 52.0;
}

}  // namespace wellsim::analysis
