#pragma once
// Rows reserved for people who join the town during a run (births, with [demography]): agent
// storage that grows without moving anyone (reserve.cpp says why and how many).
#include <cstdint>
#include <vector>

#include "models/population/people.hpp"
#include "sim/network.hpp"

namespace wellsim::models {

/// What sizes the reserve: how long the run is and how fertile its people are.
struct ReservePlan {
  std::uint32_t horizon_weeks = 0;  ///< weeks the run lasts (run.steps)
  double fertility_scale = 1;       ///< multiplier on the ONS fertility rates ([demography])
  std::uint32_t cap = 6;            ///< most rows reserved in one household
};

/// Chance that a household outgrows its reserve: rows are added until a Poisson number of births
/// with the household's mean exceeds them with at most this probability.
inline constexpr double kReserveShortfall = 0.01;

/// Expected births over the plan's horizon of a woman aged `age` at week 0 (deaths ignored).
double expected_births(std::uint8_t age, const ReservePlan& plan);

/// Rows to reserve for a household expecting `births`: the fewest r with P(N > r) at most
/// kReserveShortfall for N ~ Poisson(births), and at most `cap`.
std::uint32_t reserved_rows(double births, std::uint32_t cap);

/// Reserved rows of each household of `people` under `plan` (one entry a household); `female`
/// marks the women (models/life/sexes.hpp).
std::vector<std::uint32_t> plan_reserve(const People& people,
                                        const std::vector<std::uint8_t>& female,
                                        const ReservePlan& plan);

/// Inserts `rows[h]` reserved people after the last member of each household h of `people`, and
/// renumbers `ties` (made among `people` before the insertion) to match: existing people keep
/// their ties, original ids and order; each reserved row gets household ties to its household
/// (members and the other reserved rows) and nothing else, age 0, activity Child, the
/// household's tenure and neighbourhood, a new original id past the largest one, and
/// `people.reserved` = 1.
void insert_reserved_rows(People& people, sim::EdgeList& ties,
                          const std::vector<std::uint32_t>& rows);

}  // namespace wellsim::models
