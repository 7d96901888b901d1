#pragma once
// The shared state of the community model that is not per person: this week's economy and policy
// (set in the macro-environment phase), local modifiers set by meso programmes, the household
// index, and the overlay of ties that programmes create at run time.
//
// Every mechanism of a community scenario holds the same std::shared_ptr<World>. Within a phase
// a World field is written by one mechanism at a time (mechanisms of a phase run one after
// another; only their loops over agents are parallel), and read-only inside parallel loops.
#include <cstdint>
#include <memory>
#include <vector>

#include "models/community/access.hpp"
#include "models/community/layers.hpp"
#include "models/community/tie_overlay.hpp"
#include "models/community/vocabulary.hpp"
#include "sim/agent_store.hpp"

namespace wellsim::models {

/// This week's economy and national policy. Reset to baseline (all 1 / 0) at the start of every
/// step by the macro baseline, then changed by active macro interventions in scenario order.
struct Macro {
  double energy_price = 1;          ///< multiplier on the baseline weekly energy cost
  double food_price = 1;            ///< multiplier on the baseline weekly food cost
  double energy_price_cap = 1e300;  ///< ceiling on energy_price (a price cap), whatever the order
  double benefit_level = 1;         ///< multiplier on out-of-work benefit rates
  double sanction_rate = 0;         ///< extra weekly hazard that a claimant is sanctioned
  double wage_floor = 0;            ///< weekly minimum pay of an employed adult (GBP; 0 = none)
  double job_loss = 1;              ///< multiplier on the weekly job-loss hazard
  double job_finding = 1;           ///< multiplier on the weekly job-finding hazard
  double victimisation = 1;         ///< multiplier on every victimisation hazard
  double hate = 1;                  ///< extra multiplier on hate-incident hazards (legislation)
  double capacity_micro = 1;        ///< multiplier on capacity of micro services (service funding)
  double capacity_meso = 1;         ///< multiplier on capacity of meso services
};

/// Onward referrals made by case work: specialist services take only referred people (or
/// self-referrals); housing support and income maximisation put referred people first in a
/// need-ordered queue. The service that admits a person clears their referral.
enum Referral : std::uint8_t {
  kReferMentalHealth = 1,
  kReferSubstance = 2,
  kReferHousing = 4,
  kReferDebt = 8
};

/// Shared state of a community run (see the file comment for who writes what, when).
struct World {
  Macro macro;  ///< this week's environment

  /// Per neighbourhood (group index), multipliers on victimisation and hate-incident hazards set
  /// this week by meso programmes (youth projects, inclusion campaigns); reset to 1 each step by
  /// the macro baseline. Sized to the number of groups.
  std::vector<double> local_victimisation, local_hate;

  /// Household h's members are agents [household_start[h], household_start[h+1]).
  std::vector<std::uint32_t> household_start;

  /// Per agent: Referral bits set by case work, cleared by the service that takes the referral.
  std::vector<std::uint8_t> referral;

  /// Per agent: the Domain bits a service relieved this week (a food bank parcel, a warm
  /// space) — cleared from `domains` for the week, still needed. Life events restore them as
  /// the next week begins (the need comes back unless its cause has gone) and reset the mask;
  /// the statistics count need as domains | relieved and what is left after relief as domains.
  std::vector<DomainBits> relieved;

  /// Marks domain `bit` of agent i relieved for the week (a service's serve, own slots only).
  void relieve(sim::AgentStore& a, std::uint32_t i, DomainBits bit) {
    if (!(a.domains[i] & bit)) return;
    a.domains[i] = static_cast<DomainBits>(a.domains[i] & ~bit);
    if (i < relieved.size()) relieved[i] = static_cast<DomainBits>(relieved[i] | bit);
  }

  /// Travel times between neighbourhoods and uptake's decay with them (off when not given).
  Access access;

  /// Ties created at run time by meso programmes and social prescribing.
  TieOverlay overlay;

  /// Baseline weekly costs of an equivalised adult (GBP), before price multipliers.
  double energy_cost = 0, food_cost = 0;
  /// True when [demography] runs: people age and die (AgentStore::present), so life events
  /// widow the partner of a person who died instead of drawing widowhood as a hazard.
  bool demography = false;

  /// True when pupils leaving school end their school ties ([demography],
  /// models/life/school_work.cpp): a frozen tie of the school layer then counts only while both
  /// its people are children (Activity::Child), in social influence and in loneliness.
  bool school_ties_end = false;
  /// Per agent ([demography]): overlay ties that stand for friends, classmates or colleagues
  /// (models/life/school_work.cpp). Support counts every other overlay tie as a close tie
  /// (programme ties); these count as ties but not as close ones. Empty when none are made.
  std::vector<std::uint16_t> loose_ties;
  /// Weight of an overlay tie that stands for a tie of a frozen layer, by Layer: the layer's
  /// wellbeing weight over the community weight (the wellbeing model multiplies every overlay
  /// weight by the community weight; it sets these; 0 when the community weight is 0).
  float layer_tie_weight[kLayerCount] = {1, 1, 1, 1, 1, 1};

  /// Median equivalised disposable income at week 0 (GBP/week): the income effect's reference.
  double median_income = 0;
};

}  // namespace wellsim::models
