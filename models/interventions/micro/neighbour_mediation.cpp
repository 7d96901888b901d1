// Neighbour mediation (micro): a community mediation service for households in trouble with
// their neighbours ([neighbours], models/life/neighbours.cpp).
//
// Mechanism: one place per household, taken by its first adult (the household head), so a
// household is charged once. Each week of a case resolves the dispute with probability
// `resolution_rate`: the participant's bit is cleared now, and the neighbours mechanism clears it
// for the rest of the household as the next week begins (the trouble holds only while every
// adult still has it). A case that ends unresolved is not opened again in the same episode
// (Service: the person stays "asked"). Only the served household is modelled: the other party
// to the dispute is not identified in the network, so no gain is counted for them (a lower
// bound on the benefit).
// Sources, and how thin they are: the UK evaluations of community mediation are small and
// uncontrolled — Dignan, Sorsby & Hibbert 1996 ("Neighbour disputes: comparing the
// cost-effectiveness of mediation and alternative approaches", University of Sheffield) and
// Mulcahy & Summerfield 2001 ("Keeping it in the community", Nuffield Trust). Services report
// agreement in most cases that reach a mediation meeting, but many referrals never get there (one
// party declines), so the share of referred disputes resolved is well below the share of
// mediated ones. Default: 40% resolved by a 10-week case, 1 - (1 - 0.05)^10 = 0.40, on top of
// the 32% that end without help over the same weeks ([neighbours] recovery 1/26): our judgement
// of that evidence, range 0.02-0.10 a week. Cost per case is the scenario's (cost_per_participant);
// Dignan et al. found mediation cheaper per case than the housing-management and legal routes it
// replaces.
#include "models/interventions/micro/neighbour_mediation.hpp"

#include <bit>

namespace wellsim::models {

namespace {
constexpr std::uint32_t kMediationAdultAge = 16;
}  // namespace

const sim::ParamTable<NeighbourMediation>& NeighbourMediation::table() {
  return sim::declared<NeighbourMediation>([](sim::ParamTable<NeighbourMediation>& t) {
    t.add("resolution_rate", &NeighbourMediation::resolution_rate_, 0.05)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly probability that a week of the case resolves the dispute (judgement from "
            "small uncontrolled UK evaluations, Dignan et al. 1996, Mulcahy & Summerfield 2001: "
            "40% of referred disputes resolved over 10 weeks; range 0.02-0.10)");
    t.add("case_weeks", &NeighbourMediation::case_weeks_, 10)
        .range(1, 520)
        .unit("weeks")
        .help(
            "weeks of a case when duration_weeks is 0 (visits to each party, then a joint "
            "meeting: services aim for 6-12 weeks)");
  });
}

NeighbourMediation::NeighbourMediation(const InterventionSetup& s) : Service(s, Level::Micro) {
  table().read(params_, *this);
}

void NeighbourMediation::prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  e_resolved_ = ledger.add_event_kind(name() + "/resolved");
}

bool NeighbourMediation::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  if (a.age[i] < kMediationAdultAge || !(a.domains[i] & kNeighbourConflict)) return false;
  const auto& hs = world_->household_start;
  const std::uint32_t h = a.household[i];
  const std::uint32_t first = h + 1 < hs.size() ? hs[h] : i;
  for (auto j = first; j < i; ++j)
    if (a.age[j] >= kMediationAdultAge) return false;  // an earlier adult holds the place
  return true;
}

double NeighbourMediation::need(const sim::AgentStore& a, std::uint32_t i) const {
  const auto& hs = world_->household_start;
  const std::uint32_t h = a.household[i];
  const double members = h + 1 < hs.size() ? hs[h + 1] - hs[h] : 1;
  return std::popcount(static_cast<unsigned>(a.domains[i])) + members;
}

void NeighbourMediation::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                               std::vector<sim::Event>& events) const {
  if (rng.uniform(ctx.step, i, kFirstTypeDraw) >= resolution_rate_) return;
  ctx.agents.domains[i] &= ~static_cast<DomainBits>(kNeighbourConflict);
  events.push_back({ctx.step, i, sim::kNoAgent, e_resolved_, 0});
}

}  // namespace wellsim::models
