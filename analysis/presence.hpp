#pragma once
// Who was in the town when: with [demography] people are born into rows reserved for them and
// die, but every row stays (the run file's per-person columns never move), with the wellbeing of
// a row not yet born at its week-0 value and of the dead frozen at their last one. A table built
// from per-person rows must therefore leave out the rows that hold nobody at the week it reads.
//
// The run file says who was present when by `/people/entered` and `/people/left`
// (docs/output-format.md), written when a run completes; a file without them (no [demography], or
// a run stopped early) says it by its `birth` and `death` events. This is the one place
// analysis/ reads either, so a later way of recording entry and exit changes only this file.
#include <cstdint>
#include <limits>
#include <vector>

#include "output/run_reader.hpp"

namespace wellsim::analysis {

/// A step no run reaches: "never" for a row that never joins or never leaves.
inline constexpr std::uint32_t kNever = std::numeric_limits<std::uint32_t>::max();

/// Each row's steps in the town: present at step t when from[i] <= t < until[i].
struct Presence {
  std::vector<std::uint32_t> from;   ///< first step present (0 at week 0, kNever: never)
  std::vector<std::uint32_t> until;  ///< first step absent after it (kNever: stayed)
  /// True when row i holds someone at `step`.
  bool at(std::size_t i, std::uint32_t step) const { return from[i] <= step && step < until[i]; }
};

/// Who was present when in `run` (everyone throughout, in a run without [demography]). Without
/// the entered/left datasets a row is present from its `birth` event (else week 0) until its
/// `death` event, so a reserved row never filled counts from week 0 there.
Presence presence_of(const output::RunReader& run);

/// 1 for each row present at `step` (its row counts at that step), 0 for the others.
std::vector<char> present_at(const Presence& presence, std::uint32_t step);

}  // namespace wellsim::analysis
