// Census-style synthesis of a UK town: households of realistic composition, ages, work, pay,
// tenure and housing costs, drawn to match England & Wales Census 2021 and ONS figures.
// See census.cpp for the mechanism and the source of every default.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "models/population/people.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::models {

/// Keys of [population] when source = "census", declared once (defaults UK-like, sources in help).
const std::vector<sim::ParamSpec>& census_params();

/// Checks the rules that tie keys together (one size per neighbourhood, shares summing to 1,
/// age targets reachable with the household sizes); InputError "FILE: population.KEY: ...".
void check_census(const sim::ParamSet& p, const std::string& scenario_path);

/// Synthesises the population; a pure function of (parameters, seed, replicate) whatever the
/// thread count. Runs check_census first (messages then name no file).
People synthesise_census(const sim::ParamSet& p, std::uint64_t seed, std::uint32_t replicate);

}  // namespace wellsim::models
