// The community wellbeing model: life satisfaction (ONS 0-10 scale, so results are in WELLBYs)
// set by circumstances and spread along ties.
//
// Mechanism: each person has a target u_i(t) = set_point_i + sum of the effects of their current
// circumstances, and their wellbeing moves as
//     x_i(t+1) = lambda_i (W x(t))_i + (1 - lambda_i) (x_i(t) + alpha (u_i(t) - x_i(t))),
// clipped to [0, 10]: with weight 1 - lambda_i a person adapts a share alpha per week towards
// their target (the speed of response, not habituation: a lasting circumstance keeps its effect),
// with weight lambda_i they take in the weighted mean wellbeing of their ties (W row-normalised
// over frozen ties weighted by layer, plus programme ties from the overlay; isolates use lambda_i =
// 0). With fixed targets the fixed point is Friedkin-Johnsen's x* = (I - L'W)^-1 (I - L') u with
// lambda'_i = lambda_i / (lambda_i + (1 - lambda_i) alpha) (tests check it against Eigen).
// Effects (defaults; docs/model.md gives each source, design and range): A. E. Clark,
// S. Fleche, R. Layard, N. Powdthavee & G. Ward, "The Origins of Happiness" (Princeton, 2018):
// unemployment -0.70 (cross-section; -0.46 with individual fixed effects), log income +0.17 per
// unit, depression or anxiety -0.72, physical illness -0.22, partnered +0.59, widowed -0.48;
// loneliness -0.6 (ONS 2018); homelessness -1.6 (HACT Social Value Bank, 1.3-1.9). Food
// insecurity, fuel poverty, strain, housing insecurity, crime, hate and substance misuse have
// direct effects net of mental illness (they also raise its onset in [life]), so the same harm is
// not counted twice; their defaults are assumptions within published ranges (table()).
// Negative effects are buffered by support: they are multiplied by
// (1 - buffer * min(1, support_i / support_ties)) (S. Cohen & T. A. Wills, "Stress, social
// support, and the buffering hypothesis", Psychol. Bull. 98 (1985) 310-357).
// Week 0: the calibrated ONS values already drawn are reassigned by rank of (effects + noise),
// within people 16+ and within children, with age-band offsets (week0_ranks.cpp), so people in
// worse circumstances start lower while the distribution stays exactly the calibrated one (the
// noise's SD keeps the published gaps and ten-year stationarity; -1 derives the value at which
// week 0 is exactly what the dynamics keep: stationary_week0.hpp); set points
// are then solved so that week 0 is a fixed point, and a run without events stays at the ONS
// distribution. The state is latent and reported clipped to 0-10; people answering 10 or 0 at
// week 0 get latent values beyond the end from a fitted tail (censored_scale.hpp), so the ends of
// the scale hold their share instead of draining. Why this way: effects are additive and in points,
// the form in which the sources report them, and every wellbeing change can be traced to a
// circumstance or a tie. Performance: the CSR is streamed once per step with float sums; ties weigh
// by a 256-entry layer table (one byte per entry) unless the network carries its own weights; the
// domains' effects and the support share come from tables built once (effect_tables.hpp).
#include "models/wellbeing/community_wellbeing.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

#include "models/community/layers.hpp"
#include "models/wellbeing/censored_scale.hpp"
#include "models/wellbeing/effect_tables.hpp"
#include "models/wellbeing/stationary_week0.hpp"
#include "models/wellbeing/week0_ranks.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/errors.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

namespace {

/// The last log taken: members of a household are adjacent and share one disposable income, so
/// most people's log is their housemate's (the same float in, the same float out).
struct LastLog {
  float in = std::numeric_limits<float>::quiet_NaN(), out = 0;
  float operator()(float v) {
    if (!(v == in)) in = v, out = std::log(v);
    return out;
  }
};

inline float effects_of(const CircumstanceEffects& fx, const EffectTables& tables, float log_median,
                        const sim::AgentStore& a, std::uint32_t i, LastLog& log) {
  // The domains' sums and the support share come from tables of the same floats
  // (effect_tables.hpp); the additions below follow them in the order they always had.
  const DomainEffectSums& sums = tables.of(a.domains[i]);
  float neg = sums.neg, pos = sums.pos;
  if (a.activity[i] == static_cast<std::uint8_t>(Activity::Unemployed)) {
    (fx.unemployed < 0 ? neg : pos) += fx.unemployed;
  }
  if (a.traits[i] & kPartnered) (fx.partnered < 0 ? neg : pos) += fx.partnered;
  if (a.traits[i] & kWidowed) (fx.widowed < 0 ? neg : pos) += fx.widowed;
  if (fx.log_income != 0) {
    const float inc =
        fx.log_income * (log(std::max(a.disposable[i], fx.income_floor)) - log_median);
    (inc < 0 ? neg : pos) += inc;
  }
  const float support = tables.support_share(a.support[i]);
  return pos + neg * (1.f - fx.buffer * support);
}

}  // namespace

// Long because it is the list of [wellbeing] keys of the community model, one declaration each.
const sim::ParamTable<CommunityWellbeing>& CommunityWellbeing::table() {
  using Self = CommunityWellbeing;
  return sim::declared<Self>([](sim::ParamTable<Self>& t) {
    // A circumstance effect in points; a Domain's key is "effect_" + its run-file name.
    auto effect = [&t](const std::string& key, float& (*field)(Self&), double fallback,
                       const std::string& help) {
      t.add_at(key, field, fallback).range(-10, 10).unit("points").help(help);
    };
    auto domain = [&t](Domain d, double fallback, const std::string& help) {
      const unsigned b = static_cast<unsigned>(std::countr_zero(static_cast<unsigned>(d)));
      t.add_at(
           std::string("effect_") + domain_name(b),
           [b](Self& w) -> float& { return w.fx_.domain[b]; }, fallback)
          .range(-10, 10)
          .unit("points")
          .help(help);
    };
    t.add("susceptibility", &Self::lambda_, 0.2)
        .range(0, 0.99)
        .help("lambda: weight a person gives each week to their ties' wellbeing (isolates use 0)");
    t.add("adaptation", &Self::alpha_, 0.25)
        .range(0.001, 1)
        .unit("1/week")
        .help(
            "alpha: share of the gap to the circumstance target closed per week (the speed of "
            "response: at 0.25 the gap halves in about 2.4 weeks)");
    t.add("layer_weights", &Self::layer_weights_, std::vector<double>{3, 2, 2, 1, 0.5, 0.5, 1})
        .range(0, 1e6)
        .help(
            "weight of a tie in social influence by layer: household, kin, close_friend, "
            "friend, workplace, school, community (7 values)");
    effect(
        "effect_unemployed", [](Self& w) -> float& { return w.fx_.unemployed; }, -0.70,
        "unemployment (Clark et al. 2018, cross-section; -0.46 with fixed effects)");
    effect(
        "effect_log_income", [](Self& w) -> float& { return w.fx_.log_income; }, 0.17,
        "per unit of log equivalised disposable income relative to the week-0 median (Clark "
        "et al. 2018)");
    domain(kMentalIll, -0.72, "depression or anxiety (Clark et al. 2018)");
    domain(kPhysicalIll, -0.22, "limiting physical illness (Clark et al. 2018)");
    effect(
        "effect_partnered", [](Self& w) -> float& { return w.fx_.partnered; }, 0.59,
        "living with a partner (Clark et al. 2018)");
    effect(
        "effect_widowed", [](Self& w) -> float& { return w.fx_.widowed; }, -0.48,
        "widowed (Clark et al. 2018)");
    domain(kLonely, -0.6, "lonely (ONS 2018 loneliness analysis; Clark et al. 2018)");
    domain(kHomeless, -1.6,
           "homeless (HACT Social Value Bank: temporary accommodation to rough sleeping, "
           "1.3-1.9)");
    // Direct effects net of mental illness: each of these also raises the onset of depression
    // or anxiety in [life], so the default is the share of the cross-sectional gap that is not
    // carried by mental illness (docs/model.md, "Double counting").
    domain(kFoodInsecure, -0.4,
           "food insecurity, net of mental illness (cross-sectional: Frongillo et al. 2017, J. "
           "Nutr., Gallup World Poll, 138 countries; plausible range -0.2 to -0.8; assumption)");
    domain(kFuelPoor, -0.3,
           "fuel poverty, net of mental illness (panel fixed effects: Churchill, Smyth & Farrell "
           "2020, Energy Econ., HILDA; plausible range -0.1 to -0.5; assumption)");
    domain(kVictimised, -0.3,
           "being a victim of crime in the last weeks, net of mental illness (panel fixed "
           "effects: Johnston, Shields & Suziedelyte 2018, Econ. J., HILDA; range -0.1 to -0.6; "
           "assumption)");
    domain(kHateIncident, -0.3,
           "a hate incident, on top of effect_victimised (CSEW: hate-crime victims are more "
           "often very much affected emotionally than other victims; range 0 to -0.8; "
           "assumption)");
    domain(kHousingInsecure, -0.3,
           "housing insecurity (arrears, risk of losing the home), net of strain and mental "
           "illness (assumption: no agreed coefficient; set below homelessness, -1.6; range -0.1 "
           "to -0.6)");
    domain(kSubstanceMisuse, -0.4,
           "harmful alcohol or drug use, net of mental illness (cross-sectional; APMS 2014: "
           "most dependence co-occurs with a common mental disorder, so the net effect is "
           "smaller than the raw gap; range -0.2 to -0.9; assumption)");
    domain(kFinancialStrain, -0.4,
           "financial strain (no margin for an unexpected bill), net of income and mental "
           "illness (assumption: no agreed coefficient; debt is associated with lower wellbeing "
           "mostly through mental health, Richardson et al. 2013; range -0.2 to -0.7)");
    domain(kEnergyBills, -0.8,
           "finding it difficult to afford the energy bills (ONS OPN), net of income and mental "
           "illness, counted only without fuel poverty, strain or food insecurity (assumption "
           "guided by ONS OPN 2022-23 cross-sections, lower life satisfaction among those in "
           "difficulty, and panel estimates of subjective financial difficulty in "
           "Understanding Society; range -0.2 to -0.7; docs/model.md)");
    t.add_at(
         "buffer", [](Self& w) -> float& { return w.fx_.buffer; }, 0.2)
        .range(0, 1)
        .help(
            "share of negative effects that full support removes (Cohen & Wills 1985 stress "
            "buffering; modest by default)");
    t.add_at(
         "support_ties", [](Self& w) -> float& { return w.fx_.support_ties; }, 5.0)
        .range(0.5, 1000)
        .unit("ties")
        .help("close ties that count as full support");
    t.add_at(
         "income_floor", [](Self& w) -> float& { return w.fx_.income_floor; }, 10.0)
        .range(0.01, 1e6)
        .unit("GBP/week")
        .help(
            "floor on disposable income in the log-income effect (income can be negative "
            "after costs)");
    t.add("age_profile", &Self::age_profile_, default_age_profile())
        .range(-5, 5)
        .unit("points")
        .help(
            "week-0 mean life satisfaction of ages 16-24, 25-34, 35-44, 45-59, 60-64, 65-79 and "
            "80+ relative to the mean of people 16+ (7 values; [] = no age calibration). Default: "
            "the shape of ONS APS by age (ONS 2016, 'At what age is personal well-being the "
            "highest?': lowest at 45-59, highest at 65-79), our reading, +-0.1");
    t.add("rank_noise_sd", &Self::noise_sd_, 2.5)
        .range(-1, 100)
        .unit("points")
        .help(
            "SD of the noise added to circumstance effects when week-0 values are assigned by "
            "rank. Default 2.5: week 0 keeps the published gaps by circumstance (employed minus "
            "unemployed 0.93, partnered minus single 0.51) and a run without change stays within "
            "0.01 of its week-0 mean and SD for ten years (both tested); -1 derives the value "
            "that makes week 0 exactly what the dynamics keep (stationary_week0.hpp; ~3.8 with the "
            "defaults, which narrows those gaps below the published ones)");
    // The family domains ([family], off by default) are net of mental illness, as the effects
    // above.
    domain(kRelationshipDistress, -0.4,
           "relationship distress (partners, and children living with it), net of mental "
           "illness (assumption: a distressed partnership keeps about a third of "
           "effect_partnered, +0.59; range -0.2 to -1.0)");
    domain(kDomesticAbuse, -0.8,
           "living with domestic abuse (the victim and the household's children), net of mental "
           "illness (assumption: above effect_victimised, -0.3, because it is repeated and at "
           "home; Home Office 2019 costs its emotional harms highest of its costs; range -0.3 to "
           "-1.5)");
    // [neighbours], off by default; net of mental illness as above.
    domain(kNeighbourConflict, -0.3,
           "trouble with neighbours (every member of the household), net of mental illness "
           "(assumption: panel studies of noise annoyance at home, e.g. Weinhold 2013, J. Reg. "
           "Sci. 53:292, SOEP, find a few tenths of a point; set as effect_victimised; range "
           "-0.1 to -0.6)");
  });
}

const std::vector<sim::ParamSpec>& CommunityWellbeing::params() { return table().specs(); }

CommunityWellbeing::CommunityWellbeing(const sim::Network& net, const sim::ParamSet& p,
                                       std::shared_ptr<World> world, std::uint64_t seed,
                                       std::uint32_t replicate)
    : world_(std::move(world)), seed_(seed), replicate_(replicate) {
  table().read(p, *this);
  tables_ = effect_tables(fx_);
  if (!age_profile_.empty() && age_profile_.size() != kAgeBands)
    throw sim::InputError(
        "wellbeing.age_profile: expected " + std::to_string(kAgeBands) +
        " values (16-24, 25-34, 35-44, 45-59, 60-64, 65-79, 80+) or none, found " +
        std::to_string(age_profile_.size()));
  const auto& lw = layer_weights_;
  if (lw.size() != kLayerCount + 1)
    throw sim::InputError("wellbeing.layer_weights: expected " + std::to_string(kLayerCount + 1) +
                          " values (household, kin, close_friend, friend, workplace, school, "
                          "community), found " +
                          std::to_string(lw.size()));
  std::fill(std::begin(layer_weight_), std::end(layer_weight_), 1.f);
  bool equal = true;
  for (std::size_t l = 0; l < net.layer_names.size() && l < 256; ++l) {
    for (int k = 0; k < kLayerCount; ++k)
      if (net.layer_names[l] == kLayerNames[k]) layer_weight_[l] = static_cast<float>(lw[k]);
    equal &= layer_weight_[l] == layer_weight_[0];
  }
  community_weight_ = static_cast<float>(lw[kLayerCount]);
  const bool layered = net.layer.size() == net.entries();
  // Overlay ties that stand for a frozen layer's ties (models/life/school_work.cpp) weigh as it.
  for (int k = 0; k < kLayerCount; ++k)
    world_->layer_tie_weight[k] =
        community_weight_ > 0 ? static_cast<float>(lw[k]) / community_weight_ : 0.f;
  for (std::size_t l = 0; layered && l < net.layer_names.size() && l < 255; ++l)
    if (net.layer_names[l] == kLayerNames[kSchool]) school_layer_ = static_cast<std::uint8_t>(l);
  mode_ = !net.unit_weights() ? 2 : (equal || !layered ? 0 : 1);
  // In mode 0 frozen ties weigh 1, so an overlay tie weighs relative to the (common) layer weight.
  if (mode_ == 0 && layer_weight_[0] > 0) community_weight_ /= layer_weight_[0];
  const std::size_t n = net.size();
  row_weight_.assign(n, 0.f);
  if (mode_ == 2) entry_weight_.resize(net.entries());
  const float same = layer_weight_[0];
  sim::for_blocks(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      double total = 0;
      for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k) {
        const float lwk = layered ? layer_weight_[net.layer[k]] : same;
        const float wk = mode_ == 2 ? net.weight[k] * lwk : (mode_ == 1 ? lwk : 1.f);
        if (mode_ == 2) entry_weight_[k] = wk;
        total += wk;
      }
      row_weight_[i] = static_cast<float>(total);
    }
  });
}

float CommunityWellbeing::effect_sum(const sim::AgentStore& a, std::uint32_t i) const {
  LastLog log;
  return effects_of(fx_, tables_, std::log(std::max(static_cast<float>(median_), fx_.income_floor)),
                    a, i, log);
}

namespace {

/// Directed entries between reading a neighbour's index and its value (about three rows at the
/// town's 19 entries a row). 64 took about a tenth less than 32 at 1,000,000 people relative to
/// the same run's life events, 128 no less than 64; under load CPU samples could not resolve the
/// difference (docs/performance.md). Reading two rows abreast gained nothing.
constexpr std::uint64_t kPrefetchAhead = 64;

/// Social sum sum_j w_ij x_j of agent i and its row weight, over frozen and overlay ties.
template <int Mode>
inline void social(const sim::Network& net, const float* lw, const float* ew, const float* rw,
                   const TieOverlay& overlay, float cw, const float* x, std::size_t i, float& sum,
                   float& total) {
  const auto begin = net.offsets[i], end = net.offsets[i + 1];
  const auto* nb = net.neighbours.data();
  const std::uint64_t entries = net.entries();
  float s = 0;
  for (auto k = begin; k < end; ++k) {
    // Friends are spread over whole neighbourhoods, so x[nb[k]] is mostly a cache miss: ask for
    // the value a few rows ahead now (it changes no result, only when the memory is read).
    if (k + kPrefetchAhead < entries) __builtin_prefetch(x + nb[k + kPrefetchAhead]);
    if constexpr (Mode == 0)
      s += x[nb[k]];
    else if constexpr (Mode == 1)
      s += lw[net.layer[k]] * x[nb[k]];
    else
      s += ew[k] * x[nb[k]];
  }
  float t = rw[i];
  const auto on = overlay.neighbours_of(static_cast<std::uint32_t>(i));
  if (!on.empty()) {
    const auto ow = overlay.weights_of(static_cast<std::uint32_t>(i));
    for (std::size_t j = 0; j < on.size(); ++j) s += cw * ow[j] * x[on[j]], t += cw * ow[j];
  }
  sum = s, total = t;
}

/// Frozen school ties that have ended ([demography], models/life/school_work.cpp): a tie of
/// `layer` counts only while both its people are children. Off while `activity` is null.
struct SchoolEnd {
  std::uint8_t layer = 0xff;
  const std::uint8_t* activity = nullptr;
  /// True when the school tie k of agent i to j has ended.
  bool ended(const sim::Network& net, std::uint64_t k, std::size_t i, std::uint32_t j) const {
    constexpr auto kChild = static_cast<std::uint8_t>(Activity::Child);
    return activity && net.layer[k] == layer && (activity[i] != kChild || activity[j] != kChild);
  }
};

/// The same over the ties to people still present ([demography]): a tie to someone who has
/// died carries no influence, so its weight leaves the row's total too; so does an ended school
/// tie.
template <int Mode>
inline void social_present(const sim::Network& net, const float* lw, const float* ew,
                           const TieOverlay& overlay, float cw, const float* x,
                           const std::uint8_t* present, std::size_t i, float& sum, float& total,
                           const SchoolEnd& school = {}) {
  float s = 0, t = 0;
  for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k) {
    const std::uint32_t j = net.neighbours[k];
    if (!present[j] || school.ended(net, k, i, j)) continue;
    const float wk = Mode == 0 ? 1.f : (Mode == 1 ? lw[net.layer[k]] : ew[k]);
    s += wk * x[j], t += wk;
  }
  const auto on = overlay.neighbours_of(static_cast<std::uint32_t>(i));
  const auto ow = overlay.weights_of(static_cast<std::uint32_t>(i));
  for (std::size_t j = 0; j < on.size(); ++j)
    if (present[on[j]]) s += cw * ow[j] * x[on[j]], t += cw * ow[j];
  sum = s, total = t;
}

template <int Mode>
void step(const sim::Network& net, sim::AgentStore& a, const CircumstanceEffects& fx,
          const EffectTables& tables, float log_median, const float* lw, const float* ew,
          const float* rw, const TieOverlay& overlay, float cw, float lambda, float alpha,
          float* latent, const SchoolEnd& school) {
  // Ties read each other's reported wellbeing; each person moves their own latent value.
  const float* x = a.wellbeing.data();
  float* next = a.wellbeing_next.data();
  const float* sp = a.set_point.data();
  const std::uint8_t* present = a.present.empty() ? nullptr : a.present.data();
  sim::for_blocks(a.size(), [&](std::size_t b, std::size_t e) {
    LastLog log;
    for (std::size_t i = b; i < e; ++i) {
      float sum, total;
      if (!present) {
        social<Mode>(net, lw, ew, rw, overlay, cw, x, i, sum, total);
      } else if (present[i]) {
        social_present<Mode>(net, lw, ew, overlay, cw, x, present, i, sum, total, school);
      } else {
        next[i] = x[i];  // the dead keep their last value; nothing reads it as a tie's
        continue;
      }
      const float u =
          sp[i] + effects_of(fx, tables, log_median, a, static_cast<std::uint32_t>(i), log);
      const float own = latent[i] + alpha * (u - latent[i]);
      const float v = total > 0 ? lambda * (sum / total) + (1 - lambda) * own : own;
      latent[i] = v;
      next[i] = std::clamp(v, 0.f, 10.f);
    }
  });
}

}  // namespace

void CommunityWellbeing::prepare(const sim::Network& net, sim::AgentStore& a, sim::Ledger&) {
  const std::size_t n = a.size();
  median_ = world_->median_income;
  const float log_median = std::log(std::max(static_cast<float>(median_), fx_.income_floor));
  const TieOverlay& overlay = world_->overlay;
  // Week-0 effects and rank reassignment of the calibrated values.
  std::vector<float> fx0(n), score(n);
  const sim::RandomStream noise(seed_, replicate_, name());
  sim::for_blocks(n, [&](std::size_t b, std::size_t e) {
    LastLog log;
    for (std::size_t i = b; i < e; ++i)
      fx0[i] = effects_of(fx_, tables_, log_median, a, static_cast<std::uint32_t>(i), log);
  });
  const auto sd = static_cast<float>(
      noise_sd_ >= 0 ? noise_sd_
                     : stationary_rank_noise(a.wellbeing, fx0, row_weight_, lambda_, alpha_));
  sim::for_blocks(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i)
      score[i] = fx0[i] + sd * static_cast<float>(noise.normal(0, static_cast<std::uint32_t>(i)));
  });
  assign_week0_by_rank(a, score, age_profile_);
  // Latent values (the reported ones inside the scale), then set points that make week 0 a
  // fixed point: u = l + lambda (l - Wx) / ((1 - lambda) alpha) for latent l.
  const ScaleTails tails = fit_tails(a.wellbeing);
  latent_.resize(n);
  const float* x = a.wellbeing.data();
  const std::uint8_t* present = a.present.empty() ? nullptr : a.present.data();
  const bool absent0 =
      present && std::find(a.present.begin(), a.present.end(), 0) != a.present.end();
  sim::for_blocks(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      float sum = 0, total = 0;
      if (absent0) {  // rows reserved for births: they hold nobody yet, so no influence
        if (mode_ == 0)
          social_present<0>(net, layer_weight_, nullptr, overlay, community_weight_, x, present, i,
                            sum, total);
        else if (mode_ == 1)
          social_present<1>(net, layer_weight_, nullptr, overlay, community_weight_, x, present, i,
                            sum, total);
        else
          social_present<2>(net, layer_weight_, entry_weight_.data(), overlay, community_weight_, x,
                            present, i, sum, total);
      } else if (mode_ == 0)
        social<0>(net, layer_weight_, nullptr, row_weight_.data(), overlay, community_weight_, x, i,
                  sum, total);
      else if (mode_ == 1)
        social<1>(net, layer_weight_, nullptr, row_weight_.data(), overlay, community_weight_, x, i,
                  sum, total);
      else
        social<2>(net, layer_weight_, entry_weight_.data(), row_weight_.data(), overlay,
                  community_weight_, x, i, sum, total);
      const float lam = total > 0 ? lambda_ : 0.f;
      const float wx = total > 0 ? sum / total : x[i];
      const auto agent = static_cast<std::uint32_t>(i);
      const float l = latent_[i] = latent_value(tails, x[i], noise.uniform(1, agent, 0));
      const float u = l + lam * (l - wx) / ((1 - lam) * alpha_);
      a.set_point[i] = u - fx0[i];
      a.susceptibility[i] = lam;
      a.initial_wellbeing[i] = a.wellbeing_next[i] = x[i];
    }
  });
}

void CommunityWellbeing::run(sim::Phase, sim::StepContext& ctx) {
  const float log_median = std::log(std::max(static_cast<float>(median_), fx_.income_floor));
  const TieOverlay& o = world_->overlay;
  SchoolEnd school;
  if (world_->school_ties_end && school_layer_ != 0xff)
    school = {school_layer_, ctx.agents.activity.data()};
  switch (mode_) {
    case 0:
      step<0>(ctx.network, ctx.agents, fx_, tables_, log_median, layer_weight_, nullptr,
              row_weight_.data(), o, community_weight_, lambda_, alpha_, latent_.data(), school);
      break;
    case 1:
      step<1>(ctx.network, ctx.agents, fx_, tables_, log_median, layer_weight_, nullptr,
              row_weight_.data(), o, community_weight_, lambda_, alpha_, latent_.data(), school);
      break;
    default:
      step<2>(ctx.network, ctx.agents, fx_, tables_, log_median, layer_weight_,
              entry_weight_.data(), row_weight_.data(), o, community_weight_, lambda_, alpha_,
              latent_.data(), school);
  }
}

}  // namespace wellsim::models
