// Life events of the community model: the weekly step.
//
// Mechanism: one pass over households (for_blocks over household index ranges). A household's
// task reads and writes only its own members, and reads their previous state before writing it,
// so the pass is pull-style and race-free, and its result does not depend on the thread count.
// Within a household: (1) each member's employment (job loss x macro.job_loss, job finding x
// macro.job_finding) and sanctions (base + macro.sanction_rate, lasting `sanction_weeks`) change
// and their income is recomputed; (2) the household budget is pooled (income.cpp) and the
// household states are drawn from the head's draws — fuel poverty starts below its week-0
// threshold income with a hazard rising with the shortfall and ends above it, difficulty paying
// energy bills holds while the cost-of-living burden exceeds the household's tolerance and food
// insecurity is risked above a higher one (cost_burden.cpp), financial strain is the budget test,
// housing insecurity arises under strain (arrears) and can become homelessness, which ends by
// rehousing; every member gets the same values; (3) personal states: support and loneliness,
// victimisation (x neighbourhood x macro.victimisation x world.local_victimisation) and hate
// incidents for minority people (x macro.hate x world.local_hate), bereavement of partnered people
// 65+, physical illness by age band, mental illness with relative risks, substance misuse. Why in
// this order: income must reflect this week's job, the budget must reflect this week's income, and
// mental illness reads this week's strain, poverty, crime and loneliness — the route by which those
// reach wellbeing by default. Draws: stream "life", keyed by (step, agent, draw index); every
// hazard has a fixed 32-bit word:
//   draw 0: [0] employment [1] sanction [2] physical illness [3] mental illness
//   draw 1: [0] substance misuse [1] victimisation [2] hate incident [3] widowhood, or for a
//           widowed person the turnover that balances it
//   draw 2 (household head only): [0] food [1] fuel [2] housing insecurity [3] homelessness
// so a scenario that changes one hazard never shifts another's draws (common random numbers).
// A need a service relieved for last week (World::relieved: a food parcel, a warm space) is
// restored as each member's week begins, before anything reads it, and the mask is reset.
// Without [demography] bereavement does not remove the partner (there are no deaths); it changes
// the survivor's traits (kPartnered -> kWidowed) and domains only. With [demography] the hazard
// is off and a partner's death (demography.cpp) widows the survivor the same week; people no
// longer present are skipped, and a household's shared states are those of its living members.
#include <algorithm>
#include <array>
#include <utility>

#include "models/life/income.hpp"
#include "models/life/life_events.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/rng_batch.hpp"

namespace wellsim::models {

namespace {

constexpr double kScale = 4294967296.0;  // a probability as a threshold on a 32-bit word
constexpr DomainBits kHouseholdBits =
    kHousingInsecure | kHomeless | kFoodInsecure | kFuelPoor | kFinancialStrain | kEnergyBills;

double threshold(double p) { return std::clamp(p, 0.0, 1.0) * kScale; }

// The domains that raise the onset of mental illness (kMentalRisks), and unemployment: a
// person's factors as a small index.
constexpr unsigned kMentalFactors = std::size(kMentalRisks) + 1;

unsigned mental_factors(DomainBits d, std::uint8_t activity) {
  unsigned k = activity == static_cast<std::uint8_t>(Activity::Unemployed);
  for (unsigned b = 0; b < std::size(kMentalRisks); ++b)
    k |= unsigned{(d & kMentalRisks[b].domain) != 0} << (b + 1);
  return k;
}
bool hit(std::uint32_t word, double scaled) { return static_cast<double>(word) < scaled; }

}  // namespace

/// The week's hazards as thresholds on 32-bit words, folded once per step.
struct LifeEvents::Week {
  double job_loss, job_find, sanction, physical_on[3], physical_off, mental_off, substance_on,
      substance_off, widowhood, widowed_off, housing_on, housing_off, homeless_on, rehousing,
      food_off, fuel_off;
  std::vector<double> victim, hate;  // by group + 1 (index 0: no group)
  // Mental-illness onset by relative-risk factors present (mental_factors): the same product
  // mental_multiplier forms, taken once a week instead of once per adult.
  std::array<double, 1u << kMentalFactors> mental_on;
};

LifeEvents::Week LifeEvents::fold_week(std::uint32_t, const sim::Network& net) const {
  // Scanning the group column is one pass over n bytes a week; the groups may lack names.
  const Macro& m = world_->macro;
  Week k;
  k.job_loss = threshold(job_loss_ * m.job_loss);
  k.job_find = threshold(rates_.job_finding * m.job_finding);
  k.sanction = threshold(rates_.sanction_rate + m.sanction_rate);
  for (int b = 0; b < 3; ++b) k.physical_on[b] = threshold(physical_onset_[b]);
  k.physical_off = threshold(rates_.physical_recovery);
  k.mental_off = threshold(rates_.mental_recovery);
  k.substance_on = threshold(substance_onset_);
  k.substance_off = threshold(rates_.substance_recovery);
  // With [demography] widowhood is a partner's death (personal_states), not a hazard.
  k.widowhood = threshold(world_->demography ? 0.0 : rates_.widowhood);
  k.widowed_off = threshold(widowed_exit_);
  k.housing_on = threshold(housing_onset_);
  k.housing_off = threshold(rates_.housing_recovery);
  k.homeless_on = threshold(homeless_onset_);
  k.rehousing = threshold(rates_.rehousing);
  k.food_off = threshold(rates_.food_recovery);
  k.fuel_off = threshold(rates_.fuel_recovery);
  for (unsigned f = 0; f < k.mental_on.size(); ++f) {
    DomainBits d = 0;
    for (unsigned b = 0; b < std::size(kMentalRisks); ++b)
      if (f & (2u << b)) d |= kMentalRisks[b].domain;
    const auto activity =
        static_cast<std::uint8_t>(f & 1 ? Activity::Unemployed : Activity::Employed);
    k.mental_on[f] = threshold(mental_base_ * mental_multiplier(d, activity));
  }
  const std::size_t groups = std::max(sim::group_count(net), world_->local_victimisation.size());
  k.victim.assign(groups + 1, threshold(rates_.victimisation * m.victimisation));
  k.hate.assign(groups + 1, threshold(rates_.hate * m.hate));
  for (std::size_t g = 0; g < groups; ++g) {
    double v = rates_.victimisation * m.victimisation;
    if (g < rates_.victimisation_by_group.size()) v *= rates_.victimisation_by_group[g];
    if (g < world_->local_victimisation.size()) v *= world_->local_victimisation[g];
    k.victim[g + 1] = threshold(v);
    double h = rates_.hate * m.hate;
    if (g < world_->local_hate.size()) h *= world_->local_hate[g];
    k.hate[g + 1] = threshold(h);
  }
  return k;
}

/// One household's week: what its three steps share (one per block of households).
struct LifeEvents::HouseholdWeek {
  const Week& k;
  const Macro& macro;
  sim::AgentStore& a;
  const sim::Network& net;
  std::uint32_t step;
  double energy_unit, food_unit;  // this week's energy and food cost per equivalised adult
  std::vector<sim::Event>& out;
  std::uint32_t block_end;         // one past the block's last agent
  std::vector<DomainBits> before;  // each member's domains as the week began
  // Draws 0 and 1 of agents [drawn.first, drawn.end), four words each, drawn in chunks ahead of
  // the households that read them (sim::words_batch: the same words, many agents abreast).
  struct Drawn {
    std::vector<std::uint32_t> draw0, draw1;
    std::uint32_t first = 0, end = 0;
  } drawn;
  void event(std::uint32_t i, std::uint16_t kind) {
    out.push_back({step, i, sim::kNoAgent, kind, 0});
  }
  /// Makes draws 0 and 1 of agents [s, e) available, drawing the next chunk when needed.
  void draw_members(const sim::RandomStream& stream, std::uint32_t s, std::uint32_t e) {
    if (s >= drawn.first && e <= drawn.end) return;
    const std::uint32_t count = std::max(e - s, std::min(kDrawChunk, block_end - s));
    drawn.draw0.resize(4 * std::size_t{count});
    drawn.draw1.resize(4 * std::size_t{count});
    sim::words_batch(stream, step, s, count, 0, drawn.draw0.data());
    sim::words_batch(stream, step, s, count, 1, drawn.draw1.data());
    drawn.first = s, drawn.end = s + count;
  }
  /// Agent i's word w (0-3) of draw 0 (draw 1 for w 4-7); i must have been drawn.
  std::uint32_t word(std::uint32_t i, int w) const {
    const std::size_t at = 4 * std::size_t{i - drawn.first} + static_cast<std::size_t>(w & 3);
    return w < 4 ? drawn.draw0[at] : drawn.draw1[at];
  }
  static constexpr std::uint32_t kDrawChunk = 512;  // agents a chunk: 16 KiB of words, in L1
};

void LifeEvents::run(sim::Phase, sim::StepContext& ctx) {
  if (ctx.seed != seed_ || ctx.replicate != replicate_) {
    seed_ = ctx.seed, replicate_ = ctx.replicate;
    stream_ = sim::RandomStream(seed_, replicate_, "life");
  }
  const World& w = *world_;
  if (w.demography) drop_absent_ties(frozen_, ctx.network, ctx.agents.present, frozen_dropped_);
  const Week k = fold_week(ctx.step, ctx.network);
  const Macro& macro = w.macro;
  const double energy_unit =
      std::max(1e-9, w.energy_cost * std::min(macro.energy_price, macro.energy_price_cap));
  const double food_unit = std::max(1e-9, w.food_cost * macro.food_price);
  const auto* hs = w.household_start.data();
  const std::size_t households = w.household_start.size() - 1;
  auto events = sim::collect_blocks<sim::Event>(
      households, [&](std::size_t hb, std::size_t he, std::vector<sim::Event>& out) {
        HouseholdWeek hw{k,         macro, ctx.agents, ctx.network, ctx.step, energy_unit,
                         food_unit, out,   hs[he],     {},          {}};
        for (std::size_t h = hb; h < he; ++h) {
          const std::uint32_t s = hs[h], e = hs[h + 1];
          if (s == e) continue;
          // Income must reflect this week's job, the budget this week's income, and personal
          // states (mental illness above all) this week's budget: see the file comment.
          work_and_income(hw, s, e);
          const auto [hd, disp] = household_states(hw, s, e);
          personal_states(hw, s, e, hd, disp);
        }
      });
  ctx.ledger.record(events);
}

void LifeEvents::work_and_income(HouseholdWeek& hw, std::uint32_t s, std::uint32_t e) {
  constexpr auto kEmployed = static_cast<std::uint8_t>(Activity::Employed);
  constexpr auto kUnemployed = static_cast<std::uint8_t>(Activity::Unemployed);
  sim::AgentStore& a = hw.a;
  const std::size_t relieved_size = world_->relieved.size();
  hw.before.resize(e - s);
  hw.draw_members(stream_, s, e);
  for (std::uint32_t i = s; i < e; ++i) {
    // Last week's relief was for last week: the need it covered is back (World::relieved).
    DomainBits d = a.domains[i];
    if (i < relieved_size) d |= std::exchange(world_->relieved[i], DomainBits{0});
    hw.before[i - s] = d;
    if (!a.is_present(i)) continue;  // the dead keep their row, not their life (demography)
    if ((d & kSanctioned) && (sanction_left_[i] == 0 || --sanction_left_[i] == 0))
      d &= ~kSanctioned;
    if (a.activity[i] == kEmployed && hit(hw.word(i, 0), hw.k.job_loss)) {
      a.activity[i] = kUnemployed;
      hw.event(i, job_loss_kind_);
    } else if (a.activity[i] == kUnemployed && hit(hw.word(i, 0), hw.k.job_find)) {
      a.activity[i] = kEmployed;
      d &= ~kSanctioned;
      sanction_left_[i] = 0;
      hw.event(i, job_found_kind_);
    }
    if (a.activity[i] == kUnemployed && !(d & kSanctioned) && hit(hw.word(i, 1), hw.k.sanction)) {
      d |= kSanctioned;
      sanction_left_[i] = static_cast<std::uint16_t>(rates_.sanction_weeks);
    }
    a.domains[i] = d;
    a.income[i] = static_cast<float>(person_income(a, i, hw.macro, rates_));
  }
}

std::pair<DomainBits, double> LifeEvents::household_states(HouseholdWeek& hw, std::uint32_t s,
                                                           std::uint32_t e) const {
  const Week& k = hw.k;
  const World& w = *world_;
  const auto rh = stream_.words(hw.step, s, 2);  // the head's draws
  // Household states are shared; a service that resolved a problem for one member (housing
  // support to a tenant, case work) resolved it for the household, so a problem stays only if
  // every member still had it. A week's relief (a food parcel, a warm space) is not a
  // resolution: work_and_income has put the relieved need back.
  DomainBits hd = kHouseholdBits;
  for (std::uint32_t m = 0; m < e - s; ++m)
    if (hw.a.is_present(s + m)) hd &= hw.before[m];
  const bool was_homeless = hd & kHomeless;
  double disp = household_disposable(hw.a, s, e, hw.macro, rates_, w, was_homeless);
  if (hd & kHomeless) {
    if (hit(rh[3], k.rehousing)) hd &= ~kHomeless;
  } else if (hd & kHousingInsecure) {
    if (hit(rh[3], k.homeless_on))
      hd = static_cast<DomainBits>((hd & ~kHousingInsecure) | kHomeless);
    else if (hit(rh[2], k.housing_off))
      hd &= ~kHousingInsecure;
  } else if ((hd & kFinancialStrain) && hit(rh[2], k.housing_on)) {
    hd |= kHousingInsecure;  // arrears build up under last week's strain
  }
  if (bool(hd & kHomeless) != was_homeless)
    disp = household_disposable(hw.a, s, e, hw.macro, rates_, w, hd & kHomeless);
  if (disp < rates_.strain_threshold)
    hd |= kFinancialStrain;
  else
    hd &= ~kFinancialStrain;
  hd = cost_states(hd, disp, hw.energy_unit, s, rh[0], k.food_off);
  if (disp < fuel_threshold_) {
    const double p = rates_.fuel_onset * (1 + (fuel_threshold_ - disp) / hw.energy_unit);
    if (!(hd & kFuelPoor) && hit(rh[1], threshold(p))) hd |= kFuelPoor;
  } else if ((hd & kFuelPoor) && hit(rh[1], k.fuel_off)) {
    hd &= ~kFuelPoor;
  }
  return {hd, disp};
}

void LifeEvents::personal_states(HouseholdWeek& hw, std::uint32_t s, std::uint32_t e, DomainBits hd,
                                 double disp) {
  const Week& k = hw.k;
  const World& w = *world_;
  sim::AgentStore& a = hw.a;
  // With [demography], a partnered person whose household holds no other partner any more has
  // lost them to death this week (Demography ends the dead person's partnership).
  bool partner_died = false;
  if (w.demography) {
    std::uint32_t partners = 0;
    for (std::uint32_t i = s; i < e; ++i) partners += a.is_present(i) && (a.traits[i] & kPartnered);
    partner_died = partners == 1;
  }
  for (std::uint32_t i = s; i < e; ++i) {
    if (!a.is_present(i)) continue;
    // The member's words are still drawn: draw_members ran for this household.
    const auto wd = [&hw, i](int w) { return hw.word(i, w); };
    DomainBits d = static_cast<DomainBits>((a.domains[i] & ~kHouseholdBits) | hd);
    a.disposable[i] = static_cast<float>(disp);
    const std::uint32_t close = support_rule_.support(frozen_, w.overlay, i);
    a.support[i] = static_cast<std::uint16_t>(std::min<std::uint32_t>(close, 65535));
    if (support_rule_.lonely(frozen_, w.overlay, i, a.age[i]))
      d |= kLonely;
    else
      d &= ~kLonely;
    if ((d & kVictimised) && (victim_left_[i] == 0 || --victim_left_[i] == 0)) d &= ~kVictimised;
    if ((d & kHateIncident) && (hate_left_[i] == 0 || --hate_left_[i] == 0)) d &= ~kHateIncident;
    if ((d & kBereaved) && (bereaved_left_[i] == 0 || --bereaved_left_[i] == 0)) d &= ~kBereaved;
    const std::size_t g = hw.net.group.empty() ? 0 : static_cast<std::size_t>(hw.net.group[i] + 1);
    if (hit(wd(5), k.victim[g])) {
      d |= kVictimised;
      victim_left_[i] = static_cast<std::uint16_t>(rates_.victim_weeks);
    }
    if ((a.traits[i] & kMinority) && hit(wd(6), k.hate[g])) {
      d |= kHateIncident | kVictimised;
      hate_left_[i] = victim_left_[i] = static_cast<std::uint16_t>(rates_.victim_weeks);
    }
    if ((a.traits[i] & kPartnered) &&
        (partner_died || (a.age[i] >= 65 && hit(wd(7), k.widowhood)))) {
      a.traits[i] = static_cast<std::uint8_t>((a.traits[i] & ~kPartnered) | kWidowed);
      d |= kBereaved;
      bereaved_left_[i] = static_cast<std::uint16_t>(rates_.bereaved_weeks);
      hw.event(i, bereavement_kind_);
    } else if ((a.traits[i] & kWidowed) && a.age[i] >= 65 && hit(wd(7), k.widowed_off)) {
      // The turnover that holds the widowed share (hold_widowhood): see life_events.cpp.
      a.traits[i] = static_cast<std::uint8_t>((a.traits[i] & ~kWidowed) | kPartnered);
      hw.event(i, widowhood_turnover_kind_);
    }
    const int band = a.age[i] < 16 ? 0 : (a.age[i] < 65 ? 1 : 2);
    if (d & kPhysicalIll) {
      if (hit(wd(2), k.physical_off)) d &= ~kPhysicalIll;
    } else if (hit(wd(2), k.physical_on[band])) {
      d |= kPhysicalIll;
    }
    if (a.age[i] >= 16) {
      if (d & kMentalIll) {
        if (hit(wd(3), k.mental_off)) d &= ~kMentalIll;
      } else if (hit(wd(3), k.mental_on[mental_factors(d, a.activity[i])])) {
        d |= kMentalIll;
      }
      if (d & kSubstanceMisuse) {
        if (hit(wd(4), k.substance_off)) d &= ~kSubstanceMisuse;
      } else if (hit(wd(4), k.substance_on)) {
        d |= kSubstanceMisuse;
      }
    }
    a.domains[i] = d;
    for (DomainBits changed = d ^ hw.before[i - s]; changed; changed &= changed - 1) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctz(changed));
      hw.event(i, (d >> bit) & 1 ? onset_kind_[bit] : end_kind_[bit]);
    }
  }
}

}  // namespace wellsim::models
