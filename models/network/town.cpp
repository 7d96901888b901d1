// The multiplex network of a town, layer by layer.
//
// - household: every household is a clique (people who live together all interact).
// - kin: each household is tied to about `kin_households` other households, a share
//   `kin_local` of them in the same neighbourhood (most British adults have relatives within
//   half an hour: Chan & Ermisch 2015, UKHLS). The heads are tied, and every other adult of the
//   initiating household to a random adult of the other: kin ties are adult-to-adult; children
//   reach kin through their parents.
// - close_friend and friend: Dunbar's support clique (~5 including the household) and sympathy
//   group (~15): Dunbar 1998; Hill & Dunbar 2003. Everyone aged 5+ makes half their expected
//   ties (the other half arrive as others' choices), picking a partner of similar age (normal
//   with SD `friend_age_sd` years; children among children aged 5-15 with `child_friend_age_sd`)
//   in their own neighbourhood with probability `friend_local`, elsewhere in town otherwise:
//   friendship is homophilous by age and place (McPherson, Smith-Lovin & Cook 2001).
// - regions (optional; docs/scaling.md, scenarios/uk.toml): a population as large as a country
//   names a region for each neighbourhood, and "elsewhere in town" becomes "elsewhere in the
//   region" for kin and friends, except a share `beyond_region` drawn from the whole population;
//   workplaces are filled within a region. Without regions the town is one region and the draws
//   are those of a town (no draw is added), so a town's network is unchanged.
// - workplace: employed people working in town (`work_in_town`) are shuffled into workplaces
//   whose sizes follow a Zipf law (firm sizes: Axtell 2001, exponent ~1.06) capped at
//   `workplace_max`. Small workplaces are cliques; in larger ones each worker knows about
//   `colleagues` others, their neighbours on a random ring (a lattice, so clustering stays high as
//   in real teams, and degree stays bounded however big the employer).
// - school: children 5-15 in classes of about `class_size` (DfE 2023: 26.6 in primary) by
//   neighbourhood and year of age, each tied to about `classmates` classmates on a random ring.
//
// Why built this way: each layer is a loop over fixed blocks of people, households, workplaces or
// classes whose draws are keyed by (layer, index, tie) in the Philox stream "network.town", so the
// result is the same for any thread count (DESIGN invariant 1) and generation is O(n + m): a
// million people take a few seconds on two cores. Ties are packed into 64-bit (low, high) keys
// and deduplicated per layer by one parallel sort; the same pair in two layers is kept in both
// (freezing keeps the first, in layer order, so a housemate who is also a friend is household).
#include "models/network/town.hpp"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "models/community/layers.hpp"
#include "models/network/source_support.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/errors.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

namespace {

using sim::AgentId;

/// Purposes of draws (the counter's step word).
enum Purpose : std::uint32_t {
  kKinCount = 1,
  kKinTie,
  kFriendCount,
  kFriendTie,
  kWorker,
  kWorkplaceSize,
  kRing,
  kPupil,
  kSociability
};

constexpr int kMaxAge = 100;
constexpr int kSchoolFrom = 5, kSchoolTo = 15, kAdultFrom = 16;

std::uint64_t pack(AgentId a, AgentId b) {
  return a < b ? (std::uint64_t{a} << 32) | b : (std::uint64_t{b} << 32) | a;
}

/// The region of each neighbourhood, and where each region's neighbourhoods start.
struct Regions {
  std::vector<std::uint32_t> of;           ///< region of neighbourhood g
  std::vector<std::uint32_t> first_group;  ///< R + 1 starts: region r is [first_group[r], [r + 1])
  double beyond = 0;                       ///< share of non-local ties drawn from anywhere
  std::size_t count() const { return first_group.size() - 1; }
};

/// Regions from `network.regions` (one name per neighbourhood, each region's neighbourhoods
/// listed together so that its households are one range); one region when the list is empty.
Regions regions_of(const People& people, const TownParams& p) {
  const std::size_t groups = people.neighbourhood_names.size();
  Regions r;
  r.of.assign(groups, 0);
  r.first_group = {0, static_cast<std::uint32_t>(groups)};
  if (p.regions.empty()) return r;
  if (p.regions.size() != groups)
    throw sim::InputError("network.regions: expected one region per neighbourhood (" +
                          std::to_string(groups) + "), found " + std::to_string(p.regions.size()));
  r.first_group = {0};
  for (std::size_t g = 1; g <= groups; ++g) {
    if (g < groups && p.regions[g] == p.regions[g - 1]) {
      r.of[g] = r.of[g - 1];
      continue;
    }
    r.first_group.push_back(static_cast<std::uint32_t>(g));
    if (g == groups) break;
    for (std::size_t k = 0; k < g; ++k)
      if (p.regions[k] == p.regions[g])
        throw sim::InputError("network.regions: '" + p.regions[g] + "' (neighbourhood " +
                              std::to_string(g + 1) +
                              ") is not next to its other neighbourhoods; list each region's "
                              "neighbourhoods together");
    r.of[g] = static_cast<std::uint32_t>(r.first_group.size() - 1);
  }
  r.beyond = p.beyond_region;
  return r;
}

/// Number of ties to initiate so that the mean degree is `degree`: half of it, the fraction by a
/// Bernoulli draw.
std::uint32_t initiated(double degree, double u) {
  const double half = degree / 2;
  return static_cast<std::uint32_t>(half) + (u < half - std::floor(half) ? 1 : 0);
}

/// People sorted by age with the start of each age year, for picking a partner of a given age.
struct AgePool {
  std::vector<AgentId> members;
  std::array<std::uint32_t, kMaxAge + 2> start{};

  /// The age year `target` or the nearest present; pool must be nonempty.
  int nearest(int target) const {
    for (int d = 0; d <= kMaxAge; ++d)
      for (int a : {target - d, target + d})
        if (a >= 0 && a <= kMaxAge && start[a + 1] > start[a]) return a;
    return -1;
  }
  /// Where `u` falls among the members of age a: the place, and u's share of the way through it.
  std::pair<std::uint32_t, double> place(int a, double u) const {
    const std::uint32_t count = start[a + 1] - start[a];
    const double at = u * count;
    const std::uint32_t k = std::min<std::uint32_t>(count - 1, static_cast<std::uint32_t>(at));
    return {start[a] + k, std::clamp(at - k, 0.0, 1.0)};
  }
};

/// Where each neighbourhood's people start (people are neighbourhood-sorted), and the friend
/// window: a friend of age a in neighbourhood g is drawn among the `window` people of that age
/// on either side of the chooser's own relative place in their neighbourhood, so ties join
/// people who live near each other (and their indices are near, which is what makes the social
/// step's gather cache-friendly at millions of people). A neighbourhood with no more than
/// 2 window + 1 people of the age is drawn from whole, by the very draw used without a window.
struct FriendPlaces {
  const People& people;
  const std::vector<AgePool>& pools;  // index g: neighbourhood g's pool
  std::vector<std::uint32_t> first;   // G + 1 starts of the neighbourhoods' agents
  // before[g][a]: people of age a in neighbourhoods 0..g-1 (a pool of several neighbourhoods
  // lists each age's members neighbourhood by neighbourhood).
  std::vector<std::array<std::uint32_t, kMaxAge + 2>> before;
  std::uint32_t window;

  FriendPlaces(const People& p, const std::vector<AgePool>& by_group, std::int64_t w)
      : people(p), pools(by_group), window(static_cast<std::uint32_t>(w)) {
    const std::size_t groups = p.neighbourhood_names.size();
    first.assign(groups + 1, static_cast<std::uint32_t>(p.size()));
    for (std::size_t i = p.size(); i-- > 0;) first[p.neighbourhood[i]] = static_cast<AgentId>(i);
    for (std::size_t g = groups; g-- > 0;) first[g] = std::min(first[g], first[g + 1]);
    before.assign(groups + 1, {});
    for (std::size_t g = 0; g < groups; ++g)
      for (int a = 0; a <= kMaxAge; ++a)
        before[g + 1][a] = before[g][a] + by_group[g].start[a + 1] - by_group[g].start[a];
  }

  /// Chooser i's friend of age `target` from `pool`, whose first neighbourhood is `from`, with u
  /// the tie's uniform draw: the member u picks, moved within its own neighbourhood's members of
  /// that age to the window around i's place there (the rest of u, rescaled, picks within it).
  AgentId pick(const AgePool& pool, std::size_t from, int target, double u, std::size_t i) const {
    const int a = pool.nearest(target);
    if (a < 0) return pool.members.front();
    const auto [k, rest] = pool.place(a, u);
    const AgentId drawn = pool.members[k];
    if (window == 0) return drawn;
    const auto g = static_cast<std::size_t>(people.neighbourhood[drawn]);
    const AgePool& local = pools[g];
    const std::uint32_t b = local.start[a], count = local.start[a + 1] - b;
    if (count <= 2 * std::uint64_t{window} + 1) return drawn;
    // drawn's rank among its neighbourhood's members of age a, plus u's remainder: uniform on
    // [0, count) given the neighbourhood, so the offset within the window is uniform too.
    const std::uint32_t rank = k - pool.start[a] - (before[g][a] - before[from][a]);
    const double within = (rank + rest) / count;
    const auto width = 2 * std::uint64_t{window} + 1;
    const auto offset =
        std::min<std::uint64_t>(width - 1, static_cast<std::uint64_t>(within * width));
    const auto own = static_cast<std::size_t>(people.neighbourhood[i]);
    const double where =
        static_cast<double>(i - first[own]) / static_cast<double>(first[own + 1] - first[own]);
    const auto centre = static_cast<std::uint64_t>(where * count);
    return local.members[b + (centre + count - window + offset) % count];
  }
};

/// Index of the pool of the whole population: after the G neighbourhoods and R regions, or the
/// one region's pool when there is only one (the town).
std::size_t everyone(std::size_t groups, const Regions& regions) {
  return groups + (regions.count() > 1 ? regions.count() : 0);
}

/// Pools of people aged [lo, hi] per neighbourhood (index 0..G-1), per region (G + r) and for the
/// whole population (everyone(); a town's one region).
std::vector<AgePool> age_pools(const People& people, const Regions& regions, int lo, int hi) {
  const std::size_t groups = regions.of.size(), all = everyone(groups, regions);
  std::vector<AgePool> pools(all + 1);
  std::vector<std::array<std::uint32_t, kMaxAge + 2>> count(all + 1);
  for (auto& c : count) c.fill(0);
  auto slots = [&](std::size_t i) {
    const auto g = static_cast<std::size_t>(people.neighbourhood[i]);
    return std::array<std::size_t, 3>{g, groups + regions.of[g], all};
  };
  const std::size_t distinct = regions.count() > 1 ? 3 : 2;  // one region is everyone
  for (std::size_t i = 0; i < people.size(); ++i)
    if (people.age[i] >= lo && people.age[i] <= hi) {
      const auto at = slots(i);
      for (std::size_t k = 0; k < distinct; ++k) ++count[at[k]][people.age[i] + 1];
    }
  for (std::size_t g = 0; g <= all; ++g) {
    for (int a = 0; a <= kMaxAge; ++a) count[g][a + 1] += count[g][a];
    pools[g].start = count[g];
    pools[g].members.resize(count[g][kMaxAge + 1]);
  }
  auto fill = count;  // next free slot per age
  for (std::size_t i = 0; i < people.size(); ++i) {
    const int a = people.age[i];
    if (a < lo || a > hi) continue;
    const auto at = slots(i);
    for (std::size_t k = 0; k < distinct; ++k)
      pools[at[k]].members[fill[at[k]][a]++] = static_cast<AgentId>(i);
  }
  return pools;
}

/// Sorts and deduplicates packed ties of one layer.
void dedupe(std::vector<std::uint64_t>& ties) {
  tbb::parallel_sort(ties.begin(), ties.end());
  ties.erase(std::unique(ties.begin(), ties.end()), ties.end());
}

/// Ties of a group laid out on a ring: a clique when small, otherwise each member tied to the
/// next `degree`/2 members (the last distance with the fractional chance).
void ring_ties(const AgentId* members, std::size_t s, double degree, const sim::RandomStream& rng,
               std::uint32_t group, std::vector<std::uint64_t>& out) {
  const auto reach = static_cast<std::size_t>(std::floor(degree / 2));
  if (s <= 2 * (reach + 1)) {
    for (std::size_t a = 0; a < s; ++a)
      for (std::size_t b = a + 1; b < s; ++b) out.push_back(pack(members[a], members[b]));
    return;
  }
  const double extra = degree / 2 - static_cast<double>(reach);
  for (std::size_t a = 0; a < s; ++a) {
    for (std::size_t d = 1; d <= reach; ++d) out.push_back(pack(members[a], members[(a + d) % s]));
    if (extra > 0 && rng.uniform(kRing, group, static_cast<std::uint32_t>(a)) < extra)
      out.push_back(pack(members[a], members[(a + reach + 1) % s]));
  }
}

std::vector<std::uint64_t> household_layer(const People& people,
                                           const std::vector<std::uint32_t>& start) {
  auto ties = sim::collect_blocks<std::uint64_t>(
      start.size() - 1, [&](std::size_t b, std::size_t e, std::vector<std::uint64_t>& out) {
        for (std::size_t h = b; h < e; ++h)
          for (AgentId x = start[h]; x < start[h + 1]; ++x)
            for (AgentId y = x + 1; y < start[h + 1]; ++y) out.push_back(pack(x, y));
      });
  (void)people;
  return ties;
}

std::vector<std::uint64_t> kin_layer(const People& people, const std::vector<std::uint32_t>& start,
                                     const TownParams& p, const Regions& regions,
                                     const sim::RandomStream& rng) {
  const std::size_t households = start.size() - 1, groups = people.neighbourhood_names.size();
  // Households of each neighbourhood are a contiguous range (people are neighbourhood-sorted).
  std::vector<std::uint32_t> first(groups + 1, static_cast<std::uint32_t>(households));
  for (std::size_t h = households; h-- > 0;) first[people.neighbourhood[start[h]]] = h;
  for (std::size_t g = groups; g-- > 0;) first[g] = std::min(first[g], first[g + 1]);
  const double degree = p.kin_households, local = p.kin_local;
  auto head = [&](std::size_t h) {
    for (AgentId x = start[h]; x < start[h + 1]; ++x)
      if (people.traits[x] & kHouseholdHead) return x;
    return static_cast<AgentId>(start[h]);
  };
  auto ties = sim::collect_blocks<std::uint64_t>(
      households, [&](std::size_t b, std::size_t e, std::vector<std::uint64_t>& out) {
        for (std::size_t h = b; h < e; ++h) {
          const auto g = static_cast<std::size_t>(people.neighbourhood[start[h]]);
          const std::uint32_t own = first[g + 1] - first[g];
          const std::uint32_t r = regions.of[g];
          const std::uint32_t k = initiated(degree, rng.uniform(kKinCount, h));
          for (std::uint32_t j = 0; j < k; ++j) {
            const auto w = rng.words(kKinTie, static_cast<std::uint32_t>(h), j);
            // Kin who live away: in the region's households, or anyone's with `beyond`.
            const bool far = regions.count() > 1 && sim::word_unit(w[2]) < regions.beyond;
            const std::uint32_t lo = far ? 0 : first[regions.first_group[r]];
            const std::uint32_t hi =
                far ? static_cast<std::uint32_t>(households) : first[regions.first_group[r + 1]];
            const std::uint32_t others = hi - lo - own;
            std::size_t other;
            if (sim::word_unit(w[0]) < local || others == 0) {
              if (own < 2) continue;
              other = first[g] + std::min<std::uint32_t>(own - 2, sim::word_unit(w[1]) * (own - 1));
              if (other >= h) ++other;  // anyone in the neighbourhood but h itself
            } else {
              other = lo + std::min<std::uint32_t>(others - 1, sim::word_unit(w[1]) * others);
              if (other >= first[g]) other += own;  // skip h's own neighbourhood
            }
            const AgentId a = head(h), c = head(other);
            out.push_back(pack(a, c));
            // Other adults of h each know one adult of the other household.
            std::vector<AgentId> adults;
            for (AgentId y = start[other]; y < start[other + 1]; ++y)
              if (people.age[y] >= kAdultFrom) adults.push_back(y);
            if (adults.empty()) continue;
            std::uint32_t d = 0;
            for (AgentId x = start[h]; x < start[h + 1]; ++x)
              if (x != a && people.age[x] >= kAdultFrom) {
                const double u =
                    rng.uniform(kKinTie, static_cast<std::uint32_t>(h), (j + 1) << 16 | ++d);
                out.push_back(
                    pack(x, adults[std::min<std::size_t>(adults.size() - 1, u * adults.size())]));
              }
          }
        }
      });
  dedupe(ties);
  return ties;
}

/// One friendship layer (close friends or friends): `degree` expected ties per person aged 5+.
std::vector<std::uint64_t> friend_layer(const People& people, const std::vector<AgePool>& adults,
                                        const std::vector<AgePool>& children, double degree,
                                        const TownParams& p, const Regions& regions,
                                        const sim::RandomStream& rng, std::uint32_t layer) {
  const std::size_t groups = people.neighbourhood_names.size();
  const std::size_t all = everyone(groups, regions);
  const double local = p.friend_local;
  const double adult_sd = p.friend_age_sd, child_sd = p.child_friend_age_sd;
  const std::uint32_t count_key = kFriendCount | layer << 8, tie_key = kFriendTie | layer << 8;
  // Sociability: how many friendships a person starts scales with a log-normal factor of mean 1,
  // the same for both friendship layers, so some people have few friends of either kind and
  // others many (friendship degree is strongly right-skewed: Dunbar 2018; without it, no adult
  // would lack close friends and loneliness could not follow from few ties).
  const double sigma = p.sociability_sd;
  const FriendPlaces adult_places(people, adults, p.friend_window),
      child_places(people, children, p.friend_window);
  auto ties = sim::collect_blocks<std::uint64_t>(
      people.size(), [&](std::size_t b, std::size_t e, std::vector<std::uint64_t>& out) {
        for (std::size_t i = b; i < e; ++i) {
          const int age = people.age[i];
          if (age < kSchoolFrom) continue;
          const bool adult = age >= kAdultFrom;
          const auto& pools = adult ? adults : children;
          const double sd = adult ? adult_sd : child_sd;
          const FriendPlaces& places = adult ? adult_places : child_places;
          const int lo = adult ? kAdultFrom : kSchoolFrom, hi = adult ? kMaxAge : kSchoolTo;
          const auto g = static_cast<std::size_t>(people.neighbourhood[i]);
          const double sociable =
              std::exp(sigma * rng.normal(kSociability, static_cast<std::uint32_t>(i)) -
                       0.5 * sigma * sigma);
          const std::uint32_t k = initiated(degree * sociable, rng.uniform(count_key, i));
          for (std::uint32_t j = 0; j < k; ++j) {
            // A few tries: a draw that lands on oneself or, for a tie meant to leave the
            // neighbourhood, back in it, is redrawn with the next draw index.
            // Whether the tie stays local is decided once, by the first draw: redrawing it too
            // would turn some ties meant to leave into local ones and bias the local share.
            const bool stay =
                groups == 1 ||
                sim::word_unit(rng.words(tie_key, static_cast<std::uint32_t>(i), j)[0]) < local;
            // A tie that leaves stays in the region but for a share `beyond` (its own draw, bit
            // 31, which no attempt's index reaches; not drawn at all in a town of one region).
            const bool far = !stay && regions.count() > 1 &&
                             rng.uniform(tie_key, static_cast<std::uint32_t>(i), j | 0x80000000u) <
                                 regions.beyond;
            const AgePool& pool = stay  ? pools[g]
                                  : far ? pools[all]
                                        : pools[groups + regions.of[g]];
            const std::size_t from = stay ? g : far ? 0 : regions.first_group[regions.of[g]];
            for (std::uint32_t attempt = 0; attempt < 8; ++attempt) {
              const auto w = rng.words(tie_key, static_cast<std::uint32_t>(i), j | attempt << 24);
              if (pool.members.size() < 2) break;
              const double z = std::sqrt(-2 * std::log(sim::word_unit(w[1]))) *
                               std::cos(6.283185307 * sim::word_unit(w[2]));
              const int target = std::clamp(static_cast<int>(std::lround(age + sd * z)), lo, hi);
              const AgentId other = places.pick(pool, from, target, sim::word_unit(w[3]), i);
              if (other == i || (!stay && people.neighbourhood[other] == static_cast<int>(g)))
                continue;
              out.push_back(pack(static_cast<AgentId>(i), other));
              break;
            }
          }
        }
      });
  dedupe(ties);
  return ties;
}

/// A worker in the shuffle that fills workplaces: region first, then a random key.
struct Worker {
  std::uint64_t key;
  std::uint32_t region;
  AgentId id;
  bool operator<(const Worker& o) const {
    return region != o.region ? region < o.region : key != o.key ? key < o.key : id < o.id;
  }
};

std::vector<std::uint64_t> workplace_layer(const People& people, const TownParams& p,
                                           const Regions& regions, const sim::RandomStream& rng) {
  // Workers in town, shuffled by a random key so workplaces mix neighbourhoods and households;
  // in a country, workplaces are filled region by region (people work near where they live).
  const double in_town = p.work_in_town;
  std::vector<Worker> keyed;
  for (std::size_t i = 0; i < people.size(); ++i)
    if (people.activity[i] == static_cast<std::uint8_t>(Activity::Employed)) {
      const auto w = rng.words(kWorker, static_cast<std::uint32_t>(i));
      if (sim::word_unit(w[0]) < in_town)
        keyed.push_back({std::uint64_t{w[1]} << 32 | w[2], regions.of[people.neighbourhood[i]],
                         static_cast<AgentId>(i)});
    }
  tbb::parallel_sort(keyed.begin(), keyed.end());
  std::vector<AgentId> workers(keyed.size());
  std::vector<std::size_t> region_end;  // where each region's workers end in the shuffle
  for (std::size_t k = 0; k < keyed.size(); ++k) {
    workers[k] = keyed[k].id;
    if (k + 1 == keyed.size() || keyed[k + 1].region != keyed[k].region)
      region_end.push_back(k + 1);
  }
  std::vector<Worker>().swap(keyed);
  // Workplace sizes: Zipf, P(size >= s) = s^-alpha, capped; none straddles two regions.
  const double alpha = p.workplace_size_exponent;
  const double cap = static_cast<double>(p.workplace_max);
  std::vector<std::size_t> bounds{0};
  std::uint32_t w = 0;
  for (const std::size_t end : region_end)
    while (bounds.back() < end) {
      const double s =
          std::min(cap, std::floor(std::pow(rng.uniform(kWorkplaceSize, w++), -1 / alpha)));
      bounds.push_back(std::min(end, bounds.back() + static_cast<std::size_t>(s)));
    }
  const double colleagues = p.colleagues;
  auto ties = sim::collect_blocks<std::uint64_t>(
      bounds.size() - 1, [&](std::size_t b, std::size_t e, std::vector<std::uint64_t>& out) {
        for (std::size_t w = b; w < e; ++w)
          ring_ties(workers.data() + bounds[w], bounds[w + 1] - bounds[w], colleagues, rng,
                    static_cast<std::uint32_t>(w), out);
      });
  return ties;
}

std::vector<std::uint64_t> school_layer(const People& people, const TownParams& p,
                                        const sim::RandomStream& rng) {
  // Pupils bucketed by (neighbourhood, age), shuffled within each bucket by a random key.
  constexpr std::size_t kYears = kSchoolTo - kSchoolFrom + 1;
  const std::size_t groups = people.neighbourhood_names.size();
  std::vector<std::pair<std::uint64_t, AgentId>> keyed;
  for (std::size_t i = 0; i < people.size(); ++i)
    if (people.age[i] >= kSchoolFrom && people.age[i] <= kSchoolTo) {
      const std::uint64_t bucket = static_cast<std::uint64_t>(people.neighbourhood[i]) * kYears +
                                   people.age[i] - kSchoolFrom;
      const auto w = rng.words(kPupil, static_cast<std::uint32_t>(i));
      keyed.emplace_back(bucket << 40 | (std::uint64_t{w[0]} << 8 | (w[1] & 0xff)),
                         static_cast<AgentId>(i));
    }
  tbb::parallel_sort(keyed.begin(), keyed.end());
  // Classes: each bucket split into round(count / class_size) (at least one) even classes.
  const double class_size = static_cast<double>(p.class_size);
  std::vector<AgentId> pupils(keyed.size());
  std::vector<std::size_t> bounds{0};
  for (std::size_t k = 0, begin = 0; k <= keyed.size(); ++k) {
    if (k < keyed.size()) pupils[k] = keyed[k].second;
    if (k == keyed.size() || (k > begin && (keyed[k].first >> 40) != (keyed[begin].first >> 40))) {
      const std::size_t count = k - begin;
      const auto classes =
          std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(count / class_size)));
      for (std::size_t c = 1; c <= classes; ++c) bounds.push_back(begin + count * c / classes);
      begin = k;
    }
  }
  (void)groups;
  const double classmates = p.classmates;
  return sim::collect_blocks<std::uint64_t>(
      bounds.size() - 1, [&](std::size_t b, std::size_t e, std::vector<std::uint64_t>& out) {
        for (std::size_t c = b; c < e; ++c)
          ring_ties(pupils.data() + bounds[c], bounds[c + 1] - bounds[c], classmates, rng,
                    static_cast<std::uint32_t>(c) | 0x80000000u, out);
      });
}

}  // namespace

sim::EdgeList town_ties(const People& people, const sim::ParamSet& set, std::uint64_t seed,
                        std::uint32_t replicate) {
  const TownParams p = town_table().read(set);
  const sim::RandomStream rng(seed, replicate, "network.town");
  const std::vector<std::uint32_t> start = people.household_starts();
  const Regions regions = regions_of(people, p);
  const auto adults = age_pools(people, regions, kAdultFrom, kMaxAge);
  const auto children = age_pools(people, regions, kSchoolFrom, kSchoolTo);
  std::vector<std::uint64_t> layers[kLayerCount] = {
      household_layer(people, start),
      kin_layer(people, start, p, regions, rng),
      friend_layer(people, adults, children, p.close_friends, p, regions, rng, kCloseFriend),
      friend_layer(people, adults, children, p.friends, p, regions, rng, kFriend),
      workplace_layer(people, p, regions, rng),
      school_layer(people, p, rng),
  };
  sim::EdgeList out;
  out.n = people.size();
  std::size_t total = 0;
  for (const auto& l : layers) total += l.size();
  out.u.resize(total);
  out.v.resize(total);
  out.layer.resize(total);
  std::size_t at = 0;
  for (std::size_t l = 0; l < kLayerCount; ++l) {
    const auto& ties = layers[l];
    sim::for_blocks(ties.size(), [&](std::size_t b, std::size_t e) {
      for (std::size_t t = b; t < e; ++t) {
        out.u[at + t] = static_cast<AgentId>(ties[t] >> 32);
        out.v[at + t] = static_cast<AgentId>(ties[t] & 0xffffffffu);
        out.layer[at + t] = static_cast<std::uint8_t>(l);
      }
    });
    at += ties.size();
    std::vector<std::uint64_t>().swap(layers[l]);
  }
  label_community_ties(people, out);
  return out;
}

NetworkSource town_source() {
  NetworkSource s{"town",
                  "multiplex ties of a census population: household, kin, close friends, friends, "
                  "workplace and school",
                  town_params(), nullptr};
  s.tie_people = [](const People& people, const sim::ParamSet& p, const SourceContext& ctx) {
    try {
      return town_ties(people, p, ctx.seed, ctx.replicate);
    } catch (const sim::InputError& e) {
      throw sim::InputError(sim::where(ctx.scenario_path) + e.what());
    }
  };
  return s;
}

}  // namespace wellsim::models
