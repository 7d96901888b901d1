#pragma once
// Who is a woman ([demography]): drawn per person from the "demography" stream keyed by the
// person's original id, so the birth reserve (before the network is frozen) and the demography
// mechanism (after) draw the same sexes (sexes.cpp).
#include <cstdint>
#include <span>
#include <vector>

#include "sim/rng.hpp"

namespace wellsim::models {

/// 1 for each woman among people in household order: `ids` their original ids, `traits` their
/// Trait bits, `household_start` the start of each household plus a final size. A person is
/// female with probability `female_share`, except that a couple's second partner takes the sex
/// opposite the first.
std::vector<std::uint8_t> draw_sexes(std::span<const std::int64_t> ids,
                                     std::span<const std::uint8_t> traits,
                                     std::span<const std::uint32_t> household_start,
                                     double female_share, const sim::RandomStream& demography);

}  // namespace wellsim::models
