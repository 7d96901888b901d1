// Census-style synthesis of a UK town: households of realistic composition, ages, work, pay,
// tenure and housing costs, drawn to match England & Wales Census 2021 and ONS figures.
// See census.cpp for the mechanism and the source of every default.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "models/population/people.hpp"
#include "sim/param_spec.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// The keys of [population] when source = "census", each field named as its key (meaning, unit,
/// default and source in census_table()).
struct CensusParams {
  std::vector<std::string> neighbourhoods;    ///< neighbourhood names
  std::vector<double> sizes;                  ///< people in each neighbourhood
  double scale;                               ///< multiplies every size (a fraction of a country)
  std::vector<double> household_size_shares;  ///< share of households of 1, 2, ... people
  double under15_share;                       ///< share of people under 15
  double over65_share;                        ///< share of people 65 and over
  double employment_rate;                     ///< share of 16-64 year olds in work
  double unemployment_rate;                   ///< unemployed share of the active
  double wage_median;                         ///< median full-time weekly pay
  double wage_log_sd;                         ///< SD of log weekly pay
  std::vector<double> tenure_shares;          ///< owner, social rent, private rent shares
  double tenure_income_correlation;           ///< pay score's weight in the tenure latent
  double outright_owner_share;                ///< owners without a mortgage
  double mortgage_cost;                       ///< mean weekly mortgage payment
  double social_rent;                         ///< mean weekly social rent
  double private_rent;                        ///< mean weekly private rent
  double housing_cost_log_sd;                 ///< SD of log housing cost
  double minority_share;                      ///< share of minority households
  double widowed_share;                       ///< widowed share of the 65+ living alone
};

/// The census keys, declared once and bound to CensusParams (defaults UK-like, sources in help).
const sim::ParamTable<CensusParams>& census_table();

/// Keys of [population] when source = "census": census_table()'s specs.
const std::vector<sim::ParamSpec>& census_params();

/// People in a neighbourhood of `size` at `scale` (population.scale): rounded, at least 1.
double scaled_size(double size, double scale);

/// Checks the rules that tie keys together (one size per neighbourhood, shares summing to 1,
/// age targets reachable with the household sizes); InputError "FILE: population.KEY: ...".
void check_census(const sim::ParamSet& p, const std::string& scenario_path);

/// Synthesises the population; a pure function of (parameters, seed, replicate) whatever the
/// thread count. Runs check_census first (messages then name no file).
People synthesise_census(const sim::ParamSet& p, std::uint64_t seed, std::uint32_t replicate);

}  // namespace wellsim::models
