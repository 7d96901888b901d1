// Case management (micro): a social worker or navigator holds a caseload of people with
// practical problems — housing, homelessness, food, fuel, debt — and the health problems that
// come with them, works on one problem at a time and refers onward.
//
// Mechanism: eligible while at least one problem among housing insecure, homeless, food
// insecure, fuel poor, mental illness, substance misuse, financial strain; need = the number of
// problems (the need queue sees the most complex cases first). Each week of case work resolves
// one current problem, chosen uniformly, with probability `resolve_rate` (homeless becomes
// housing insecure: rehousing is a step, not a cure), and for each problem a specialist handles
// (mental illness, substance misuse, financial strain, housing) makes a referral with
// probability `referral_rate`, setting the World's referral bit that specialist_referral reads.
// Capacity = workers x caseload when `workers` > 0.
//
// Sources: caseloads of 15-25 in adult social care and homelessness case work; the DESIGN example
// uses 18. The cost of £95 per case week is PSSRU Unit Costs of Health and Social Care (social
// worker about £60 per hour) at about 1.5 hours per case per week. Resolve and referral rates are
// judgement. Why this way: one problem at a time keeps the effect proportional to time spent,
// so a larger caseload per worker has a visible price.
#include "models/interventions/micro/case_management.hpp"

#include <bit>

namespace wellsim::models {

namespace {
constexpr DomainBits kProblems = kHousingInsecure | kHomeless | kFoodInsecure | kFuelPoor |
                                 kMentalIll | kSubstanceMisuse | kFinancialStrain;
}  // namespace

const sim::ParamTable<CaseManagement>& CaseManagement::table() {
  return sim::declared<CaseManagement>([](sim::ParamTable<CaseManagement>& t) {
    t.add("workers", &CaseManagement::workers_, 0)
        .range(0, 1e9)
        .help("case workers; when > 0, capacity = workers x caseload (overrides `capacity`)");
    t.add("caseload", &CaseManagement::caseload_, 18)
        .range(1, 1e6)
        .unit("cases")
        .help("cases per worker (DESIGN example 18)");
    t.add("resolve_rate", &CaseManagement::resolve_rate_, 0.1)
        .range(0, 1)
        .unit("1/week")
        .help("weekly probability that case work resolves one current problem (judgement)");
    t.add("referral_rate", &CaseManagement::referral_rate_, 0.25)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly probability of an onward referral for each problem a specialist handles "
            "(judgement)");
    t.add("cost_per_case_week", &CaseManagement::case_week_cost_, 95.0)
        .range(0, 1e9)
        .unit("GBP")
        .help(
            "GBP per case per week, added to cost_per_participant_week (PSSRU unit costs: "
            "~1.5 social-worker hours)");
  });
}

CaseManagement::CaseManagement(const InterventionSetup& s) : Service(s, Level::Micro) {
  table().read(params_, *this);
}

void CaseManagement::prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  e_resolved_ = ledger.add_event_kind(name() + "/resolved");
  e_referred_ = ledger.add_event_kind(name() + "/referred");
}

std::uint64_t CaseManagement::base_capacity() const {
  return workers_ > 0 ? workers_ * caseload_ : capacity_;
}

double CaseManagement::participant_week_cost() const {
  return costs_.per_participant_week + case_week_cost_;
}

DomainBits CaseManagement::required_domains() const { return static_cast<DomainBits>(kProblems); }

bool CaseManagement::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & kProblems) != 0;
}

double CaseManagement::need(const sim::AgentStore& a, std::uint32_t i) const {
  return std::popcount(static_cast<unsigned>(a.domains[i] & kProblems));
}

void CaseManagement::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                           std::vector<sim::Event>& events) const {
  const std::uint32_t t = ctx.step, d = kFirstTypeDraw;
  DomainBits& dom = ctx.agents.domains[i];
  // Referrals read the problems as the week began, before any is resolved.
  struct Refer {
    DomainBits problem;
    std::uint8_t bit;
  };
  static constexpr Refer kRefer[] = {{kMentalIll, kReferMentalHealth},
                                     {kSubstanceMisuse, kReferSubstance},
                                     {kFinancialStrain, kReferDebt},
                                     {kHousingInsecure | kHomeless, kReferHousing}};
  for (std::uint32_t r = 0; r < 4; ++r) {
    if (!(dom & kRefer[r].problem) || (world_->referral[i] & kRefer[r].bit)) continue;
    if (rng.uniform(t, i, d + 2 + r) < referral_rate_) {
      world_->referral[i] |= kRefer[r].bit;
      events.push_back({t, i, sim::kNoAgent, e_referred_, kRefer[r].bit});
    }
  }
  const unsigned problems = dom & kProblems;
  if (problems == 0 || rng.uniform(t, i, d) >= resolve_rate_) return;
  unsigned pick = rng.below(static_cast<std::uint32_t>(std::popcount(problems)), t, i, d + 1);
  unsigned bits = problems;
  while (pick--) bits &= bits - 1;  // drop the lowest set bits until the chosen one is lowest
  const auto b = static_cast<DomainBits>(bits & (~bits + 1));
  dom = static_cast<DomainBits>(dom & ~b);
  if (b == kHomeless) dom |= kHousingInsecure;
  events.push_back({t, i, sim::kNoAgent, e_resolved_,
                    static_cast<std::uint16_t>(std::countr_zero(static_cast<unsigned>(b)))});
}

}  // namespace wellsim::models
