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

namespace wellsim::models {

/// Keys of [population] when source = "village_households", declared once.
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
