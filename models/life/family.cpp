// Family life of the community model: relationship distress and domestic abuse.
//
// Mechanism: two household domains, each a two-state chain calibrated so that a run without
// policy stays at its published prevalence.
//   - Relationship distress is a state of a couple household (one with a partnered adult): each
//     week a household without it starts with probability h_d, one with it ends with probability
//     r_d, drawn from the head's word. Every partnered adult and every child under 16 of the
//     household carries kRelationshipDistress: the DWP parental-conflict indicator counts
//     children living with parents in a distressed relationship as affected. The state holds
//     only while every partnered adult still has the bit, so a service that resolves it for the
//     partner it serves (relationship counselling, family support) resolves it for the
//     household from the next week — as in life events, where a problem of the household stays
//     only if every member still has it. h_d = q r_d / (1 - q) for the share q of couple
//     households distressed (Relate 2016, Understanding Society: 18% of partnered people).
//   - Domestic abuse is a state of each adult 16+ (the victim), from their own word, with
//     recovery r_a = 1 / abuse_weeks. The published figure is a last-year share P (CSEW year
//     ending March 2023: 5.1% of adults 16+), so the point prevalence p solves
//     1 - (1 - p)(1 - h_a)^52 = P with h_a = p r_a / (1 - p) (point_prevalence). Children under
//     16 of a household with an abused adult carry kDomesticAbuse too (Domestic Abuse Act 2021
//     s.3: children who see, hear or experience its effects are victims in their own right).
// Week 0: states are drawn at their stationary shares from the "family" stream at step 0, which
// the weekly draws (steps >= 1) never reuse. Draws: (step, household head, 0) word 0 for
// distress, (step, adult, 0) word 1 for abuse — the family's own stream, so turning [family] on
// never shifts any other draw (common random numbers).
// Why a separate mechanism after the life events: the two domains read nothing the life events
// write this week (they have no income or illness route yet: docs/model.md says what is left out),
// and their own table and stream leave the calibrated life events untouched. Wellbeing reads
// the bits through effect_relationship_distress and effect_domestic_abuse in [wellbeing].
#include "models/life/family.hpp"

#include <algorithm>
#include <cmath>

#include "models/life/household_weeks.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

namespace {

constexpr std::uint32_t kChildAge = 16;

}  // namespace

const sim::ParamTable<FamilyRates>& family_table() {
  return sim::declared<FamilyRates>([](sim::ParamTable<FamilyRates>& t) {
    t.add("enabled", &FamilyRates::enabled, false)
        .help(
            "draw relationship distress and domestic abuse (off by default: on, they add two "
            "wellbeing effects and move the default town's documented figures)");
    t.add("distress_share", &FamilyRates::distress_share, 0.18)
        .range(0, 0.95)
        .unit("share")
        .help(
            "share of couple households in a distressed relationship (Relate 2016, 'The "
            "Relationship Distress Monitor', Understanding Society 2013-14: 18% of married or "
            "cohabiting people; DWP parental-conflict indicator 2019-20: ~12% of children in "
            "couple families; range 0.10-0.25)");
    t.add("distress_recovery", &FamilyRates::distress_recovery, 1.0 / 104)
        .range(1e-4, 1)
        .unit("1/week")
        .help(
            "weekly probability that a distressed relationship recovers or ends (assumption: "
            "mean two years, range 1/208 to 1/52; Understanding Society asks every 1-2 years)");
    t.add("abuse_last_year", &FamilyRates::abuse_last_year, 0.051)
        .range(0, 0.9)
        .unit("share")
        .help(
            "share of adults 16+ who experienced domestic abuse in the last year (ONS Crime "
            "Survey for England and Wales, year ending March 2023: 5.1%, 6.6% of women and 3.0% "
            "of men; 95% CI about +-0.3 points)");
    t.add("abuse_weeks", &FamilyRates::abuse_weeks, 52)
        .range(1, 1040)
        .unit("weeks")
        .help(
            "mean weeks a person lives with domestic abuse before it ends (assumption: CSEW "
            "finds most abuse repeated over months; range 13-260)");
    t.add("in_need_per_10k", &FamilyRates::in_need_per_10k, 170.0)
        .range(0, 10000)
        .unit("per 10,000 children")
        .help(
            "children in need with domestic abuse identified at assessment, per 10,000 children "
            "under 18, that children's social care holds in a run without policy (DfE "
            "Characteristics of children in need: 343 children in need per 10,000 at 31 March "
            "2023, of whom 49.6% had domestic abuse identified, the 2016 share; 0 for none)");
    t.add("in_need_weeks", &FamilyRates::in_need_weeks, 26)
        .range(1, 520)
        .unit("weeks")
        .help(
            "mean weeks a child stays in need once assessed (assumption: about six months; range "
            "4-104)");
  });
}

const std::vector<sim::ParamSpec>& family_params() { return family_table().specs(); }

double point_prevalence(double period, double recovery, std::uint32_t weeks) {
  // The last-year share grows with p; bisection on p in [0, period].
  auto last_year = [&](double p) {
    const double h = p >= 1 ? 1.0 : p * recovery / (1 - p);
    return 1 - (1 - p) * std::pow(1 - std::min(1.0, h), weeks);
  };
  double lo = 0, hi = std::clamp(period, 0.0, 1.0);
  for (int it = 0; it < 100; ++it) {
    const double mid = 0.5 * (lo + hi);
    (last_year(mid) < period ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

FamilyEvents::FamilyEvents(const sim::ParamSet& family, std::shared_ptr<World> world,
                           std::uint64_t seed, std::uint32_t replicate)
    : rates_(family_table().read(family)),
      world_(std::move(world)),
      seed_(seed),
      replicate_(replicate),
      stream_(seed, replicate, "family") {
  const double q = rates_.distress_share, r = rates_.distress_recovery;
  distress_onset_ = q * r / (1 - q);
  const double ra = 1.0 / rates_.abuse_weeks;
  abuse_point_ = point_prevalence(rates_.abuse_last_year, ra, 52);
  abuse_onset_ = abuse_point_ * ra / (1 - abuse_point_);
}

void FamilyEvents::prepare(const sim::Network&, sim::AgentStore& a, sim::Ledger& ledger) {
  const Domain bits[2] = {kRelationshipDistress, kDomesticAbuse};
  for (int k = 0; k < 2; ++k) {
    const unsigned b = static_cast<unsigned>(__builtin_ctz(bits[k]));
    onset_kind_[k] = ledger.add_event_kind(std::string("onset/") + domain_name(b));
    end_kind_[k] = ledger.add_event_kind(std::string("end/") + domain_name(b));
  }
  const auto* hs = world_->household_start.data();
  const std::size_t households = world_->household_start.size() - 1;
  sim::for_blocks(households, [&](std::size_t b, std::size_t e) {
    for (std::size_t h = b; h < e; ++h) {
      const std::uint32_t s = hs[h], end = hs[h + 1];
      if (s == end) continue;
      bool couple = false, abused = false;
      for (auto i = s; i < end; ++i) couple |= a.age[i] >= kChildAge && (a.traits[i] & kPartnered);
      const bool distressed =
          couple && sim::word_below(stream_.words(0, s, 0)[0], rates_.distress_share);
      for (auto i = s; i < end; ++i) {
        if (a.age[i] < kChildAge || !sim::word_below(stream_.words(0, i, 0)[1], abuse_point_))
          continue;
        a.domains[i] |= kDomesticAbuse;
        abused = true;
      }
      for (auto i = s; i < end; ++i) {
        const bool child = a.age[i] < kChildAge;
        if (distressed && (child || (a.traits[i] & kPartnered)))
          a.domains[i] |= kRelationshipDistress;
        if (abused && child) a.domains[i] |= kDomesticAbuse;
      }
    }
  });
}

void FamilyEvents::run(sim::Phase, sim::StepContext& ctx) {
  follow_run(stream_, seed_, replicate_, ctx, "family");
  household_weeks(*world_, ctx,
                  [&](std::uint32_t s, std::uint32_t e, std::vector<sim::Event>& out) {
                    household_week(ctx.agents, ctx.step, s, e, out);
                  });
}

void FamilyEvents::household_week(sim::AgentStore& a, std::uint32_t step, std::uint32_t s,
                                  std::uint32_t e, std::vector<sim::Event>& out) const {
  // Distress holds while every partnered adult still has it (a service may have resolved it).
  bool couple = false, distressed = true, abused = false;
  for (auto i = s; i < e; ++i) {
    if (a.age[i] < kChildAge || !(a.traits[i] & kPartnered)) continue;
    couple = true;
    distressed &= (a.domains[i] & kRelationshipDistress) != 0;
  }
  distressed &= couple;
  const std::uint32_t head_word = stream_.words(step, s, 0)[0];
  if (distressed)
    distressed = !sim::word_below(head_word, rates_.distress_recovery);
  else
    distressed = couple && sim::word_below(head_word, distress_onset_);
  const double abuse_off = 1.0 / rates_.abuse_weeks;
  const DomainBits family_bits = kRelationshipDistress | kDomesticAbuse;
  for (auto i = s; i < e; ++i) {  // adults' abuse first: the children's bit follows it
    if (a.age[i] < kChildAge || !a.is_present(i)) continue;
    const std::uint32_t w = stream_.words(step, i, 0)[1];
    const bool had = a.domains[i] & kDomesticAbuse;
    const bool now = had ? !sim::word_below(w, abuse_off) : sim::word_below(w, abuse_onset_);
    abused |= now;
    if (now == had) continue;
    a.domains[i] = static_cast<DomainBits>(a.domains[i] ^ kDomesticAbuse);
    out.push_back({step, i, sim::kNoAgent, now ? onset_kind_[1] : end_kind_[1], 0});
  }
  for (auto i = s; i < e; ++i) {
    if (!a.is_present(i)) continue;  // died ([demography]): no family life any more
    const bool child = a.age[i] < kChildAge;
    const DomainBits before = a.domains[i];
    DomainBits d = child ? static_cast<DomainBits>(before & ~family_bits) : before;
    d &= static_cast<DomainBits>(~kRelationshipDistress);
    if (distressed && (child || (a.traits[i] & kPartnered))) d |= kRelationshipDistress;
    if (abused && child) d |= kDomesticAbuse;
    a.domains[i] = d;
    // An adult's abuse event was recorded above; here the distress, and the children's abuse.
    const DomainBits changed = (d ^ before) & family_bits;
    for (int k = 0; k < 2; ++k) {
      const DomainBits bit = k == 0 ? kRelationshipDistress : kDomesticAbuse;
      if (changed & bit)
        out.push_back({step, i, sim::kNoAgent, (d & bit) ? onset_kind_[k] : end_kind_[k], 0});
    }
  }
}

}  // namespace wellsim::models
