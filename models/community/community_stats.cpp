// Per-step statistics of the community model.
//
// What: the share of people with each domain problem (household-level domains — housing, food,
// fuel, strain — are counted per person, so they read as "share of people living in such a
// household"), by neighbourhood and for minority people — counted as need, before the week's
// relief (domains | World::relieved: a food parcel or a warm space covers a week, it does not end
// the need) — and, overall, the share left after relief (domains as the week ends, which is
// what the wellbeing model read); the unemployment rate (unemployed over
// employed + unemployed, the ILO definition); mean equivalised disposable income; mean wellbeing
// by neighbourhood and for minority people; the number of programme ties.
// Why this way: one pass over agents in fixed blocks of 8,192; each block counts into a dense
// array of (neighbourhoods + 2) counters that its thread reuses block after block, hands on only
// the slots its people touched, and the blocks are added in block order — so the figures are the
// same for any thread count (as sim/step_stats.cpp does), and every sum, the floating ones
// included, is added in the same order as when each block kept counters for every neighbourhood.
// That dense copy per block cost 224 bytes per neighbourhood per 8,192 people (15.6 GB for
// scenarios/uk.toml's 8,450 neighbourhoods at 67.6 M people) and a pass over all of them per
// block each week; a block touches a handful (people are numbered neighbourhood by
// neighbourhood). Blocks are counted kStatsWindow at a time, so even neighbourhoods scattered over
// every block hold at most kStatsWindow blocks' counters at once.
// Series order: prevalence/<domain> for every domain, then for every domain its per-neighbourhood
// and minority series, then unemployment rate, mean disposable income, wellbeing means by
// neighbourhood, minority wellbeing, community ties, then after_relief/<domain> for every domain,
// then the children's measure: mean wellbeing of ages 10-15 and their share below 4.5 (The
// Children's Society's 0-10 life satisfaction with "low" below 5, at the ages of the ONS
// children's well-being measures: docs/model.md, "Children's wellbeing").
#include "models/community/community_stats.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "sim/deterministic_parallel.hpp"
#include "sim/series_names.hpp"

namespace wellsim::models {

namespace {

constexpr unsigned kD = kDomainCount;
constexpr std::uint8_t kChildFrom = 10, kChildTo = 15;  // the children's measure's ages
constexpr float kChildLow = 4.5f;                       // 0-4 once rounded, as share_low

// Counters of one block for one slot (slot 0: everyone, 1: minority people, 2 + g: group g).
struct Counts {
  std::uint64_t people = 0, domain[kD] = {}, after[kD] = {};  // need, and left after relief
  double wellbeing = 0;
};

// What one block hands on: the slots its people touched, and its employment and income sums.
struct Block {
  std::vector<std::pair<std::uint32_t, Counts>> slots;
  std::uint64_t employed = 0, unemployed = 0;
  double disposable = 0;
  std::uint64_t children = 0, children_low = 0;  // ages 10-15, and of them below kChildLow
  double children_wellbeing = 0;
};

// A thread's dense counters, one per slot, all zero between blocks, and the slots in use.
struct StatsScratch {
  std::vector<Counts> slots;
  std::vector<std::uint32_t> touched;
};

// Blocks counted before their counters are added up: bounds the memory the blocks hold
// (neighbourhoods scattered over every block touch up to all slots in each) without tying the
// order of any sum to the thread count.
constexpr std::size_t kStatsWindow = 64;

std::string group_label(const sim::Network& net, std::size_t g) {
  return g < net.group_names.size() && !net.group_names[g].empty() ? net.group_names[g]
                                                                   : std::to_string(g);
}

}  // namespace

void CommunityStats::prepare(const sim::Network& net, sim::AgentStore& a, sim::Ledger& ledger) {
  groups_ = sim::group_count(net);
  bool first = true;
  auto add = [&](const std::string& name) {
    const auto k = ledger.add_series(name);
    if (first) first_ = k, first = false;
  };
  for (unsigned d = 0; d < kD; ++d) add(sim::series::prevalence(domain_name(d)));
  for (unsigned d = 0; d < kD; ++d) {
    for (std::size_t g = 0; g < groups_; ++g)
      add(sim::series::prevalence(domain_name(d), group_label(net, g)));
    add(sim::series::prevalence(domain_name(d), "minority"));
  }
  add(sim::series::kUnemploymentRate);
  add(sim::series::kMeanDisposable);
  for (std::size_t g = 0; g < groups_; ++g) add(sim::series::wellbeing_mean(group_label(net, g)));
  add(sim::series::wellbeing_mean("minority"));
  add(sim::series::kCommunityTies);
  for (unsigned d = 0; d < kD; ++d) add(sim::series::after_relief(domain_name(d)));
  add(sim::series::kChildrenMean);
  add(sim::series::kChildrenLow);
  measure(net, a, a.wellbeing, ledger);
}

void CommunityStats::run(sim::Phase, sim::StepContext& ctx) {
  measure(ctx.network, ctx.agents, ctx.agents.wellbeing_next, ctx.ledger);
}

namespace {

// Counts of each domain bit over a run of people, eight bits a vector register: a person adds
// 1 to the lane of each bit they have, with no branch on which bits are set (the loop this
// replaced branched once per set bit, differently person by person). A block holds at most
// kAgentBlock (8,192) people, so the 16-bit lanes cannot overflow before flush() empties them.
struct DomainTally {
  using Lanes = std::uint16_t __attribute__((vector_size(16)));
  static constexpr unsigned kVectorBits = 16;  // bits in `low` and `high`; the rest one by one
  static constexpr Lanes kLow = {1, 2, 4, 8, 16, 32, 64, 128};
  static constexpr Lanes kHigh = kLow << 8;
  Lanes low{}, high{};
  std::uint32_t rest[kD > kVectorBits ? kD - kVectorBits : 1] = {};

  void add(DomainBits d) {
    const Lanes v = Lanes{} + static_cast<std::uint16_t>(d);
    low -= reinterpret_cast<Lanes>((v & kLow) != 0);  // a true lane compares as -1
    high -= reinterpret_cast<Lanes>((v & kHigh) != 0);
    for (unsigned b = kVectorBits; b < kD; ++b) rest[b - kVectorBits] += (d >> b) & 1u;
  }
  // Adds the counts to `to` (one per domain) and starts again from zero.
  void flush(std::uint64_t* to) {
    for (unsigned b = 0; b < 8 && b < kD; ++b) to[b] += low[b];
    for (unsigned b = 8; b < kVectorBits && b < kD; ++b) to[b] += high[b - 8];
    for (unsigned b = kVectorBits; b < kD; ++b) to[b] += rest[b - kVectorBits];
    *this = DomainTally{};
  }
};

// The inputs of one measurement, and the counting of one block of agents [b, e) into `p`.
// Integer counts are added in any grouping; each floating sum (wellbeing per slot, income,
// children's wellbeing) is still taken person by person in agent order from zero within the
// block, exactly as when every person updated every slot in turn, so the figures are unchanged.
// People are numbered neighbourhood by neighbourhood, so a block holds a few runs of one group;
// the group's slot is fetched once a run, and the everyone slot's domain counts are the sum of
// the runs' (every person counts there too).
struct StatsCensus {
  const sim::Network& net;
  const sim::AgentStore& a;
  const std::vector<float>& x;
  const std::vector<DomainBits>& relieved;
  bool grouped, relief;

  void count(std::size_t b, std::size_t e, StatsScratch& s, Block& p) const {
    auto slot = [&s](std::uint32_t k) -> Counts& {
      if (s.slots[k].people == 0) s.touched.push_back(k);
      return s.slots[k];
    };
    DomainTally need, minority_need, after;
    std::uint64_t people = 0, minority = 0, run_people = 0;
    double everyone_w = 0, minority_w = 0, run_w = 0, disp = 0, children_w = 0;
    std::uint64_t employed = 0, unemployed = 0, children = 0, children_low = 0;
    int run_group = -1;   // the group of the run being counted (-1: none)
    auto end_run = [&] {  // the run's people, wellbeing and needs go to its group and to slot 0
      if (run_people == 0) return;
      people += run_people;
      std::uint64_t counts[kD] = {};
      need.flush(counts);
      for (unsigned d = 0; d < kD; ++d) s.slots[0].domain[d] += counts[d];
      if (run_group >= 0) {
        Counts& c = s.slots[static_cast<std::uint32_t>(run_group + 2)];
        c.people += run_people;
        c.wellbeing = run_w;
        for (unsigned d = 0; d < kD; ++d) c.domain[d] += counts[d];
      }
      run_people = 0;
    };
    // Raw columns, so that the loop does not reload each vector's data pointer per person.
    const std::uint8_t* present = a.present.empty() ? nullptr : a.present.data();
    const std::int32_t* group = grouped ? net.group.data() : nullptr;
    const DomainBits* domains = a.domains.data();
    const DomainBits* relief_of = relief ? relieved.data() : nullptr;
    const float* wellbeing = x.data();
    const float* income = a.disposable.data();
    const std::uint8_t *traits = a.traits.data(), *activity = a.activity.data(),
                       *age = a.age.data();
    for (std::size_t i = b; i < e; ++i) {
      if (present && !present[i]) continue;  // figures describe the people in the town this week
      const int g = group ? group[i] : -1;
      if (g != run_group || run_people == 0) {
        end_run();
        run_group = g;
        run_w = g >= 0 ? slot(static_cast<std::uint32_t>(g + 2)).wellbeing : 0.0;
      }
      const DomainBits left = domains[i];
      const DomainBits d = relief_of ? left | relief_of[i] : left;
      const float w = wellbeing[i];
      ++run_people;
      run_w += w;
      everyone_w += w;
      need.add(d);
      after.add(left);
      const bool is_minority = (traits[i] & kMinority) != 0;
      minority += is_minority;
      minority_w += is_minority ? double{w} : 0.0;  // + 0.0 leaves a non-negative sum as it was
      minority_need.add(is_minority ? d : DomainBits{0});
      employed += activity[i] == static_cast<std::uint8_t>(Activity::Employed);
      unemployed += activity[i] == static_cast<std::uint8_t>(Activity::Unemployed);
      disp += income[i];
      const bool child = age[i] >= kChildFrom && age[i] <= kChildTo;
      children += child;
      children_w += child ? double{w} : 0.0;
      children_low += child && w < kChildLow;
    }
    end_run();
    if (people > 0) {
      Counts& all = slot(0);
      all.people = people;
      all.wellbeing = everyone_w;
      after.flush(all.after);
    }
    if (minority > 0) {
      Counts& m = slot(1);
      m.people = minority;
      m.wellbeing = minority_w;
      minority_need.flush(m.domain);
    }
    p.employed = employed, p.unemployed = unemployed;
    p.disposable = disp;
    p.children = children, p.children_low = children_low;
    p.children_wellbeing = children_w;
    p.slots.clear();
    for (std::uint32_t k : s.touched) p.slots.emplace_back(k, s.slots[k]), s.slots[k] = Counts{};
    s.touched.clear();
  }
};

void add_counts(Counts& to, const Counts& c) {
  to.people += c.people;
  to.wellbeing += c.wellbeing;
  for (unsigned d = 0; d < kD; ++d) to.domain[d] += c.domain[d];
  for (unsigned d = 0; d < kD; ++d) to.after[d] += c.after[d];
}

}  // namespace

void CommunityStats::measure(const sim::Network& net, const sim::AgentStore& a,
                             const std::vector<float>& x, sim::Ledger& ledger) const {
  const std::size_t n = a.size();
  const std::size_t blocks = (n + sim::kAgentBlock - 1) / sim::kAgentBlock;
  const StatsCensus census{
      net, a, x, world_->relieved, net.group.size() == n, world_->relieved.size() == n};
  tbb::enumerable_thread_specific<StatsScratch> scratch([this] {
    return StatsScratch{std::vector<Counts>(groups_ + 2), {}};
  });
  std::vector<Block> parts(std::min(blocks, kStatsWindow));
  Block total;
  std::vector<Counts> slots(groups_ + 2);
  for (std::size_t w = 0; w < blocks; w += kStatsWindow) {
    const std::size_t last = std::min(blocks, w + kStatsWindow);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(w, last), [&](const auto& r) {
      StatsScratch& s = scratch.local();
      for (std::size_t b = r.begin(); b != r.end(); ++b)
        census.count(b * sim::kAgentBlock, std::min(n, (b + 1) * sim::kAgentBlock), s,
                     parts[b - w]);
    });
    for (std::size_t b = w; b < last; ++b) {  // in block order: the sums do not depend on threads
      const Block& p = parts[b - w];
      for (const auto& [k, c] : p.slots) add_counts(slots[k], c);
      total.employed += p.employed, total.unemployed += p.unemployed;
      total.disposable += p.disposable;
      total.children += p.children, total.children_low += p.children_low;
      total.children_wellbeing += p.children_wellbeing;
    }
  }
  auto share = [](std::uint64_t k, std::uint64_t of) { return of ? double(k) / of : 0.0; };
  std::size_t k = first_;
  for (unsigned d = 0; d < kD; ++d) ledger.set(k++, share(slots[0].domain[d], slots[0].people));
  for (unsigned d = 0; d < kD; ++d) {
    for (std::size_t g = 0; g < groups_; ++g)
      ledger.set(k++, share(slots[2 + g].domain[d], slots[2 + g].people));
    ledger.set(k++, share(slots[1].domain[d], slots[1].people));
  }
  ledger.set(k++, share(total.unemployed, total.employed + total.unemployed));
  const std::uint64_t people = slots[0].people;  // n without [demography]
  ledger.set(k++, people ? total.disposable / static_cast<double>(people) : 0.0);
  auto mean = [](const Counts& c) { return c.people ? c.wellbeing / c.people : 0.0; };
  for (std::size_t g = 0; g < groups_; ++g) ledger.set(k++, mean(slots[2 + g]));
  ledger.set(k++, mean(slots[1]));
  ledger.set(k++, static_cast<double>(world_->overlay.ties().size()));
  for (unsigned d = 0; d < kD; ++d) ledger.set(k++, share(slots[0].after[d], slots[0].people));
  ledger.set(k++, total.children ? total.children_wellbeing / total.children : 0.0);
  ledger.set(k++, share(total.children_low, total.children));
}

}  // namespace wellsim::models
