// Children in need: children's social care's count of children assessed as in need because of
// domestic abuse, the most common factor the DfE records at the end of an assessment.
//
// Mechanism, once a week, child by child (each writes only their own slot):
//   - a present child under 16 living with domestic abuse (the kDomesticAbuse bit that
//     family.cpp gives the children of an abused adult) who is not in need is assessed as a child
//     in need with the weekly probability a;
//   - a child in need stops being one with probability r = 1 / in_need_weeks, on reaching 18, or
//     on leaving the town ([demography]); the end does not wait for the abuse to end.
// Calibration: in a steady state the inflow a (E - C) equals the outflow r C, for E children
// under 16 living with abuse and C children in need among them; so for a target of C = T N /
// 10,000 (N children under 18), a = r C / (E - C), from week 0's counts (capped at 1; when E <= C
// the target cannot be reached and a = 1). Week 0 puts each child living with abuse in need with
// probability C / E, so the count starts at its target. That steady state is exact while abuse
// outlasts the time in need; when a household's abuse ends first, its children in need stay in
// need and the pool at risk is larger than E - C, so the count settles above T (measured in
// docs/model.md). T defaults to 343 x 0.496 = 170 (DfE: children in need per 10,000 at 31 March
// 2023, and the share with domestic abuse identified, 2016). What it is not: a referral route with
// capacity or an effect on wellbeing (the count is what councils' children's services would hold;
// docs/model.md says what is left out). Nothing reads the flag, so a run's every other figure is
// the same with T = 0. Draws: stream "children_in_need", (step, agent, 0) word 0 — step 0 for week
// 0. Its own stream and inputs no policy reaches but through the abuse bit, so common random
// numbers hold.
#include "models/life/children_in_need.hpp"

#include <algorithm>

#include "models/life/household_weeks.hpp"
#include "sim/deterministic_parallel.hpp"
#include "sim/series_names.hpp"

namespace wellsim::models {

namespace {

constexpr std::uint8_t kAssessedUnder = 16;  // the ages that carry the household's abuse bit
constexpr std::uint8_t kChildUnder = 18;     // the DfE's children

}  // namespace

ChildrenInNeed::ChildrenInNeed(const sim::ParamSet& family, std::shared_ptr<World> world,
                               std::uint64_t seed, std::uint32_t replicate)
    : rates_(family_table().read(family)),
      world_(std::move(world)),
      seed_(seed),
      replicate_(replicate),
      stream_(seed, replicate, "children_in_need") {}

double ChildrenInNeed::per_10k(const sim::AgentStore& a) const {
  std::uint64_t children = 0, need = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a.is_present(i) || a.age[i] >= kChildUnder) continue;
    ++children;
    need += in_need_[i];
  }
  return children ? 10000.0 * static_cast<double>(need) / static_cast<double>(children) : 0.0;
}

void ChildrenInNeed::prepare(const sim::Network&, sim::AgentStore& a, sim::Ledger& ledger) {
  const std::size_t n = a.size();
  std::uint64_t children = 0, exposed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!a.is_present(i) || a.age[i] >= kChildUnder) continue;
    ++children;
    exposed += a.age[i] < kAssessedUnder && (a.domains[i] & kDomesticAbuse);
  }
  const double target = rates_.in_need_per_10k / 10000.0 * static_cast<double>(children);
  const double pool = static_cast<double>(exposed) - target;  // exposed, not yet in need
  const double start = exposed ? std::min(1.0, target / static_cast<double>(exposed)) : 0.0;
  assessment_ = pool > 0 ? std::min(1.0, target / rates_.in_need_weeks / pool) : 1.0;
  if (target <= 0) assessment_ = 0;
  in_need_.assign(n, 0);
  sim::for_blocks(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i)
      in_need_[i] = a.is_present(i) && a.age[i] < kAssessedUnder &&
                    (a.domains[i] & kDomesticAbuse) &&
                    sim::word_below(stream_.words(0, static_cast<std::uint32_t>(i), 0)[0], start);
  });
  start_kind_ = ledger.add_event_kind("child_in_need/start");
  end_kind_ = ledger.add_event_kind("child_in_need/end");
  series_ = ledger.add_series(sim::series::kChildrenInNeed);
  ledger.set(series_, per_10k(a));
}

void ChildrenInNeed::run(sim::Phase, sim::StepContext& ctx) {
  follow_run(stream_, seed_, replicate_, ctx, "children_in_need");
  const sim::AgentStore& a = ctx.agents;
  const double leave = 1.0 / rates_.in_need_weeks;
  const std::uint32_t step = ctx.step;
  auto events = sim::collect_blocks<sim::Event>(
      a.size(), [&](std::size_t b, std::size_t e, std::vector<sim::Event>& out) {
        for (std::size_t k = b; k < e; ++k) {
          const auto i = static_cast<std::uint32_t>(k);
          const bool was = in_need_[i];
          bool now = false;
          if (a.is_present(i) && a.age[i] < kChildUnder) {
            const std::uint32_t w = stream_.words(step, i, 0)[0];
            now = was ? !sim::word_below(w, leave)
                      : a.age[i] < kAssessedUnder && (a.domains[i] & kDomesticAbuse) &&
                            sim::word_below(w, assessment_);
          }
          if (now == was) continue;
          in_need_[i] = now;
          out.push_back({step, i, sim::kNoAgent, now ? start_kind_ : end_kind_, 0});
        }
      });
  ctx.ledger.record(events);
  ctx.ledger.set(series_, per_10k(a));
}

}  // namespace wellsim::models
