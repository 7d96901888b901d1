#pragma once
// Week-0 assignment of the drawn life-satisfaction values by rank, with the age calibration.
#include <cstdint>
#include <vector>

#include "sim/agent_store.hpp"

namespace wellsim::models {

/// Number of age bands of the week-0 age profile: 16-24, 25-34, 35-44, 45-59, 60-64, 65-79, 80+.
inline constexpr int kAgeBands = 7;

/// The age band (0..6) of a person aged `age`, or -1 under 16.
int age_band(std::uint8_t age);

/// Default week-0 age profile: band means minus the 16+ mean, in points (see the .cpp).
const std::vector<double>& default_age_profile();

/// Reassigns the drawn values in `agents.wellbeing` by rank of `score`, separately among people
/// 16+ and among children (so each group keeps its own drawn distribution). Among people 16+ a
/// per-band offset is added to the score and solved so that each band's mean minus the 16+ mean
/// matches `profile` (centred on the town's own age mix); an empty profile adds nothing.
void assign_week0_by_rank(sim::AgentStore& agents, const std::vector<float>& score,
                          const std::vector<double>& profile);

}  // namespace wellsim::models
