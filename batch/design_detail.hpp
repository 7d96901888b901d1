#pragma once
// Shared by the design builders (design.cpp, design_sample.cpp, design_sobol.cpp): the map from
// the unit interval to a factor's values. Not part of the batch/ interface.
#include <cstdint>
#include <vector>

#include "batch/design.hpp"

namespace wellsim::batch::detail {

/// The factor value at unit coordinate `u` in [0, 1]: min + u·(max − min), or values[⌊u·n⌋]
/// when the factor lists its values; rounded for an integer factor.
double value_at(const Factor& f, double u);

/// The rows of a design from unit-cube rows, each column mapped through value_at.
std::vector<std::vector<double>> to_factor_units(const std::vector<std::vector<double>>& unit,
                                                 const std::vector<Factor>& factors);

/// Latin hypercube rows on [0, 1]^k (McKay et al. 1979).
std::vector<std::vector<double>> lhs_unit(std::uint32_t points, std::size_t k, std::uint64_t seed);

/// Morris trajectories on the p-level grid of [0, 1]^k, r·(k+1) rows (Morris 1991).
std::vector<std::vector<double>> morris_unit(std::uint32_t r, std::uint32_t p, std::size_t k,
                                             std::uint64_t seed);

/// Saltelli rows on [0, 1]^k from a digitally shifted Sobol' sequence, N·(k+2) rows.
std::vector<std::vector<double>> saltelli_unit(std::uint32_t n, std::size_t k, std::uint64_t seed);

/// Largest k a Saltelli design can have (the Sobol' sequence has 2k dimensions).
std::size_t saltelli_max_factors();

}  // namespace wellsim::batch::detail
