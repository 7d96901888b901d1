// Lookup tables of the wellbeing model's circumstance effects: see effect_tables.hpp.
//
// Why: the weekly step added each person's domain effects bit by bit, a loop whose length and
// branches change from person to person (about 45 % of the step's time at 1,000,000 people with
// the neighbours' sum, measured by leaving the effects out: docs/performance.md). The sums
// depend on the domain bits alone, so each is taken once here, by the same additions in the same
// order, and the step reads one entry; the few combinations people actually have stay in cache.
#include "models/wellbeing/effect_tables.hpp"

#include <algorithm>

#include "models/wellbeing/community_wellbeing.hpp"

namespace wellsim::models {

namespace {

/// Difficulty paying energy bills counts only where neither of these does (docs/model.md,
/// "Double counting"; community_wellbeing.cpp).
constexpr unsigned kDeeperHardship = kFuelPoor | kFinancialStrain;

}  // namespace

EffectTables effect_tables(const CircumstanceEffects& fx) {
  EffectTables t;
  t.domains.resize(std::size_t{1} << kDomainCount);
  for (unsigned key = 0; key < t.domains.size(); ++key) {
    unsigned domains = key;
    if (domains & kDeeperHardship) domains &= ~static_cast<unsigned>(kEnergyBills);
    float neg = 0, pos = 0;
    for (unsigned d = domains; d; d &= d - 1) {
      const float e = fx.domain[__builtin_ctz(d)];
      (e < 0 ? neg : pos) += e;
    }
    t.domains[key] = {neg, pos};
  }
  for (std::size_t s = 0; s < t.support.size(); ++s)
    t.support[s] = std::min(1.f, static_cast<int>(s) / fx.support_ties);
  return t;
}

}  // namespace wellsim::models
