#pragma once
// The parts of a person's circumstance effects that depend only on a small key, looked up
// instead of recomputed for every person every week (community_wellbeing.cpp).
#include <array>
#include <cstdint>
#include <vector>

#include "models/community/vocabulary.hpp"

namespace wellsim::models {

struct CircumstanceEffects;

/// Effects of a set of domain problems, split by sign as the wellbeing model adds them.
struct DomainEffectSums {
  float neg = 0, pos = 0;  ///< sum of the negative effects, and of the others
};

/// Circumstance effects by key, each entry computed by the very float operations, in the same
/// order, as the per-person code did, so a lookup gives the same bits.
struct EffectTables {
  /// Entries of `support`: support_ties is at most 1,000, so from 1,024 close ties on the share
  /// is 1 exactly.
  static constexpr std::size_t kSupportEntries = 1024;
  /// By every combination of the kDomainCount domain bits: the domains' effects added bit by bit
  /// from the lowest, negative ones into `neg`, the others into `pos` (energy bills left out
  /// where fuel poverty or strain counts).
  std::vector<DomainEffectSums> domains;
  /// By close ties s: min(1, s / support_ties), the share of the buffer a person has.
  std::array<float, kSupportEntries> support{};

  /// The domain sums of a person with domains `d`.
  const DomainEffectSums& of(DomainBits d) const {
    return domains[d & ((DomainBits{1} << kDomainCount) - 1)];
  }
  /// The support share of a person with `close` close ties.
  float support_share(std::uint32_t close) const {
    return close < kSupportEntries ? support[close] : 1.f;
  }
};

/// The tables for the effects `fx` (2^kDomainCount domain entries: 1 MiB, built in a few ms).
EffectTables effect_tables(const CircumstanceEffects& fx);

}  // namespace wellsim::models
