#pragma once
// Pairing a baseline set with a policy set by common random numbers.
//
// Replicate r of a baseline and replicate r of a policy that extends it, run with the same seed,
// draw the same random numbers for everything the policy does not touch (DESIGN invariant 2):
// they hold the same people, and their difference is the policy's effect plus only the noise
// the policy itself causes. That is why paired differences have far narrower intervals than
// two independent sets. Pairing is only valid when the runs really are twins, so it is checked,
// and anything else is refused with the files and what differs.
#include <string>
#include <utility>
#include <vector>

#include "analysis/run_set.hpp"

namespace wellsim::analysis {

/// How two sets are matched.
struct Pairing {
  bool paired = true;  ///< false: the sets are compared as independent samples
  /// (baseline index, policy index) of each pair, by replicate number (empty when unpaired).
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  /// Weeks (steps) both sides have: 0..last_step.
  std::uint32_t last_step = 0;
};

/// Pairs replicate r of `baseline` with replicate r of `policy`. Unless `unpaired`, throws
/// sim::InputError with a one-line message naming both files and what differs when the
/// replicate numbers, seeds, population sizes or people (original ids) differ.
Pairing pair_sets(const RunSet& baseline, const RunSet& policy, bool unpaired);

}  // namespace wellsim::analysis
