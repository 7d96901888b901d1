#pragma once
#include <cstdint>

#include "models/assemble.hpp"
#include "sim/scenario.hpp"

namespace wellsim::models {

/// True when the scenario synthesises people ([population] source other than "none"): the
/// community model with life domains and interventions, rather than a plain opinion model.
bool is_community(const sim::Scenario& scenario);

/// The rules that tie the community tables together (population source and network source
/// agree, the community wellbeing model needs people, interventions need the community model,
/// ordering keeps households contiguous), plus each table's own cross-key checks.
void check_community(const sim::Scenario& scenario);

/// Builds a community run: people, their multiplex network, and the mechanisms in phase order
/// (macro baseline, macro interventions, life events, micro and meso interventions, wellbeing,
/// statistics).
[[nodiscard]] Assembled assemble_community(const sim::Scenario& scenario, std::uint64_t seed,
                                           std::uint32_t replicate);

}  // namespace wellsim::models
