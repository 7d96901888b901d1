#pragma once
#include <cstdint>
#include <vector>

#include "sim/agent_store.hpp"
#include "sim/network.hpp"
#include "sim/param_spec.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// Mean and SD of a normal(mu, sigma) clipped (censored) to [0, 10].
struct ClippedMoments {
  double mean, sd;
};

/// Moments of normal(mu, sigma) once values below 0 are set to 0 and above 10 to 10.
ClippedMoments clipped_normal_moments(double mu, double sigma);

/// The (mu, sigma) whose clipped distribution has the target mean and SD (Newton-free fixed point
/// iteration; converges to 1e-12 for targets inside the scale). Throws InputError if unreachable.
std::pair<double, double> calibrate_clipped_normal(double target_mean, double target_sd);

/// Shape of week-0 life satisfaction (key wellbeing_distribution).
enum class WellbeingDistribution {
  OnsResponses,   ///< answers 0-10 drawn with wellbeing_shares
  ClippedNormal,  ///< the calibrated clipped normal of wellbeing_mean and wellbeing_sd
};

/// The keys of [population] that shape week-0 wellbeing, each field named as its key.
struct InitialWellbeingParams {
  WellbeingDistribution wellbeing_distribution;  ///< which shape
  std::vector<double> wellbeing_shares;          ///< shares of answers 0..10
  double wellbeing_mean;                         ///< target mean of the clipped normal
  double wellbeing_sd;                           ///< target SD of the clipped normal
};

/// The week-0 wellbeing keys, declared once and bound to InitialWellbeingParams.
const sim::ParamTable<InitialWellbeingParams>& initial_wellbeing_table();

/// Keys of [population] that shape week-0 wellbeing: initial_wellbeing_table()'s specs.
const std::vector<sim::ParamSpec>& initial_wellbeing_params();

/// Default shares of answers 0..10 at week 0 (fitted to the ONS APS 2022/23 headline figures).
const std::vector<double>& ons_response_shares();

/// Throws InputError unless `shares` has 11 entries summing to 1.
void check_response_shares(const std::vector<double>& shares);

/// Checks the week-0 wellbeing keys of [population] without drawing anything: the response
/// shares, or that a clipped normal with the target mean and SD exists. Throws InputError.
void check_initial_wellbeing(const sim::ParamSet& population);

/// Fills `initial_wellbeing` and `wellbeing` with week-0 draws: ONS-like answers 0-10 spread
/// over their rounding intervals, or the calibrated clipped normal.
/// Each person's draw is keyed by their original id, so renumbering never changes who gets what.
void assign_initial_wellbeing(sim::AgentStore& agents, const sim::Network& net,
                              const sim::ParamSet& population, std::uint64_t seed,
                              std::uint32_t replicate);

}  // namespace wellsim::models
