// Synthetic members for the real households of 38 Karnataka villages (Banerjee, Chandrasekhar,
// Duflo & Jackson 2013; the "microfi" teaching copy in shared/data/banerjee_karnataka_villages).
//
// Mechanism. Each row of microfi_households.csv (loan,hh,village,religion,roof,rooms,beds,
// electricity,ownership,leader) becomes one household. Its size is drawn from
// `household_size_shares`; its members are a head (25-60), a spouse (most households of 2+), in
// larger households often an elderly parent (joint families), and children or grown-up children.
// The survey's attributes are used where they exist:
// - religion islam or christian -> every member has Trait kMinority (5% of households);
// - ownership OWNED/SHARE_OWNED -> owner, GOVERNMENT -> social tenancy, RENTED/LEASED -> private;
// - roof material, rooms and electricity -> a wealth score (standardised over the file) that
//   scales everyone's potential pay by exp(wealth_effect * score): durable housing and an
//   electricity connection are the standard asset proxies of Indian surveys (NFHS wealth index).
// Households that appear only in the edge list (9 ids in the microfi copy) get default attributes
// (Hindu, owner, average wealth, village = id / 1000 as in the data's id scheme) when the
// `ties` key names that list, so no tie of the real network is lost.
//
// Sources of the defaults: household size mean about 4.5 in rural Karnataka (NFHS-5, 2019-21,
// state fact sheet); the shape of the size distribution (4 and 5 most common, a tail of joint
// families) follows NFHS-5's all-India table; employment and unemployment of rural 15-59 year
// olds from India's Periodic Labour Force Survey 2022-23 (worker population ratio about 0.6,
// unemployment about 2.4%). Money is in the model's unit (the same GBP-equivalent scale as the
// town), so that costs and benefits of the community model apply unchanged.
//
// Why built this way: the microfi data have no individual records, but the community model
// works on people, so members are synthesised inside the real households and every draw is keyed
// by the household's id (not its position), so adding the edge list's extra households leaves
// everyone else unchanged.
#include "models/population/village_households.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "models/network/source_support.hpp"
#include "sim/errors.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

namespace {

constexpr const char* kHeader =
    "loan,hh,village,religion,roof,rooms,beds,electricity,ownership,leader";
constexpr std::size_t kMaxSize = 99;  // member index must fit in the last two decimal digits

enum Purpose : std::uint32_t { kSize = 1, kCompose, kAge, kWork, kPay };

struct Row {
  std::int64_t hh = 0, village = 0;
  bool minority = false;
  std::uint8_t tenure = 0;
  double wealth = 0;  // raw score; standardised later
  bool known = true;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::int64_t whole(std::string_view text, const std::string& at, const char* column,
                   std::int64_t lo, std::int64_t hi) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < lo || value > hi)
    throw sim::InputError(at + "column " + column + ": expected a whole number from " +
                          std::to_string(lo) + " to " + std::to_string(hi) + ", found '" +
                          std::string(text) + "'");
  return value;
}

double roof_score(std::string_view roof) {
  if (roof == "rcc") return 3;  // reinforced concrete
  if (roof == "stone" || roof == "tile") return 2;
  if (roof == "sheet") return 1;
  if (roof == "thatch") return 0;
  return 1;  // "other" and anything unlisted: middling
}

std::vector<Row> read_households(const std::string& path) {
  const LineText text(path, "village file");
  std::string_view rest = text.view();
  std::vector<Row> rows;
  std::set<std::int64_t> seen;
  for (long line = 1; !rest.empty(); ++line) {
    const std::size_t nl = rest.find('\n');
    const std::string_view raw = trim(rest.substr(0, nl));
    rest.remove_prefix(nl + 1);
    const std::string at = sim::where(path, line);
    if (line == 1) {
      if (raw != kHeader)
        throw sim::InputError(at + "expected the header '" + kHeader + "', found '" +
                              std::string(raw.substr(0, 120)) + "'");
      continue;
    }
    if (raw.empty()) continue;
    std::vector<std::string_view> f;
    for (std::size_t from = 0;;) {
      const std::size_t comma = raw.find(',', from);
      f.push_back(
          trim(raw.substr(from, comma == std::string_view::npos ? raw.npos : comma - from)));
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
    if (f.size() != 10)
      throw sim::InputError(at + "expected 10 comma-separated fields (" + kHeader + "), found " +
                            std::to_string(f.size()));
    Row r;
    whole(f[0], at, "loan", 0, 1);
    r.hh = whole(f[1], at, "hh", 1, std::int64_t{1} << 40);
    r.village = whole(f[2], at, "village", 0, 1 << 30);
    r.minority = f[3] == "islam" || f[3] == "christian";
    const auto rooms = whole(f[5], at, "rooms", 0, 1000);
    whole(f[6], at, "beds", 0, 1000);
    const auto electricity = whole(f[7], at, "electricity", 0, 1);
    if (f[8] == "OWNED" || f[8] == "SHARE_OWNED")
      r.tenure = 0;
    else if (f[8] == "GOVERNMENT")
      r.tenure = 1;
    else if (f[8] == "RENTED" || f[8] == "LEASED")
      r.tenure = 2;
    else
      throw sim::InputError(at +
                            "column ownership: expected OWNED, SHARE_OWNED, GOVERNMENT, "
                            "RENTED or LEASED, found '" +
                            std::string(f[8]) + "'");
    whole(f[9], at, "leader", 0, 1);
    r.wealth = roof_score(f[4]) + std::min<double>(rooms, 6) + 2.0 * electricity;
    if (!seen.insert(r.hh).second)
      throw sim::InputError(at + "column hh: household " + std::to_string(r.hh) +
                            " is listed twice");
    rows.push_back(r);
  }
  return rows;
}

sim::InputError error(const std::string& path, const std::string& key, const std::string& what) {
  return sim::InputError((path.empty() ? "" : sim::where(path)) + "population." + key + ": " +
                         what);
}

}  // namespace

const sim::ParamTable<VillagePopulationParams>& village_population_table() {
  using P = VillagePopulationParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("households", &P::households, "")
        .path()
        .required()
        .help(
            "Household CSV (loan,hh,village,religion,roof,rooms,beds,electricity,ownership,"
            "leader), e.g. banerjee_karnataka_villages/microfi_households.csv.");
    t.add("ties", &P::ties, "")
        .path()
        .help(
            "The household edge list of [network], when households named only there should "
            "get default attributes; empty: ties to them are dropped.");
    t.add("household_size_shares", &P::household_size_shares,
          std::vector<double>{0.04, 0.10, 0.15, 0.25, 0.20, 0.12, 0.06, 0.04, 0.04})
        .range(0, 1)
        .help(
            "Share of households with 1, 2, ... members, the last 'that many or more' (mean "
            "4.5 as in rural Karnataka, NFHS-5 2019-21).");
    t.add("employment_rate", &P::employment_rate, 0.6)
        .range(0, 0.95)
        .help("Share of people aged 16-64 in work (PLFS 2022-23 rural: about 0.6).");
    t.add("unemployment_rate", &P::unemployment_rate, 0.024)
        .range(0, 0.5)
        .help("Unemployed share of the economically active (PLFS 2022-23 rural: about 2.4%).");
    t.add("wage_median", &P::wage_median, 640.0)
        .range(1, 1e5)
        .unit("GBP/week")
        .help("Median weekly pay at average wealth, in the model's money unit.");
    t.add("wage_log_sd", &P::wage_log_sd, 0.6)
        .range(0, 3)
        .help("SD of log pay around the household's level.");
    t.add("wealth_effect", &P::wealth_effect, 0.4)
        .range(0, 3)
        .help("Change of log pay per SD of the wealth score (roof, rooms, electricity).");
    t.add("social_rent", &P::social_rent, 30.0)
        .range(0, 1e4)
        .unit("GBP/week")
        .help("Weekly rent of government housing.");
    t.add("private_rent", &P::private_rent, 90.0)
        .range(0, 1e4)
        .unit("GBP/week")
        .help("Weekly rent of rented or leased homes.");
  });
}

const std::vector<sim::ParamSpec>& village_population_params() {
  return village_population_table().specs();
}

std::vector<HouseholdTie> read_household_ties(const std::string& path) {
  const LineText text(path, "village file");
  std::string_view rest = text.view();
  std::vector<HouseholdTie> ties;
  for (long line = 1; !rest.empty(); ++line) {
    const std::size_t nl = rest.find('\n');
    std::string_view s = trim(rest.substr(0, nl));
    rest.remove_prefix(nl + 1);
    if (s.empty() || s.front() == '#') continue;
    std::int64_t id[2] = {0, 0};
    const char* p = s.data();
    const char* end = s.data() + s.size();
    bool ok = true;
    for (int k = 0; k < 2 && ok; ++k) {
      while (p < end && (*p == ' ' || *p == '\t' || *p == ',')) ++p;
      auto [next, ec] = std::from_chars(p, end, id[k]);
      ok = ec == std::errc() && id[k] >= 0 && id[k] < (std::int64_t{1} << 40);
      p = next;
    }
    while (ok && p < end && (*p == ' ' || *p == '\t')) ++p;
    if (!ok || p != end)
      throw sim::InputError(sim::where(path, line) + "expected two household ids, found '" +
                            std::string(s.substr(0, 80)) + "'");
    ties.push_back({id[0], id[1]});
  }
  return ties;
}

People village_people(const sim::ParamSet& population, const std::string& scenario_path,
                      std::uint64_t seed, std::uint32_t replicate) {
  const VillagePopulationParams p = village_population_table().read(population);
  const auto& shares = p.household_size_shares;
  if (shares.empty() || shares.size() > kMaxSize)
    throw error(
        scenario_path, "household_size_shares",
        "expected 1 to 99 shares (sizes 1, 2, ...), found " + std::to_string(shares.size()));
  const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
  if (std::abs(total - 1) > 1e-6)
    throw error(scenario_path, "household_size_shares",
                "expected shares summing to 1, found a sum of " + sim::format_number(total));
  std::vector<Row> rows = read_households(p.households);
  // Standardise wealth over the file's households, then add the edge list's extra households.
  double mean = 0, var = 0;
  for (const Row& r : rows) mean += r.wealth;
  mean /= std::max<std::size_t>(1, rows.size());
  for (const Row& r : rows) var += (r.wealth - mean) * (r.wealth - mean);
  const double sd = rows.size() > 1 ? std::sqrt(var / (rows.size() - 1)) : 0;
  for (Row& r : rows) r.wealth = sd > 0 ? (r.wealth - mean) / sd : 0;
  if (!p.ties.empty()) {
    std::set<std::int64_t> known;
    for (const Row& r : rows) known.insert(r.hh);
    std::set<std::int64_t> extra;
    for (const auto& t : read_household_ties(p.ties))
      for (std::int64_t id : {t.a, t.b})
        if (!known.count(id)) extra.insert(id);
    for (std::int64_t id : extra) rows.push_back({id, id / 1000, false, 0, 0.0, false});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.village != b.village ? a.village < b.village : a.hh < b.hh;
  });

  const sim::RandomStream rng(seed, replicate, "population.village_households");
  const double employment = p.employment_rate;
  const double unemployment = employment * p.unemployment_rate / (1 - p.unemployment_rate);
  const double median = p.wage_median, wage_sd = p.wage_log_sd;
  const double wealth_effect = p.wealth_effect;
  const double rent[3] = {0.0, p.social_rent, p.private_rent};
  People out;
  std::map<std::int64_t, std::int32_t> village_index;
  for (std::size_t h = 0; h < rows.size(); ++h) {
    const Row& r = rows[h];
    const auto key = static_cast<std::uint32_t>(r.hh);
    auto [it, fresh] =
        village_index.emplace(r.village, static_cast<std::int32_t>(village_index.size()));
    if (fresh) out.neighbourhood_names.push_back("village " + std::to_string(r.village));
    // Size from the shares.
    const double u = rng.uniform(kSize, key);
    std::size_t k = 1;
    for (double cum = shares[0]; k < shares.size() && u >= cum / total; ++k) cum += shares[k];
    // Members: head, spouse, maybe an elderly parent, then children (or grown-up children).
    const auto w = rng.words(kCompose, key);
    const bool spouse = k >= 2 && sim::word_unit(w[0]) < 0.9;
    const bool elder = k >= 4 && sim::word_unit(w[1]) < 0.3;
    const int head_age = 25 + static_cast<int>(sim::word_unit(w[2]) * 36);
    std::vector<std::pair<int, std::uint8_t>> members;  // (age, traits)
    members.emplace_back(head_age, kHouseholdHead | (spouse ? kPartnered : 0));
    if (spouse)
      members.emplace_back(
          std::clamp(head_age - 3 + static_cast<int>(sim::word_unit(w[3]) * 7) - 3, 18, 70),
          kPartnered);
    if (elder)
      members.emplace_back(60 + static_cast<int>(sim::word_unit(rng.words(kAge, key, 0)[0]) * 26),
                           kWidowed);
    for (std::size_t m = members.size(); m < k; ++m) {
      const int oldest = std::min(25, head_age - 18);
      members.emplace_back(
          static_cast<int>(sim::word_unit(rng.words(kAge, key, m)[1]) * (oldest + 1)), 0);
    }
    for (std::size_t m = 0; m < k; ++m) {
      const auto [age, traits] = members[m];
      const auto cw = rng.words(kWork, key, static_cast<std::uint32_t>(m));
      Activity act = Activity::Retired;
      if (age < 16)
        act = Activity::Child;
      else if (age <= 64) {
        const double x = sim::word_unit(cw[0]);
        act = x < employment                  ? Activity::Employed
              : x < employment + unemployment ? Activity::Unemployed
              : age <= 22                     ? Activity::Student
                                              : Activity::Inactive;
      }
      out.household.push_back(static_cast<std::uint32_t>(h));
      out.neighbourhood.push_back(it->second);
      out.age.push_back(static_cast<std::uint8_t>(std::min(age, 100)));
      out.traits.push_back(traits | (r.minority ? kMinority : 0));
      out.tenure.push_back(r.tenure);
      out.activity.push_back(static_cast<std::uint8_t>(act));
      out.wage.push_back(
          age >= 16 && age <= 74
              ? static_cast<float>(median * std::exp(wealth_effect * r.wealth +
                                                     wage_sd * rng.normal(kPay, key, m)))
              : 0.f);
      out.housing_cost.push_back(m == 0 ? static_cast<float>(rent[r.tenure]) : 0.f);
      out.original_id.push_back(r.hh * 100 + static_cast<std::int64_t>(m));
    }
  }
  return out;
}

}  // namespace wellsim::models
