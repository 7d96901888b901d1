// People in the real households of the Karnataka villages of Banerjee et al. (2013), "The
// Diffusion of Microfinance" (Science 341: 1236498): household attributes from the survey census,
// members synthesised. See village_households.cpp for the mechanism and sources.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "models/population/people.hpp"
#include "sim/param_spec.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// The keys of [population] when source = "village_households", each field named as its key.
struct VillagePopulationParams {
  std::string households;                     ///< household CSV
  std::string ties;                           ///< household edge list, or ""
  std::vector<double> household_size_shares;  ///< share of households of 1, 2, ... members
  double employment_rate;                     ///< share of 16-64 year olds in work
  double unemployment_rate;                   ///< unemployed share of the active
  double wage_median;                         ///< median weekly pay at average wealth
  double wage_log_sd;                         ///< SD of log pay
  double wealth_effect;                       ///< change of log pay per SD of wealth
  double social_rent;                         ///< weekly rent of government housing
  double private_rent;                        ///< weekly rent of rented or leased homes
};

/// The village_households keys, declared once and bound to VillagePopulationParams.
const sim::ParamTable<VillagePopulationParams>& village_population_table();

/// Keys of [population] when source = "village_households": village_population_table()'s specs.
const std::vector<sim::ParamSpec>& village_population_params();

/// One household tie of a household edge list ("a  b" per line), as household ids.
struct HouseholdTie {
  std::int64_t a, b;  ///< the two household ids
};

/// Reads a whitespace-separated household edge list (one tie per line, blank lines and lines
/// starting with '#' skipped); InputError "FILE:LINE: ..." for a malformed line.
std::vector<HouseholdTie> read_household_ties(const std::string& path);

/// People in the households of the CSV named by `households` (plus default households for ids
/// that only the `ties` edge list names, when given); villages become neighbourhoods
/// "village <number>". A person's original id is household id * 100 + member index (head 0).
People village_people(const sim::ParamSet& population, const std::string& scenario_path,
                      std::uint64_t seed, std::uint32_t replicate);

}  // namespace wellsim::models
