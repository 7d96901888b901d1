#pragma once
// Who gains: the population split into the groups a policy analyst asks about.
//
// Every split is fixed at week 0 (neighbourhood, week-0 disposable income, age, household,
// minority flag, week-0 wellbeing), so it is identical in a baseline and its paired policy run
// and is not itself moved by the policy: comparing groups defined by an outcome would mix the
// effect with regression to the mean.
#include <string>
#include <vector>

#include "output/run_reader.hpp"

namespace wellsim::analysis {

/// One way of splitting the population.
struct Split {
  std::string name;                     ///< "neighbourhood", "income quintile", ...
  std::vector<std::string> categories;  ///< category names, by index
  std::vector<int> label;               ///< each agent's category index, -1 for none
};

/// ONS band of a life-satisfaction value: 0 "0-4" (< 4.5), 1 "5-6", 2 "7-8", 3 "9-10".
int wellbeing_band(double value);

/// Quintile (0 lowest .. 4 highest) of each value by rank; ties broken by agent index.
std::vector<int> quintiles(const std::vector<float>& values);

/// The splits a run supports: neighbourhood and week-0 wellbeing band always; income quintile,
/// age band, household size and minority flag when it holds people.
std::vector<Split> splits_of(const output::RunReader& run);

/// Mean of `values` within each category of `split` (NaN for an empty category).
std::vector<double> group_means(const Split& split, const std::vector<float>& values);
/// Number of agents in each category of `split`.
std::vector<std::size_t> group_sizes(const Split& split);

}  // namespace wellsim::analysis
