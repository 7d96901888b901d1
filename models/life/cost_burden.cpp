// The cost-of-living burden (issue 12): how rising prices reach households that cross no fixed
// income threshold.
//
// Mechanism: a household's burden is b = energy / (disposable + energy), per equivalised adult
// at this week's prices (income.cpp: disposable = income after housing, energy and food), the
// share of the energy bill in what is left once housing and food are paid. Food prices enter
// through what is left; energy bills are the commitment that goes unpaid or crowds out food
// ("heat or eat"). Each household has a fixed tolerance: a draw u from the "cost_of_living"
// stream, z = logit(u). It reports difficulty paying its energy bills while
//     (ln b - loc_E) / s + z > 0,
// which, over households of one burden, happens with probability logistic((ln b - loc_E) / s):
// a threshold distribution of tolerances, logistic in log burden with scale s (`burden_spread`).
// Food insecurity is risked while (ln b - loc_F) / s + z > 0 with loc_F > loc_E: the deeper level
// of the same squeeze, so the food insecure are among those in difficulty, as in the surveys
// (Food Foundation: most food-insecure households cut food to pay for energy). Both locations
// are solved at week 0 so that the configured shares of people hold at the scenario's starting
// prices ([life] energy_bills_difficult_share, food_insecure_share); s says how fast the shares
// grow as prices rise (calibrated on 2021 -> winter 2022-23: docs/model.md, "Cost-of-living
// burden").
// Why this way: a price rise moves every household's burden, so the share in difficulty rises
// smoothly with prices instead of only where a fixed income line is crossed; with prices constant
// nothing moves but what income changes move (stationarity); the tolerance is drawn once, so a
// household's state changes only when its burden does, and a price change that leaves a household's
// burden alone leaves its state alone (common random numbers).
#include "models/life/cost_burden.hpp"

#include <algorithm>
#include <numeric>

namespace wellsim::models {

double CostBurden::burden(double disposable, double costs) {
  const double income = disposable + costs;
  if (income <= costs / kMaxBurden) return kMaxBurden;
  return costs / income;
}

CostBurden::CostBurden(double spread, const std::vector<std::uint32_t>& household_start,
                       const sim::RandomStream& stream)
    : spread_(spread) {
  const std::size_t n = household_start.empty() ? 0 : household_start.back();
  z_.assign(n, 0.0);
  for (std::size_t h = 0; h + 1 < household_start.size(); ++h) {
    const std::uint32_t head = household_start[h];
    if (head == household_start[h + 1]) continue;
    const double u = stream.uniform(0, head);
    z_[head] = std::log(u / (1 - u));
  }
}

double CostBurden::solve_location(const std::vector<double>& burdens, double share,
                                  const std::vector<std::uint32_t>& household_start) const {
  // Household h is in for every location below its own critical one, ln b_h + s z_h; taking
  // households from the highest critical location down until `share` of people are in gives
  // the location (midway to the next household, so rounding cannot flip either).
  const std::size_t households = burdens.size();
  std::vector<double> critical(households);
  std::vector<std::uint32_t> order(households);
  for (std::size_t h = 0; h < households; ++h) {
    const std::uint32_t head = household_start[h];
    critical[h] = std::log(burdens[h]) + spread_ * z_[head];
  }
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return critical[x] != critical[y] ? critical[x] > critical[y] : x < y;
  });
  const double people = household_start.empty() ? 0.0 : household_start.back();
  if (households == 0 || share <= 0) return 1e300;
  double in = 0;
  for (std::size_t k = 0; k < households; ++k) {
    const std::uint32_t h = order[k];
    in += household_start[h + 1] - household_start[h];
    if (in >= share * people) {
      if (k + 1 == households) return -1e300;
      return 0.5 * (critical[h] + critical[order[k + 1]]);
    }
  }
  return -1e300;
}

}  // namespace wellsim::models
