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
// Why this way: one pass over agents in fixed blocks, each block counting into its own array of
// (group + 1) x counters, then the blocks are added in block order — so the figures are the same
// for any thread count (as sim/step_stats.cpp does) and cost a few milliseconds at 1M agents.
// Series order: prevalence/<domain> for every domain, then for every domain its per-neighbourhood
// and minority series, then unemployment rate, mean disposable income, wellbeing means by
// neighbourhood, minority wellbeing, community ties, then after_relief/<domain> for every domain,
// then the children's measure: mean wellbeing of ages 10-15 and their share below 4.5 (The
// Children's Society's 0-10 life satisfaction with "low" below 5, at the ages of the ONS
// children's well-being measures: docs/model.md, "Children's wellbeing").
#include "models/community/community_stats.hpp"

#include <algorithm>

#include "sim/deterministic_parallel.hpp"
#include "sim/series_names.hpp"

namespace wellsim::models {

namespace {

constexpr unsigned kD = kDomainCount;
constexpr std::uint8_t kChildFrom = 10, kChildTo = 15;  // the children's measure's ages
constexpr float kChildLow = 4.5f;                       // 0-4 once rounded, as share_low

// Counters of one block for one group slot (slot 0: minority people, slot g + 1: group g).
struct Counts {
  std::uint64_t people = 0, domain[kD] = {}, after[kD] = {};  // need, and left after relief
  double wellbeing = 0;
};

struct Block {
  std::vector<Counts> slots;  // [0] all, [1] minority, [2 + g] group g
  std::uint64_t employed = 0, unemployed = 0;
  double disposable = 0;
  std::uint64_t children = 0, children_low = 0;  // ages 10-15, and of them below kChildLow
  double children_wellbeing = 0;
};

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

void CommunityStats::measure(const sim::Network& net, const sim::AgentStore& a,
                             const std::vector<float>& x, sim::Ledger& ledger) const {
  const std::size_t n = a.size();
  const std::size_t blocks = (n + sim::kAgentBlock - 1) / sim::kAgentBlock;
  std::vector<Block> parts(blocks);
  const bool grouped = net.group.size() == n;
  const std::vector<DomainBits>& relieved = world_->relieved;
  const bool relief = relieved.size() == n;
  sim::for_blocks(n, [&](std::size_t b, std::size_t e) {
    Block& p = parts[b / sim::kAgentBlock];
    p.slots.assign(groups_ + 2, Counts{});
    double disp = 0;
    for (std::size_t i = b; i < e; ++i) {
      const DomainBits left = a.domains[i];
      const DomainBits d = relief ? left | relieved[i] : left;
      const float w = x[i];
      const bool minority = a.traits[i] & kMinority;
      const int g = grouped ? net.group[i] : -1;
      Counts* slot[3] = {&p.slots[0], minority ? &p.slots[1] : nullptr,
                         g >= 0 ? &p.slots[2 + g] : nullptr};
      for (Counts* c : slot) {
        if (!c) continue;
        ++c->people;
        c->wellbeing += w;
        for (unsigned m = d; m; m &= m - 1) ++c->domain[__builtin_ctz(m)];
      }
      for (unsigned m = left; m; m &= m - 1) ++p.slots[0].after[__builtin_ctz(m)];
      p.employed += a.activity[i] == static_cast<std::uint8_t>(Activity::Employed);
      p.unemployed += a.activity[i] == static_cast<std::uint8_t>(Activity::Unemployed);
      disp += a.disposable[i];
      if (a.age[i] >= kChildFrom && a.age[i] <= kChildTo) {
        ++p.children;
        p.children_wellbeing += w;
        p.children_low += w < kChildLow;
      }
    }
    p.disposable = disp;
  });
  Block total;
  total.slots.assign(groups_ + 2, Counts{});
  for (const Block& p : parts) {
    for (std::size_t s = 0; s < total.slots.size(); ++s) {
      total.slots[s].people += p.slots[s].people;
      total.slots[s].wellbeing += p.slots[s].wellbeing;
      for (unsigned d = 0; d < kD; ++d) total.slots[s].domain[d] += p.slots[s].domain[d];
      for (unsigned d = 0; d < kD; ++d) total.slots[s].after[d] += p.slots[s].after[d];
    }
    total.employed += p.employed, total.unemployed += p.unemployed;
    total.disposable += p.disposable;
    total.children += p.children, total.children_low += p.children_low;
    total.children_wellbeing += p.children_wellbeing;
  }
  auto share = [](std::uint64_t k, std::uint64_t of) { return of ? double(k) / of : 0.0; };
  std::size_t k = first_;
  for (unsigned d = 0; d < kD; ++d)
    ledger.set(k++, share(total.slots[0].domain[d], total.slots[0].people));
  for (unsigned d = 0; d < kD; ++d) {
    for (std::size_t g = 0; g < groups_; ++g)
      ledger.set(k++, share(total.slots[2 + g].domain[d], total.slots[2 + g].people));
    ledger.set(k++, share(total.slots[1].domain[d], total.slots[1].people));
  }
  ledger.set(k++, share(total.unemployed, total.employed + total.unemployed));
  ledger.set(k++, n ? total.disposable / n : 0.0);
  auto mean = [](const Counts& c) { return c.people ? c.wellbeing / c.people : 0.0; };
  for (std::size_t g = 0; g < groups_; ++g) ledger.set(k++, mean(total.slots[2 + g]));
  ledger.set(k++, mean(total.slots[1]));
  ledger.set(k++, static_cast<double>(world_->overlay.ties().size()));
  for (unsigned d = 0; d < kD; ++d)
    ledger.set(k++, share(total.slots[0].after[d], total.slots[0].people));
  ledger.set(k++, total.children ? total.children_wellbeing / total.children : 0.0);
  ledger.set(k++, share(total.children_low, total.children));
}

}  // namespace wellsim::models
