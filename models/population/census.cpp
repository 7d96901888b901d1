// Census-style population synthesis for a UK town.
//
// Mechanism. Each neighbourhood is filled with households until it holds its configured number
// of people (the last household is cut to fit). A household's size is drawn from the configured
// shares; its composition from its size: one adult; a couple, two sharers or a lone parent with a
// child; a family (couple or lone parent) with dependent children (ages 0-15); or an adult-only
// household (a couple with grown-up children). Ages follow the roles (parents at least 18 years
// older than their oldest child), older people (65+) live alone or as couples. Then work, pay,
// tenure and housing costs are drawn per person and per household.
//
// Sources of the defaults:
// - household sizes 1..6 (6 = six or more, taken as six): 30/33/16/13/5/3% — ONS, Families and
//   households in the UK 2022 and Census 2021 E&W table TS017 (mean 2.4 people);
// - under 15: 17%, 65 and over: 19% of people — Census 2021 E&W (TS007A: 17.4% and 18.6%);
// - employment 74.8% of 16-64, unemployment 4.3% of the economically active — ONS Labour Force
//   Survey (A01, 2023 annual); the age profile of employment (lower at 16-24 and 50-64) follows
//   LFS table A05;
// - full-time weekly gross pay: median about GBP 640, log SD about 0.6 — ONS ASHE (table 1);
// - tenure of households: owned 62.6% (including 0.1% rent-free), social rent 17.1%, private rent
//   20.3% — Census 2021 E&W TS054; owned outright 52% of owners (32.5% of 62.5%);
// - weekly rents: social about GBP 95 (Regulator of Social Housing, 2023), private about GBP 190
//   (ONS Price Index of Private Rents, North West, 2023), mortgage about GBP 175 (English Housing
//   Survey 2022-23, mean mortgage payment);
// - 18.3% of people not White — Census 2021 E&W TS021 (minority_share);
// - about 60% of people 65+ living alone are widowed — ONS, Families and households 2022.
//
// Why built this way. The shares users know are of households (size, tenure) and of people (age
// bands, employment); composition rules produce realistic households but would miss the
// people-level targets if ages were independent of household type. So two unknowns are solved in
// closed form before drawing: the share of 3+-person households that hold dependent children
// (hits the under-15 share) and the chance that an adult-only household is older (hits the 65+
// share); the employment profile is rescaled over the drawn ages. Every target is then met in
// expectation, which the tests check within sampling error. Tenure is correlated with pay by a
// Gaussian copula (latent = rho * pay score + noise, cut at normal quantiles), so tenure shares
// stay exact whatever rho. Draws are keyed by (neighbourhood, index within it), so resizing one
// neighbourhood leaves the people of the others unchanged (common random numbers, invariant 2).
#include "models/population/census.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "sim/deterministic_parallel.hpp"
#include "sim/errors.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

namespace {

/// Share of 2-person households that are a lone parent with one child (Census 2021 TS003: lone
/// parents head 11% of households, about a third of them with one dependent child).
constexpr double kLoneParentOfTwo = 0.10;
/// Share of adult-only 2-person households that are couples (the rest share or are relatives).
constexpr double kCoupleOfPairs = 0.80;
/// Share of families with dependent children headed by a couple (ONS families 2022: ~75%).
constexpr double kCoupleFamilies = 0.75;
/// An adult-only household of 3+ is older half as often as a one- or two-person household.
constexpr double kOlderParents = 0.5;
/// Young adults (16-24) out of work who are students rather than otherwise inactive (LFS).
constexpr double kStudentOfYoungInactive = 0.8;
/// Highest household size accepted in household_size_shares.
constexpr std::size_t kMaxHouseholdSize = 20;

/// Purposes of draws (the low bits of the counter's step word; neighbourhood above them).
enum Purpose : std::uint32_t { kSize = 1, kCompose, kAge, kWork, kPay, kTenure, kHousing };

std::uint32_t key(Purpose p, std::size_t nb) { return static_cast<std::uint32_t>(nb << 4) | p; }

std::string prefix(const std::string& path) { return path.empty() ? "" : sim::where(path); }

sim::InputError error(const std::string& path, const std::string& k, const std::string& what) {
  return sim::InputError(prefix(path) + "population." + k + ": " + what);
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

/// Standard normal quantile by bisection (used a handful of times per run).
double normal_quantile(double p) {
  if (p <= 0) return -1e300;
  if (p >= 1) return 1e300;
  double lo = -40, hi = 40;
  for (int i = 0; i < 200; ++i) {
    double mid = 0.5 * (lo + hi);
    (normal_cdf(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

/// The closed-form unknowns of the synthesis (see the file comment).
struct Calibration {
  std::vector<double> size_cdf;  ///< cumulative household size shares, sizes 1..K
  double family = 0;             ///< P(a 3+-person household holds dependent children)
  double older = 0;              ///< P(a 1- or 2-person adult household is 65+)
};

Calibration calibrate(const CensusParams& p, const std::string& path) {
  const auto& shares = p.household_size_shares;
  if (shares.empty() || shares.size() > kMaxHouseholdSize)
    throw error(path, "household_size_shares",
                "expected 1 to " + std::to_string(kMaxHouseholdSize) +
                    " shares (sizes 1, 2, ...), found " + std::to_string(shares.size()));
  double total = std::accumulate(shares.begin(), shares.end(), 0.0);
  if (std::abs(total - 1) > 1e-6)
    throw error(path, "household_size_shares",
                "expected shares summing to 1, found a sum of " + sim::format_number(total));
  Calibration c;
  double mean = 0, cum = 0, child_slots = 0, older_slots_big = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const double k = static_cast<double>(i + 1), s = shares[i];
    cum += s / total;
    c.size_cdf.push_back(cum);
    mean += s * k;
    if (i >= 2) {
      child_slots += s * (kCoupleFamilies * (k - 2) + (1 - kCoupleFamilies) * (k - 1));
      older_slots_big += s;
    }
  }
  c.size_cdf.back() = 1.0;
  const double s1 = shares[0], s2 = shares.size() > 1 ? shares[1] : 0.0;
  // Children are 0-15 with uniform ages, so the under-15 share is 15/16 of the child share.
  const double children = p.under15_share * 16.0 / 15.0 * mean;
  const double from_pairs = s2 * kLoneParentOfTwo;
  c.family = child_slots > 0 ? (children - from_pairs) / child_slots : -1;
  if (c.family < 0 || c.family > 1)
    throw error(path, "under15_share",
                "cannot reach " + sim::format_number(p.under15_share) +
                    " of people under 15 with these household sizes (families would have to be " +
                    sim::format_number(std::round(c.family * 1000) / 10) +
                    "% of 3+-person households)");
  if (c.family == 0 && child_slots == 0) c.family = 0;
  // Older people: one-person households, both adults of adult-only pairs, and the two parents
  // of adult-only 3+ households with half the chance.
  const double older_people = p.over65_share * mean;
  const double per_unit =
      s1 + 2 * s2 * (1 - kLoneParentOfTwo) + 2 * kOlderParents * older_slots_big * (1 - c.family);
  c.older = per_unit > 0 ? older_people / per_unit : -1;
  if (c.older < 0 || c.older > 1)
    throw error(path, "over65_share",
                "cannot reach " + sim::format_number(p.over65_share) +
                    " of people aged 65+ with these household sizes");
  return c;
}

/// Age of an older person: 65 plus an exponential with mean 11 years (ONS mid-2021 estimates:
/// about 40% of the 65+ are 75+ and 16% are 85+), capped at 100.
std::uint8_t older_age(double u) {
  return static_cast<std::uint8_t>(65 + std::min(35.0, std::floor(-std::log(u) * 11.0)));
}

std::uint8_t uniform_age(double u, int lo, int hi) {
  return static_cast<std::uint8_t>(lo + std::min(hi - lo, static_cast<int>(u * (hi - lo + 1))));
}

/// Writes ages and partner/head/widowed bits of one household [s, s + k).
void compose(People& out, std::size_t s, std::size_t k, const Calibration& c, double widowed,
             const sim::RandomStream& rng, std::uint32_t compose_key, std::uint32_t age_key,
             std::uint32_t local_h, std::uint32_t local_first) {
  auto w = rng.words(compose_key, local_h);
  const double u0 = sim::word_unit(w[0]), u1 = sim::word_unit(w[1]), u2 = sim::word_unit(w[2]);
  auto age_u = [&](std::size_t m, unsigned j) {
    return sim::word_unit(rng.words(age_key, local_first + static_cast<std::uint32_t>(m))[j]);
  };
  std::uint8_t* age = out.age.data() + s;
  std::uint8_t* traits = out.traits.data() + s;
  std::size_t adults = k, children = 0;
  bool couple = false;
  bool older = false;
  if (k == 1) {
    older = u0 < c.older;
  } else if (k == 2 && u0 < kLoneParentOfTwo) {
    children = 1;
  } else if (k == 2) {
    couple = u1 < kCoupleOfPairs;
    older = u2 < c.older;
  } else if (u0 < c.family) {
    couple = u1 < kCoupleFamilies;
    children = couple ? k - 2 : k - 1;
  } else {
    couple = true;  // parents with grown-up children at home
    older = u2 < c.older * kOlderParents;
  }
  adults = k - children;
  int oldest_child = -1;
  for (std::size_t m = adults; m < k; ++m) {
    age[m] = uniform_age(age_u(m, 0), 0, 15);
    oldest_child = std::max<int>(oldest_child, age[m]);
  }
  if (children > 0) {
    // Parents: at least 18 years older than the oldest child, at most 64.
    const int lo = std::max(20, oldest_child + 18);
    age[0] = uniform_age(age_u(0, 0), lo, std::max(lo, 55));
    if (couple)
      age[1] = static_cast<std::uint8_t>(
          std::clamp<int>(age[0] + static_cast<int>(std::floor(age_u(1, 0) * 9)) - 4,
                          std::max(18, oldest_child + 16), 64));
  } else if (k == 1) {
    age[0] = older ? older_age(age_u(0, 0)) : uniform_age(age_u(0, 0), 20, 64);
    if (older && age_u(0, 1) < widowed) traits[0] |= kWidowed;
  } else if (k == 2) {
    for (std::size_t m = 0; m < 2; ++m)
      age[m] = older ? older_age(age_u(m, 0)) : uniform_age(age_u(m, 0), 18, 64);
    if (couple && !older)  // partners of similar age
      age[1] = static_cast<std::uint8_t>(
          std::clamp<int>(age[0] + static_cast<int>(std::floor(age_u(1, 1) * 9)) - 4, 18, 64));
  } else {
    for (std::size_t m = 0; m < 2; ++m)
      age[m] = older ? older_age(age_u(m, 0)) : uniform_age(age_u(m, 0), 40, 64);
    const int parent = std::min(age[0], age[1]);
    for (std::size_t m = 2; m < k; ++m)
      age[m] = older ? uniform_age(age_u(m, 0), 30, 49)
                     : uniform_age(age_u(m, 0), 16, std::max(16, std::min(34, parent - 20)));
  }
  traits[0] |= kHouseholdHead;
  if (couple) traits[0] |= kPartnered, traits[1] |= kPartnered;
}

/// Relative chance of employment by age (ONS LFS A05, 2023: about 26% at 16-17, 58% at 18-24,
/// 83% at 25-34, 84% at 35-49, 71% at 50-64); rescaled to the configured 16-64 rate.
double employment_weight(int age) {
  if (age < 18) return 0.35;
  if (age < 25) return 0.78;
  if (age < 35) return 1.11;
  if (age < 50) return 1.12;
  return 0.95;
}

/// Relative full-time pay by age (ASHE table 6: pay rises to the 40s and falls a little after).
double pay_weight(int age) {
  if (age < 18) return 0.45;
  if (age < 22) return 0.65;
  if (age < 30) return 0.88;
  if (age < 60) return 1.05;
  return 0.95;
}

}  // namespace

double scaled_size(double size, double scale) {
  return scale == 1 ? size : std::max(1.0, std::round(size * scale));
}

namespace {

void check_neighbourhoods(const CensusParams& p, const std::string& path) {
  const auto& names = p.neighbourhoods;
  const auto& sizes = p.sizes;
  if (names.empty()) throw error(path, "neighbourhoods", "expected at least one name");
  if (names.size() != sizes.size())
    throw error(path, "sizes",
                "expected one size per neighbourhood (" + std::to_string(names.size()) +
                    "), found " + std::to_string(sizes.size()));
  std::set<std::string> seen;
  for (const auto& name : names)
    if (name.empty() || !seen.insert(name).second)
      throw error(path, "neighbourhoods",
                  name.empty() ? "names must not be empty" : "'" + name + "' is repeated");
  double total = 0;
  for (std::size_t b = 0; b < sizes.size(); ++b) {
    if (sizes[b] < 1 || sizes[b] != std::floor(sizes[b]))
      throw error(path, "sizes",
                  "expected whole numbers of people (at least 1), found " +
                      sim::format_number(sizes[b]) + " for " + names[b]);
    total += scaled_size(sizes[b], p.scale);
  }
  if (total > 2147483647.0)
    throw error(path, "sizes",
                "the neighbourhoods hold " + sim::format_number(total) + " people, over 2^31 - 1");
}

void check_tenure(const CensusParams& p, const std::string& path) {
  const auto& t = p.tenure_shares;
  if (t.size() != 3)
    throw error(
        path, "tenure_shares",
        "expected 3 shares (owner, social rent, private rent), found " + std::to_string(t.size()));
  double total = t[0] + t[1] + t[2];
  if (std::abs(total - 1) > 1e-6)
    throw error(path, "tenure_shares",
                "expected shares summing to 1, found a sum of " + sim::format_number(total));
}

/// The rules of check_census, on parameters already read.
void check(const CensusParams& p, const std::string& path) {
  check_neighbourhoods(p, path);
  check_tenure(p, path);
  calibrate(p, path);
  if (p.employment_rate + p.employment_rate * p.unemployment_rate / (1 - p.unemployment_rate) >
      0.95)
    throw error(path, "unemployment_rate",
                "employment_rate and unemployment_rate leave under 5% of 16-64 year olds outside "
                "the labour force");
}

}  // namespace

// Long because it is a list: one declaration per key, each with its default and source.
const sim::ParamTable<CensusParams>& census_table() {
  using P = CensusParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("neighbourhoods", &P::neighbourhoods,
          std::vector<std::string>{"Stacksteads", "Bacup", "Britannia", "Weir", "Sharneyford"})
        .help("Names of the neighbourhoods (default: five wards of a Pennine valley town).");
    t.add("sizes", &P::sizes, std::vector<double>{4600, 5200, 3700, 3400, 3100})
        .range(1, 2147483647.0)
        .unit("people")
        .help("People in each neighbourhood, one per name.");
    t.add("scale", &P::scale, 1.0)
        .range(1e-6, 1)
        .help(
            "Multiplies every neighbourhood's size (rounded, at least 1 person): "
            "scenarios/uk.toml with 0.01 is 1% of each neighbourhood, same neighbourhoods and "
            "regions.");
    t.add("household_size_shares", &P::household_size_shares,
          std::vector<double>{0.30, 0.33, 0.16, 0.13, 0.05, 0.03})
        .range(0, 1)
        .help(
            "Share of households with 1, 2, ... people; the last is 'that many or more', taken "
            "as that many (Census 2021 E&W TS017: 0.30, 0.33, 0.16, 0.13, 0.05, 0.03; mean "
            "2.4).");
    t.add("under15_share", &P::under15_share, 0.17)
        .range(0, 0.5)
        .help("Share of people aged under 15 (Census 2021 E&W TS007A: about 17%).");
    t.add("over65_share", &P::over65_share, 0.19)
        .range(0, 0.9)
        .help("Share of people aged 65 or over (Census 2021 E&W TS007A: about 19%).");
    t.add("employment_rate", &P::employment_rate, 0.748)
        .range(0, 0.9)
        .help("Share of people aged 16-64 in work (ONS LFS 2023: 74.8%).");
    t.add("unemployment_rate", &P::unemployment_rate, 0.043)
        .range(0, 0.5)
        .help("Unemployed share of the economically active (ONS LFS 2023: 4.3%).");
    t.add("wage_median", &P::wage_median, 640.0)
        .range(1, 1e5)
        .unit("GBP/week")
        .help("Median weekly gross pay of full-time employees (ONS ASHE: about GBP 640).");
    t.add("wage_log_sd", &P::wage_log_sd, 0.6)
        .range(0, 3)
        .help("Standard deviation of log weekly pay (ASHE percentiles: about 0.6).");
    t.add("tenure_shares", &P::tenure_shares, std::vector<double>{0.626, 0.171, 0.203})
        .range(0, 1)
        .help(
            "Share of households that own, rent socially, rent privately (Census 2021 E&W "
            "TS054: 0.626 incl. rent-free, 0.171, 0.203).");
    t.add("tenure_income_correlation", &P::tenure_income_correlation, 0.5)
        .range(0, 0.99)
        .help(
            "Correlation between the head's pay score and the latent that orders tenure "
            "(owners high, social renters low); 0 makes tenure independent of pay.");
    t.add("outright_owner_share", &P::outright_owner_share, 0.52)
        .range(0, 1)
        .help(
            "Share of owners who own outright and pay no mortgage (Census 2021: 32.5% of "
            "62.5%).");
    t.add("mortgage_cost", &P::mortgage_cost, 175.0)
        .range(0, 1e4)
        .unit("GBP/week")
        .help("Mean weekly mortgage payment (English Housing Survey 2022-23: about GBP 175).");
    t.add("social_rent", &P::social_rent, 95.0)
        .range(0, 1e4)
        .unit("GBP/week")
        .help("Mean weekly social rent (Regulator of Social Housing 2023: about GBP 95).");
    t.add("private_rent", &P::private_rent, 190.0)
        .range(0, 1e4)
        .unit("GBP/week")
        .help("Mean weekly private rent (ONS PIPR, North West 2023: about GBP 190).");
    t.add("housing_cost_log_sd", &P::housing_cost_log_sd, 0.25)
        .range(0, 2)
        .help("Standard deviation of log housing cost around the tenure's mean.");
    t.add("minority_share", &P::minority_share, 0.183)
        .range(0, 1)
        .help(
            "Share of households visibly different or of a minority group; members share it "
            "(Census 2021 E&W TS021: 18.3% not White).");
    t.add("widowed_share", &P::widowed_share, 0.6)
        .range(0, 1)
        .help(
            "Share of people aged 65+ living alone who are widowed (ONS families 2022: about "
            "60%).");
  });
}

const std::vector<sim::ParamSpec>& census_params() { return census_table().specs(); }

void check_census(const sim::ParamSet& p, const std::string& scenario_path) {
  check(census_table().read(p), scenario_path);
}

namespace {

/// A household of the synthesis: its people are agents start..start+size-1.
struct Household {
  std::uint32_t start, size, local, local_first;
  std::int32_t nb;
};

/// Household sizes, drawn one neighbourhood at a time (cheap and sequential), so that every
/// later loop can run over fixed blocks in parallel.
std::vector<Household> draw_households(const CensusParams& p, const Calibration& c,
                                       const sim::RandomStream& rng) {
  std::vector<Household> households;
  std::size_t n = 0;
  for (std::size_t b = 0; b < p.sizes.size(); ++b) {
    const auto target = static_cast<std::size_t>(scaled_size(p.sizes[b], p.scale));
    std::size_t filled = 0;
    for (std::uint32_t h = 0; filled < target; ++h) {
      const double u = rng.uniform(key(kSize, b), h);
      std::size_t k = 1;
      while (k < c.size_cdf.size() && u >= c.size_cdf[k - 1]) ++k;
      k = std::min(k, target - filled);
      households.push_back({static_cast<std::uint32_t>(n + filled), static_cast<std::uint32_t>(k),
                            h, static_cast<std::uint32_t>(filled), static_cast<std::int32_t>(b)});
      filled += k;
    }
    n += filled;
  }
  return households;
}

/// Work and pay: the age profile is rescaled over the ages actually drawn, so the 16-64
/// employment rate is the configured one in expectation; unemployment is a fixed share of the
/// active at every age.
void draw_work(const CensusParams& p, const std::vector<Household>& households,
               const sim::RandomStream& rng, People& out) {
  double weight_sum = 0, working_age = 0;
  for (std::size_t i = 0; i < out.age.size(); ++i)
    if (out.age[i] >= 16 && out.age[i] <= 64)
      weight_sum += employment_weight(out.age[i]), ++working_age;
  const double scale = working_age > 0 ? p.employment_rate * working_age / weight_sum : 0;
  const double unemployed_per_employed = p.unemployment_rate / (1 - p.unemployment_rate);
  const double median = p.wage_median, wage_sd = p.wage_log_sd;
  sim::for_blocks(households.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t h = begin; h < end; ++h) {
      const Household& hh = households[h];
      const std::uint32_t work_key = key(kWork, hh.nb), pay_key = key(kPay, hh.nb);
      for (std::uint32_t m = 0; m < hh.size; ++m) {
        const std::size_t i = hh.start + m;
        const std::uint32_t local = hh.local_first + m;
        const int a = out.age[i];
        const double u = rng.uniform(work_key, local);
        Activity act = Activity::Retired;
        if (a < 16) {
          act = Activity::Child;
        } else if (a <= 64) {
          const double employed = std::min(0.93, scale * employment_weight(a));
          const double unemployed = employed * unemployed_per_employed;
          if (u < employed)
            act = Activity::Employed;
          else if (u < employed + unemployed)
            act = Activity::Unemployed;
          else if (a <= 24 && rng.uniform(work_key, local, 1) < kStudentOfYoungInactive)
            act = Activity::Student;
          else
            act = Activity::Inactive;
        } else if (u < (a == 65 ? 0.25 : a <= 74 ? 0.08 : 0.0)) {
          act = Activity::Employed;  // LFS: about a tenth of 65-74 year olds work
        }
        out.activity[i] = static_cast<std::uint8_t>(act);
        if (a >= 16 && (a <= 74 || act == Activity::Employed))
          out.wage[i] = static_cast<float>(median * pay_weight(a) *
                                           std::exp(wage_sd * rng.normal(pay_key, local)));
      }
    }
  });
}

/// Tenure, minority status and housing cost per household, the cost on the head.
void draw_housing(const CensusParams& p, const std::vector<Household>& households,
                  const sim::RandomStream& rng, People& out) {
  const auto& t = p.tenure_shares;
  const double social_cut = normal_quantile(t[1]), owner_cut = normal_quantile(t[1] + t[2]);
  const double rho = p.tenure_income_correlation, rest = std::sqrt(1 - rho * rho);
  const double outright = p.outright_owner_share, cost_sd = p.housing_cost_log_sd;
  const double cost[3] = {p.mortgage_cost, p.social_rent, p.private_rent};
  const double minority = p.minority_share;
  sim::for_blocks(households.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t h = begin; h < end; ++h) {
      const Household& hh = households[h];
      const double pay_score = rng.normal(key(kPay, hh.nb), hh.local_first);  // the head's
      const double latent = rho * pay_score + rest * rng.normal(key(kTenure, hh.nb), hh.local);
      const std::uint8_t tenure = latent < social_cut ? 1 : latent < owner_cut ? 2 : 0;
      const auto w = rng.words(key(kHousing, hh.nb), hh.local);
      const bool is_minority = sim::word_unit(w[0]) < minority;
      double weekly = 0;
      if (tenure != 0 || sim::word_unit(w[1]) >= outright) {
        const double z = rng.normal(key(kHousing, hh.nb), hh.local, 1);
        weekly = cost[tenure] * std::exp(cost_sd * z - 0.5 * cost_sd * cost_sd);
      }
      for (std::size_t i = hh.start; i < hh.start + hh.size; ++i) {
        out.tenure[i] = tenure;
        if (is_minority) out.traits[i] |= kMinority;
      }
      out.housing_cost[hh.start] = static_cast<float>(weekly);
    }
  });
}

}  // namespace

People synthesise_census(const sim::ParamSet& set, std::uint64_t seed, std::uint32_t replicate) {
  const CensusParams p = census_table().read(set);
  check(p, "");
  const Calibration c = calibrate(p, "");
  const sim::RandomStream rng(seed, replicate, "population.census");
  const std::vector<Household> households = draw_households(p, c, rng);
  People out;
  out.resize(households.empty() ? 0 : households.back().start + households.back().size);
  out.neighbourhood_names = p.neighbourhoods;
  const double widowed = p.widowed_share;
  sim::for_blocks(households.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t h = begin; h < end; ++h) {
      const Household& hh = households[h];
      for (std::size_t i = hh.start; i < hh.start + hh.size; ++i) {
        out.household[i] = static_cast<std::uint32_t>(h);
        out.neighbourhood[i] = hh.nb;
        out.original_id[i] = static_cast<std::int64_t>(i);
      }
      compose(out, hh.start, hh.size, c, widowed, rng, key(kCompose, hh.nb), key(kAge, hh.nb),
              hh.local, hh.local_first);
    }
  });
  draw_work(p, households, rng, out);
  draw_housing(p, households, rng, out);
  return out;
}

}  // namespace wellsim::models
