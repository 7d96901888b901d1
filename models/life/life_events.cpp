// Life events of the community model: week 0 (prepare) — costs, budgets, initial domains and the
// calibration of hazards. The weekly step is in hazards.cpp.
//
// Mechanism at week 0: incomes and household budgets are computed as every week (income.cpp).
// Fuel poverty starts where income decides: the `fuel_poor_share` of people with the lowest
// disposable income are in it, and that income becomes a fixed threshold for the weekly hazards.
// Food insecurity and difficulty paying energy bills start where the cost-of-living burden
// exceeds a household's tolerance, at locations solved so that `food_insecure_share` and
// `energy_bills_difficult_share` of people are in them (cost_burden.cpp). Financial strain is a
// budget test. Random
// domains (illness, substance misuse, housing insecurity, homelessness, recent victimisation) are
// drawn per person (per household for housing) from the "life" stream at step 0, which the
// weekly draws (steps >= 1) never reuse, with the stationary probability of each two-state chain.
// Calibration, so that a run without shocks stays where it started:
//   - job loss h_l = u h_f / (1 - u): the stationary unemployment rate of the employed <->
//     unemployed chain is u = h_l / (h_l + h_f) (ONS LFS 2023: u = 4.3%);
//   - physical illness, substance misuse: onset h = p r / (1 - p) for prevalence p, recovery r;
//   - mental illness: a base onset h0 times the person's relative risks m_i (unemployment,
//     strain, food, fuel, victimisation, hate, loneliness, bereavement, homelessness); h0 is
//     solved so the mean of each adult's stationary probability h0 m_i / (h0 m_i + r) equals the
//     APMS prevalence, and each adult starts ill with that probability, so the people at risk
//     are the ones who start ill;
//   - widowhood (partnered 65+ -> widowed, a hazard from ONS) is balanced by the reverse flow
//     at e = h_w P / W (P, W: partnered and widowed people 65+ at week 0), so the widowed share
//     of 65+ holds at its census level: it stands for the deaths of widowed people and the
//     partnered people reaching 65, which the model lacks without [demography]
//     (`hold_widowhood`); with [demography] a partner's death widows and the hazard is off;
//   - housing insecurity arises only under strain: among strained households its stationary
//     share is q = p_insecure / share_strained, onset h = q r / (1 - q); homelessness arises
//     only from insecurity, onset = rehousing rate * p_homeless / p_insecure.
// Sources are in life_params.cpp, next to each default.
#include "models/life/life_events.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/life/income.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/errors.hpp"

namespace wellsim::models {

namespace {

bool below_p(std::uint32_t word, double p) { return word < p * 4294967296.0; }

/// The value with `share` of `values` below it (the people under it are the lowest share).
double share_threshold(std::vector<float> values, double share) {
  if (values.empty() || share <= 0) return -1e300;
  if (share >= 1) return 1e300;
  auto k = static_cast<std::size_t>(share * values.size());
  std::nth_element(values.begin(), values.begin() + k, values.end());
  return values[k];
}

}  // namespace

LifeEvents::LifeEvents(const sim::ParamSet& life, std::shared_ptr<World> world, std::uint64_t seed,
                       std::uint32_t replicate)
    : rates_(life_table().read(life)),
      world_(std::move(world)),
      seed_(seed),
      replicate_(replicate),
      stream_(seed, replicate, "life") {
  support_rule_ = {rates_.lonely_support, rates_.lonely_ties};
}

double LifeEvents::mental_multiplier(DomainBits d, std::uint8_t activity) const {
  double m = 1;
  if (activity == static_cast<std::uint8_t>(Activity::Unemployed)) m *= rates_.rr_unemployed;
  for (const MentalRisk& r : kMentalRisks)
    if (d & r.domain) m *= rates_.*r.rr;
  return m;
}

void LifeEvents::prepare(const sim::Network& net, sim::AgentStore& a, sim::Ledger& ledger) {
  // Week 0 is built in the order the quantities depend on each other: incomes, then the
  // household problems they cause (calibrated to the stated shares), then personal problems,
  // then mental illness, whose onset depends on all of them.
  check_inputs(net, a);
  world_->energy_cost = rates_.energy_cost;
  world_->food_cost = rates_.food_cost;
  frozen_ = count_frozen_ties(net, world_->school_ties_end);
  // Ties made by [demography] at school and work are ties but not close ones (support.hpp).
  support_rule_.loose = world_->loose_ties.empty() ? nullptr : &world_->loose_ties;
  support_rule_.school_ends = world_->school_ties_end;
  const std::size_t n = a.size();
  sanction_left_.assign(n, 0);
  victim_left_.assign(n, 0);
  hate_left_.assign(n, 0);
  bereaved_left_.assign(n, 0);
  if (world_->relieved.size() != n) world_->relieved.assign(n, 0);  // services relieve into it
  job_loss_ = rates_.unemployment_rate * rates_.job_finding / (1 - rates_.unemployment_rate);
  physical_onset_[0] = stationary_onset(rates_.physical_child, rates_.physical_recovery);
  physical_onset_[1] = stationary_onset(rates_.physical_adult, rates_.physical_recovery);
  physical_onset_[2] = stationary_onset(rates_.physical_old, rates_.physical_recovery);
  substance_onset_ = stationary_onset(rates_.substance_share, rates_.substance_recovery);
  widowed_exit_ = widowed_exit(a);
  week0_incomes(a);
  week0_household_domains(a);
  week0_personal_domains(net, a);
  week0_mental_illness(a);
  std::vector<float> disp(a.disposable);
  if (!disp.empty()) {
    auto mid = disp.begin() + disp.size() / 2;
    std::nth_element(disp.begin(), mid, disp.end());
    world_->median_income = *mid;
  }
  declare_events(ledger);
}

void LifeEvents::check_inputs(const sim::Network& net, const sim::AgentStore& a) const {
  const World& w = *world_;
  const std::size_t n = a.size();
  if (!a.has_people() || a.household.size() != n)
    throw std::logic_error("life events need the community model's person columns");
  if (w.household_start.empty() || w.household_start.back() != n)
    throw std::logic_error("life events need world.household_start ending at the agent count");
  if (net.size() != n) throw std::logic_error("life events: network and agents differ in size");
  const std::size_t groups = net.group_names.size();
  if (!rates_.victimisation_by_group.empty() && rates_.victimisation_by_group.size() != groups)
    throw sim::InputError("life.victimisation_by_neighbourhood: expected " +
                          std::to_string(groups) + " values (one per neighbourhood), found " +
                          std::to_string(rates_.victimisation_by_group.size()));
}

void LifeEvents::week0_incomes(sim::AgentStore& a) {
  const Macro base;
  const World& w = *world_;
  const std::size_t households = w.household_start.size() - 1;
  const auto* hs = w.household_start.data();
  sim::for_blocks(a.size(), [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      a.domains[i] = 0;
      a.income[i] =
          static_cast<float>(person_income(a, static_cast<std::uint32_t>(i), base, rates_));
    }
  });
  sim::for_blocks(households, [&](std::size_t b, std::size_t e) {
    for (std::size_t h = b; h < e; ++h) {
      const float d =
          static_cast<float>(household_disposable(a, hs[h], hs[h + 1], base, rates_, w, false));
      for (auto i = hs[h]; i < hs[h + 1]; ++i) a.disposable[i] = d;
    }
  });
}

void LifeEvents::week0_household_domains(sim::AgentStore& a) {
  // Thresholds and onsets are solved so the stated shares hold at week 0 and stay stationary.
  const Macro base;
  const World& w = *world_;
  const std::size_t n = a.size();
  fuel_threshold_ = share_threshold(a.disposable, rates_.fuel_share);
  std::size_t strained = 0;
  for (std::size_t i = 0; i < n; ++i) strained += a.disposable[i] < rates_.strain_threshold;
  const double strain_share = n ? double(strained) / n : 0.0;
  const double q = strain_share > 0 ? std::min(0.95, rates_.housing_share / strain_share) : 0.0;
  housing_onset_ = stationary_onset(q, rates_.housing_recovery);
  const double homeless_given_insecure =
      rates_.housing_share > 0 ? std::min(1.0, rates_.homeless_share / rates_.housing_share) : 0;
  homeless_onset_ = std::min(1.0, rates_.rehousing * homeless_given_insecure);

  // From the head's step-0 draws, the same for every member.
  const std::size_t households = w.household_start.size() - 1;
  const auto* hs = w.household_start.data();
  sim::for_blocks(households, [&](std::size_t b, std::size_t e) {
    for (std::size_t h = b; h < e; ++h) {
      const auto s = hs[h], end = hs[h + 1];
      if (s == end) continue;
      const auto r = stream_.words(0, s, 2);
      double disp = a.disposable[s];
      DomainBits d = 0;
      if (disp < rates_.strain_threshold) {
        d |= kFinancialStrain;
        if (below_p(r[0], q)) d |= kHousingInsecure;
      }
      if ((d & kHousingInsecure) && below_p(r[1], homeless_given_insecure)) {
        d = static_cast<DomainBits>((d & ~kHousingInsecure) | kHomeless);
        disp = household_disposable(a, s, end, base, rates_, w, true);
      }
      if (disp < fuel_threshold_) d |= kFuelPoor;
      for (auto i = s; i < end; ++i) a.domains[i] = d, a.disposable[i] = static_cast<float>(disp);
    }
  });
  // The burden reads the budget after homelessness has changed it; food insecurity starts where
  // the household is at risk (the onset draw is for later weeks).
  week0_cost_burden(a);
  const double energy = rates_.energy_cost;
  sim::for_blocks(households, [&](std::size_t b, std::size_t e) {
    for (std::size_t h = b; h < e; ++h) {
      const auto s = hs[h], end = hs[h + 1];
      if (s == end) continue;
      const double disp = a.disposable[s];
      auto d = static_cast<DomainBits>(a.domains[s] & ~(kEnergyBills | kFoodInsecure));
      if (burden_->margin(CostBurden::burden(disp, energy), burden_->energy_loc, s) > 0)
        d |= kEnergyBills;
      if (burden_->margin(CostBurden::burden(disp, energy), burden_->food_loc, s) > 0)
        d |= kFoodInsecure;
      for (auto i = s; i < end; ++i) a.domains[i] = d;
    }
  });
}

void LifeEvents::week0_cost_burden(const sim::AgentStore& a) {
  const auto& hs = world_->household_start;
  burden_ = std::make_unique<CostBurden>(rates_.burden_spread, hs,
                                         sim::RandomStream(seed_, replicate_, "cost_of_living"));
  std::vector<double> energy(hs.size() - 1, 1.0);
  for (std::size_t h = 0; h + 1 < hs.size(); ++h)
    if (hs[h] != hs[h + 1]) {
      energy[h] = CostBurden::burden(a.disposable[hs[h]], rates_.energy_cost);
    }
  burden_->energy_loc = burden_->solve_location(energy, rates_.energy_bills_share, hs);
  burden_->food_loc = burden_->solve_location(energy, rates_.food_share, hs);
}

DomainBits LifeEvents::cost_states(DomainBits hd, double disp, double energy_unit,
                                   std::uint32_t head, std::uint32_t food_word,
                                   double food_off) const {
  hd = static_cast<DomainBits>(hd & ~kEnergyBills);
  const double log_burden = std::log(CostBurden::burden(disp, energy_unit));
  if (burden_->log_margin(log_burden, burden_->energy_loc, head) > 0) hd |= kEnergyBills;
  const double excess = burden_->log_margin(log_burden, burden_->food_loc, head);
  if (excess > 0) {
    const double p = std::clamp(rates_.food_onset * (1 + excess), 0.0, 1.0);
    if (!(hd & kFoodInsecure) && food_word < p * 4294967296.0) hd |= kFoodInsecure;
  } else if ((hd & kFoodInsecure) && food_word < food_off) {
    hd = static_cast<DomainBits>(hd & ~kFoodInsecure);
  }
  return hd;
}

void LifeEvents::week0_personal_domains(const sim::Network& net, sim::AgentStore& a) {
  // Everything personal except mental illness, whose onset depends on these.
  const World& w = *world_;
  sim::for_blocks(a.size(), [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k) {
      const auto i = static_cast<std::uint32_t>(k);
      const auto r = stream_.words(0, i, 0), r2 = stream_.words(0, i, 1);
      DomainBits d = a.domains[i];
      const std::uint32_t close = support_rule_.support(frozen_, w.overlay, i);
      a.support[i] = static_cast<std::uint16_t>(std::min<std::uint32_t>(close, 65535));
      if (support_rule_.lonely(frozen_, w.overlay, i, a.age[i])) d |= kLonely;
      const int g = net.group.empty() ? -1 : net.group[i];
      const double local = (g >= 0 && std::size_t(g) < rates_.victimisation_by_group.size())
                               ? rates_.victimisation_by_group[g]
                               : 1.0;
      const double weeks = rates_.victim_weeks;
      if (below_p(r[0], std::min(1.0, weeks * rates_.victimisation * local))) {
        d |= kVictimised;
        victim_left_[i] = static_cast<std::uint16_t>(1 + (r2[1] % rates_.victim_weeks));
      }
      if ((a.traits[i] & kMinority) && below_p(r[1], std::min(1.0, weeks * rates_.hate))) {
        d |= kHateIncident | kVictimised;
        hate_left_[i] = static_cast<std::uint16_t>(1 + (r2[2] % rates_.victim_weeks));
        victim_left_[i] = std::max(victim_left_[i], hate_left_[i]);
      }
      const int band = a.age[i] < 16 ? 0 : (a.age[i] < 65 ? 1 : 2);
      const double physical[3] = {rates_.physical_child, rates_.physical_adult,
                                  rates_.physical_old};
      if (below_p(r[2], physical[band])) d |= kPhysicalIll;
      if (a.age[i] >= 16 && below_p(r[3], rates_.substance_share)) d |= kSubstanceMisuse;
      a.domains[i] = d;
    }
  });
}

double LifeEvents::solve_mental_base(const sim::AgentStore& a) const {
  // The base onset h0 such that the adults' mean stationary prevalence h0 m / (h0 m + r), over
  // their relative risks m, equals the stated share; bisection on the distinct risks.
  const std::size_t n = a.size();
  std::vector<double> risk;
  std::vector<std::size_t> count;
  std::vector<double> sorted;
  for (std::size_t i = 0; i < n; ++i)
    if (a.age[i] >= 16) {
      const double m = mental_multiplier(a.domains[i], a.activity[i]);
      if (m > 0) sorted.push_back(m);
    }
  std::sort(sorted.begin(), sorted.end());
  for (double x : sorted) {
    if (risk.empty() || risk.back() != x) risk.push_back(x), count.push_back(0);
    ++count.back();
  }
  const double p = rates_.mental_share, r = rates_.mental_recovery;
  if (risk.empty()) return stationary_onset(p, r);
  auto mean_prob = [&](double h0) {
    double total = 0, people = 0;
    for (std::size_t k = 0; k < risk.size(); ++k) {
      total += count[k] * (h0 * risk[k] / (h0 * risk[k] + r));
      people += count[k];
    }
    return people > 0 ? total / people : 0.0;
  };
  double lo = 0, hi = 1;
  while (mean_prob(hi) < p && hi < 1e6) hi *= 2;
  for (int it = 0; it < 100; ++it) {
    const double mid = 0.5 * (lo + hi);
    (mean_prob(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

void LifeEvents::week0_mental_illness(sim::AgentStore& a) {
  mental_base_ = solve_mental_base(a);
  const double r = rates_.mental_recovery;
  sim::for_blocks(a.size(), [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k) {
      const auto i = static_cast<std::uint32_t>(k);
      if (a.age[i] < 16) continue;
      const double h = mental_base_ * mental_multiplier(a.domains[i], a.activity[i]);
      if (below_p(stream_.words(0, i, 3)[0], h / (h + r))) a.domains[i] |= kMentalIll;
    }
  });
}

double LifeEvents::widowed_exit(const sim::AgentStore& a) const {
  // With [demography] widowhood comes from deaths and the widowed die too: nothing to balance.
  if (!rates_.hold_widowhood || world_->demography) return 0;
  std::uint64_t partnered = 0, widowed = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a.age[i] < 65) continue;
    partnered += (a.traits[i] & kPartnered) != 0;
    widowed += (a.traits[i] & kWidowed) != 0;
  }
  // Balance of the two flows: partnered x widowhood = widowed x exit.
  return widowed ? rates_.widowhood * static_cast<double>(partnered) / widowed : 0.0;
}

void LifeEvents::declare_events(sim::Ledger& ledger) {
  for (unsigned bit = 0; bit < kDomainCount; ++bit) {
    onset_kind_[bit] = ledger.add_event_kind(std::string("onset/") + domain_name(bit));
    end_kind_[bit] = ledger.add_event_kind(std::string("end/") + domain_name(bit));
  }
  job_loss_kind_ = ledger.add_event_kind("job_loss");
  job_found_kind_ = ledger.add_event_kind("job_found");
  bereavement_kind_ = ledger.add_event_kind("bereavement");
  widowhood_turnover_kind_ = ledger.add_event_kind("widowhood_turnover");
}

}  // namespace wellsim::models
