#pragma once
// WELLBYs and money: HM Treasury Green Book supplementary guidance "Wellbeing guidance for
// appraisal" (2021). One WELLBY is one point of life satisfaction (0-10) for one person for one
// year, valued at £13,000 in 2019 prices (central; £10,000-£16,000 range). Future effects and
// costs are discounted at the Green Book rate, 3.5% a year (1.5% is the health rate).
//
// Time convention: row s of a run (s >= 1) is the state at the end of simulated week s-1, so
// the week counts for 1/52 of a year in year y = floor((s-1)/52), with discount factor
// 1/(1+rate)^y. Row 0 is the state before the first week and counts for nothing. So a
// difference of 0.2 for one person over rows 1..104 is 0.4 WELLBYs: £5,200 undiscounted, and
// £2,600 + £2,600/1.035 at 3.5%.
#include <cstdint>
#include <vector>

namespace wellsim::analysis {

/// How effects are valued.
struct Valuation {
  double discount_rate = 0.035;  ///< per year (Green Book)
  double wellby_value = 13000;   ///< GBP per WELLBY, central
  double wellby_low = 10000;     ///< GBP per WELLBY, low end of the range
  double wellby_high = 16000;    ///< GBP per WELLBY, high end of the range
  int price_year = 2019;         ///< price year of the WELLBY values
};

/// The discount factor of row `step` (1 for rows 0..52, 1/(1+rate) for 53..104, ...).
double discount_factor(std::uint32_t step, double rate);

/// Discounted WELLBYs of a per-row mean difference `diff` (row 0 first) for `population`
/// people, over rows 1..last_step: Σ diff[s]·population/52·factor(s).
double wellbys(const std::vector<double>& diff, double population, double rate,
               std::uint32_t last_step);

/// Discounted sum of a per-row money series (costs) over rows 1..last_step.
double discounted_sum(const std::vector<double>& series, double rate, std::uint32_t last_step);

}  // namespace wellsim::analysis
