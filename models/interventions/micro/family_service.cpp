// The shared part of the family services (family_support, relationship_counselling).
//
// Mechanism: relationship distress is a state of a couple household ([family], models/life/
// family.cpp). The service takes one partner per couple — the first partnered adult of the
// household — so a couple holds one place and is charged once. Households with domestic abuse
// are screened out: Relate and parenting programmes do not offer joint work where there is abuse
// (Relate's practice; NICE NG76 and the EIF guidebook list abuse as an exclusion). Each week of
// the course resolves the distress with probability `recovery_rate`: the participant's bit is
// cleared now, and the family mechanism clears it for the partner and the children as the next
// week begins (the household stays distressed only while every partner still has it), so the
// participant gains at once and the family a week later. A course that ends without it resolved
// is not offered again in the same episode of distress (Service: the person stays "asked").
// Why this way: the published outcomes are shares of couples or families no longer in the
// clinical range after a course, which a weekly hazard over the course reproduces.
#include "models/interventions/micro/family_service.hpp"

#include <bit>

namespace wellsim::models {

namespace {
constexpr std::uint32_t kFamilyChildAge = 16;
}  // namespace

sim::ParamTable<FamilyCourse> family_course_table(double rate, std::uint32_t weeks,
                                                  const std::string& rate_source,
                                                  const std::string& weeks_source) {
  sim::ParamTable<FamilyCourse> t;
  t.add("recovery_rate", &FamilyCourse::recovery_rate, rate)
      .range(0, 1)
      .unit("1/week")
      .help("weekly probability that a week of the course resolves the distress (" + rate_source +
            ")");
  t.add("course_weeks", &FamilyCourse::course_weeks, weeks)
      .range(1, 520)
      .unit("weeks")
      .help("weeks of a course when duration_weeks is 0 (" + weeks_source + ")");
  return t;
}

FamilyService::FamilyService(const InterventionSetup& s, bool needs_child)
    : Service(s, Level::Micro), needs_child_(needs_child) {}

void FamilyService::prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  e_resolved_ = ledger.add_event_kind(name() + "/resolved");
}

std::pair<std::uint32_t, std::uint32_t> FamilyService::household_of(const sim::AgentStore& a,
                                                                    std::uint32_t i) const {
  const auto& hs = world_->household_start;
  const std::uint32_t h = a.household[i];
  if (h + 1 >= hs.size()) return {i, i + 1};
  return {hs[h], hs[h + 1]};
}

bool FamilyService::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  if (a.age[i] < kFamilyChildAge || !(a.traits[i] & kPartnered) ||
      !(a.domains[i] & kRelationshipDistress))
    return false;
  const auto [s, e] = household_of(a, i);
  bool child = false;
  for (auto j = s; j < e; ++j) {
    if (a.domains[j] & kDomesticAbuse) return false;
    if (j < i && a.age[j] >= kFamilyChildAge && (a.traits[j] & kPartnered)) return false;
    child |= a.age[j] < kFamilyChildAge;
  }
  return child || !needs_child_;
}

double FamilyService::need(const sim::AgentStore& a, std::uint32_t i) const {
  const auto [s, e] = household_of(a, i);
  double children = 0;
  for (auto j = s; j < e; ++j) children += a.age[j] < kFamilyChildAge;
  return std::popcount(static_cast<unsigned>(a.domains[i])) + children;
}

void FamilyService::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                          std::vector<sim::Event>& events) const {
  if (rng.uniform(ctx.step, i, kFirstTypeDraw) >= course_.recovery_rate) return;
  ctx.agents.domains[i] = static_cast<DomainBits>(ctx.agents.domains[i] & ~kRelationshipDistress);
  events.push_back({ctx.step, i, sim::kNoAgent, e_resolved_, 0});
}

}  // namespace wellsim::models
