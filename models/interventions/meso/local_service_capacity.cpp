// Local service capacity (meso): a local open-access mental-health and wellbeing service (a
// wellbeing hub, a drop-in, a community recovery service) whose places a council can fund.
//
// Mechanism: eligible with mental illness (`condition` = "mental_health"), substance misuse
// ("substance_use") or either ("both"); no referral needed (open access); places = capacity;
// need = the number of co-occurring problems. Each served week clears the person's treated
// conditions with probability `recovery_rate` each.
// Source: open-access, lower-intensity support is less effective per week than a specialist
// course (NHS Talking Therapies recovery ~50% over 12 weeks, 0.056/week); 0.04 is judgement.
// Why this way: the same weekly-hazard form as specialist_referral, so funding the local
// service or the specialist one can be compared on equal terms.
#include "models/interventions/meso/local_service_capacity.hpp"

#include <bit>

namespace wellsim::models {

namespace {
constexpr DomainBits kMentalOrSubstance = kMentalIll | kSubstanceMisuse;
}  // namespace

const sim::ParamTable<LocalServiceCapacity>& LocalServiceCapacity::table() {
  return sim::declared<LocalServiceCapacity>([](sim::ParamTable<LocalServiceCapacity>& t) {
    t.choice("condition", &LocalServiceCapacity::conditions_, kMentalIll,
             {{"mental_health", kMentalIll},
              {"substance_use", kSubstanceMisuse},
              {"both", kMentalOrSubstance}})
        .help("the conditions it serves");
    t.add("recovery_rate", &LocalServiceCapacity::recovery_rate_, 0.04)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly probability that a served condition clears (judgement, below the "
            "specialist 0.056)");
  });
}

LocalServiceCapacity::LocalServiceCapacity(const InterventionSetup& s) : Service(s, Level::Meso) {
  table().read(params_, *this);
}

void LocalServiceCapacity::prepare_type(const sim::Network&, sim::AgentStore&,
                                        sim::Ledger& ledger) {
  e_recovered_ = ledger.add_event_kind(name() + "/recovered");
}

DomainBits LocalServiceCapacity::required_domains() const {
  return static_cast<DomainBits>(conditions_);
}

bool LocalServiceCapacity::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & conditions_) != 0;
}

double LocalServiceCapacity::need(const sim::AgentStore& a, std::uint32_t i) const {
  return std::popcount(static_cast<unsigned>(a.domains[i]));
}

void LocalServiceCapacity::serve(sim::StepContext& ctx, const sim::RandomStream& rng,
                                 std::uint32_t i, std::vector<sim::Event>& events) const {
  DomainBits& dom = ctx.agents.domains[i];
  const DomainBits bits[2] = {kMentalIll, kSubstanceMisuse};
  for (std::uint32_t k = 0; k < 2; ++k) {
    if (!(dom & conditions_ & bits[k])) continue;
    if (rng.uniform(ctx.step, i, kFirstTypeDraw + k) >= recovery_rate_) continue;
    dom = static_cast<DomainBits>(dom & ~bits[k]);
    events.push_back({ctx.step, i, sim::kNoAgent, e_recovered_, static_cast<std::uint16_t>(k)});
  }
}

}  // namespace wellsim::models
