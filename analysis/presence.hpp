#pragma once
// Who was in the town when: with [demography] people die and leave, but keep their row (the run
// file's per-person columns never move) with their wellbeing frozen at its last value. A table
// built from per-person rows must therefore leave out the people who are no longer there, or a
// death would count as a person stuck at their last score for the rest of the run.
//
// The run file says who was present when by its `death` events (docs/output-format.md): present
// from week 0 until the step of their death event. This is the one place analysis/ reads that,
// so a later way of recording entry and exit changes only this file.
#include <cstdint>
#include <limits>
#include <vector>

#include "output/run_reader.hpp"

namespace wellsim::analysis {

/// Step from which an agent is absent when they never left.
inline constexpr std::uint32_t kNeverLeft = std::numeric_limits<std::uint32_t>::max();

/// Each agent's first step of absence (their `death` event's step), kNeverLeft when they stayed
/// (everyone, in a run without [demography]).
std::vector<std::uint32_t> absent_from(const output::RunReader& run);

/// 1 for each agent present at `step` (its row counts at that step), 0 for the others.
std::vector<char> present_at(const std::vector<std::uint32_t>& absent_from, std::uint32_t step);

}  // namespace wellsim::analysis
