#pragma once
#include <cstdint>

#include "models/assemble.hpp"
#include "models/population/people.hpp"
#include "sim/scenario.hpp"

namespace wellsim::models {

/// True when the scenario synthesises people ([population] source other than "none"): the
/// community model with life domains and interventions, rather than a plain opinion model.
bool is_community(const sim::Scenario& scenario);

/// The rules that tie the community tables together (population source and network source
/// agree, the community wellbeing model needs people, interventions need the community model,
/// ordering keeps households contiguous), plus each table's own cross-key checks.
void check_community(const sim::Scenario& scenario);

/// Synthesises the people of a community scenario into `people` and returns their ties.
[[nodiscard]] sim::EdgeList community_ties(const sim::Scenario& scenario, std::uint64_t seed,
                                           std::uint32_t replicate, People& people);

/// The order a community network is frozen in: network.ordering, "auto" meaning by group.
[[nodiscard]] sim::Ordering community_ordering(const sim::ParamSet& network);

/// The frozen network of a community scenario alone, as a run would step over it (no people's
/// columns, no mechanisms): for `wellsim partition`. Checks the scenario and its memory first.
[[nodiscard]] sim::Network community_network(const sim::Scenario& scenario, std::uint64_t seed,
                                             std::uint32_t replicate);

/// Builds a community run: people, their multiplex network, and the mechanisms in phase order
/// (macro baseline, macro interventions, life events, micro and meso interventions, wellbeing,
/// statistics).
[[nodiscard]] Assembled assemble_community(const sim::Scenario& scenario, std::uint64_t seed,
                                           std::uint32_t replicate);

}  // namespace wellsim::models
