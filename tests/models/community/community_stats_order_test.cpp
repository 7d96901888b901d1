// CommunityStats adds every sum in one fixed order: the same figures, to the bit, as the dense
// per-block counters it replaced (one set per neighbourhood in every block of 8,192 people, added
// in block order), and the same on 1, 2 and 4 threads, with neighbourhoods contiguous (as
// populations are synthesised) and scattered over every block, every domain bit in use, rows
// absent ([demography]) and children in the children's measure.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "models/community/community_stats.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/rng.hpp"
#include "sim/series_names.hpp"

using namespace wellsim;

namespace {

constexpr unsigned kStatsDomains = models::kDomainCount;
constexpr std::size_t kStatsGroups = 300;

struct StatsInput {
  sim::Network net;
  sim::AgentStore agents;
  std::shared_ptr<models::World> world = std::make_shared<models::World>();
};

/// More blocks than the statistics count at once; group -1 (none) for one person in 50.
StatsInput make_stats_input(bool scattered) {
  StatsInput in;
  const std::size_t n = 70 * sim::kAgentBlock + 123;
  in.agents.resize(n);
  in.agents.resize_people(n);
  in.net.group.resize(n);
  in.agents.present.assign(n, 1);
  in.world->relieved.assign(n, 0);
  sim::RandomStream r(11, 0, "test.stats_order");
  for (std::uint32_t i = 0; i < n; ++i) {
    in.agents.domains[i] = static_cast<models::DomainBits>(r.below(1u << kStatsDomains, 0, i, 0));
    in.world->relieved[i] =
        static_cast<models::DomainBits>(r.below(1u << kStatsDomains, 0, i, 1) & 0x10041);
    in.agents.present[i] = r.uniform(0, i, 10) < 0.03 ? 0 : 1;
    in.agents.age[i] = static_cast<std::uint8_t>(r.below(30, 0, i, 11));
    in.agents.traits[i] = r.uniform(0, i, 2) < 0.15 ? models::kMinority : 0;
    in.agents.activity[i] = static_cast<std::uint8_t>(r.below(6, 0, i, 3));
    // Magnitudes 2^-30 .. 2^10 so that sums round, and a different order of additions shows.
    in.agents.disposable[i] =
        std::ldexp(static_cast<float>(r.uniform(0, i, 4)), 10 - int(r.below(41, 0, i, 8)));
    in.agents.wellbeing[i] =
        std::ldexp(static_cast<float>(r.uniform(0, i, 5)), 10 - int(r.below(41, 0, i, 9)));
    const auto g = scattered ? r.below(kStatsGroups, 0, i, 6) : i * kStatsGroups / n;
    in.net.group[i] = r.uniform(0, i, 7) < 0.02 ? -1 : static_cast<std::int32_t>(g);
  }
  return in;
}

/// The series of CommunityStats::prepare on `in` with `threads` threads.
sim::Ledger measured_stats(const StatsInput& in, int threads) {
  tbb::global_control c(tbb::global_control::max_allowed_parallelism, threads);
  StatsInput copy = in;
  sim::Ledger ledger;
  models::CommunityStats(copy.world).prepare(copy.net, copy.agents, ledger);
  return ledger;
}

/// What the replaced code added up for one slot: per-block sums (zero where the block has nobody
/// of the slot) added in block order. Slot -2: everyone; -1: minority people; g: group g.
struct StatsFold {
  std::uint64_t people = 0, domain[kStatsDomains] = {}, after[kStatsDomains] = {};
  double wellbeing = 0, disposable = 0;
  std::uint64_t children = 0, children_low = 0;  // ages 10-15, and of them below 4.5
  double children_wellbeing = 0;
};

bool in_stats_slot(const StatsInput& in, std::size_t i, long slot) {
  if (slot == -1) return in.agents.traits[i] & models::kMinority;
  return slot == -2 || in.net.group[i] == slot;
}

StatsFold fold_slot(const StatsInput& in, long slot) {
  StatsFold total;
  const std::size_t n = in.agents.size();
  for (std::size_t b = 0; b < n; b += sim::kAgentBlock) {
    StatsFold block;
    for (std::size_t i = b; i < std::min(n, b + sim::kAgentBlock); ++i) {
      if (!in.agents.present[i]) continue;
      block.disposable += in.agents.disposable[i];
      const float w = in.agents.wellbeing[i];
      if (in.agents.age[i] >= 10 && in.agents.age[i] <= 15)
        ++block.children, block.children_wellbeing += w, block.children_low += w < 4.5f;
      if (!in_stats_slot(in, i, slot)) continue;
      const unsigned left = in.agents.domains[i], need = left | in.world->relieved[i];
      ++block.people;
      block.wellbeing += in.agents.wellbeing[i];
      for (unsigned k = 0; k < kStatsDomains; ++k) block.domain[k] += (need >> k) & 1;
      for (unsigned k = 0; k < kStatsDomains; ++k) block.after[k] += (left >> k) & 1;
    }
    total.people += block.people, total.wellbeing += block.wellbeing;
    total.disposable += block.disposable;
    total.children += block.children, total.children_low += block.children_low;
    total.children_wellbeing += block.children_wellbeing;
    for (unsigned k = 0; k < kStatsDomains; ++k) total.domain[k] += block.domain[k];
    for (unsigned k = 0; k < kStatsDomains; ++k) total.after[k] += block.after[k];
  }
  return total;
}

/// Series `name` of `ledger`, as its bits.
std::uint64_t stats_bits(const sim::Ledger& ledger, const std::string& name) {
  const long k = ledger.find_series(name);
  REQUIRE(k >= 0);
  const double x = ledger.values()[static_cast<std::size_t>(k)];
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

std::uint64_t stats_bits(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

void check_against_fold(const StatsInput& in, const sim::Ledger& ledger) {
  const StatsFold all = fold_slot(in, -2);
  CHECK(stats_bits(ledger, "income/mean_disposable") == stats_bits(all.disposable / all.people));
  CHECK(stats_bits(ledger, sim::series::kChildrenMean) ==
        stats_bits(all.children_wellbeing / all.children));
  CHECK(stats_bits(ledger, sim::series::kChildrenLow) ==
        stats_bits(double(all.children_low) / all.children));
  for (long slot : {-2L, -1L, 0L, 7L, 151L, long{kStatsGroups} - 1}) {
    const StatsFold f = fold_slot(in, slot);
    const std::string label = slot == -1 ? "minority" : std::to_string(slot);
    INFO("slot " << label);
    if (slot != -2)
      CHECK(stats_bits(ledger, "wellbeing/mean/" + label) == stats_bits(f.wellbeing / f.people));
    for (unsigned d = 0; d < kStatsDomains; ++d) {
      const std::string name = std::string("prevalence/") + models::domain_name(d);
      CHECK(stats_bits(ledger, slot == -2 ? name : name + "/" + label) ==
            stats_bits(double(f.domain[d]) / f.people));
      if (slot == -2)
        CHECK(stats_bits(ledger, std::string("after_relief/") + models::domain_name(d)) ==
              stats_bits(double(f.after[d]) / f.people));
    }
  }
}

}  // namespace

TEST_CASE("community stats add every sum as the dense per-block counters did, on any threads",
          "[models][life]") {
  for (bool scattered : {false, true}) {
    INFO((scattered ? "neighbourhoods scattered" : "neighbourhoods contiguous"));
    const StatsInput in = make_stats_input(scattered);
    const sim::Ledger one = measured_stats(in, 1);
    check_against_fold(in, one);
    CHECK(one.values() == measured_stats(in, 2).values());
    CHECK(one.values() == measured_stats(in, 4).values());
  }
}
