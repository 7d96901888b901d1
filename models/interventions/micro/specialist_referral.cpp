// Specialist referral (micro): NHS Talking Therapies (IAPT) for depression and anxiety, or a
// community substance-use service.
//
// Mechanism: eligible while the person has the condition; joining also needs a referral — the
// World's referral bit set by case work (cleared on admission: the referral has been taken) or
// a self-referral, a weekly probability `self_referral` while not referred. Each week of the
// course (`course_weeks`, unless `duration_weeks` is set) clears the condition with probability
// `recovery_rate`.
// Sources: NHS Talking Therapies annual reports give about 50% "recovery" among those finishing a
// course of typically 6-12 sessions; 1 - (1 - 0.056)^12 = 0.50, hence the weekly 0.056 over 12
// weeks. For substance use, successful completion in NDTMS statistics is lower (~35-45% over
// longer courses); set `recovery_rate` accordingly. Self-referral rate is judgement.
// Why this way: a course with a weekly hazard yields both the published completion-recovery
// share and a spread of recovery times, and referral bits let case work feed the waiting list.
#include "models/interventions/micro/specialist_referral.hpp"

#include <bit>

namespace wellsim::models {

const sim::ParamTable<SpecialistReferral>& SpecialistReferral::table() {
  return sim::declared<SpecialistReferral>([](sim::ParamTable<SpecialistReferral>& t) {
    t.choice("service", &SpecialistReferral::condition_, kMentalIll,
             {{"mental_health", kMentalIll}, {"substance_use", kSubstanceMisuse}})
        .help("the condition it treats");
    t.add("self_referral", &SpecialistReferral::self_referral_, 0.02)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly probability that someone with the condition refers themselves "
            "(judgement)");
    t.add("recovery_rate", &SpecialistReferral::recovery_rate_, 0.056)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly probability of recovery during the course (0.056: NHS Talking Therapies' "
            "~50% recovery over 12 weeks)");
    t.add("course_weeks", &SpecialistReferral::course_weeks_, 12)
        .range(1, 1e6)
        .unit("weeks")
        .help("weeks of a course when duration_weeks is 0 (Talking Therapies: 6-12 sessions)");
  });
}

SpecialistReferral::SpecialistReferral(const InterventionSetup& s) : Service(s, Level::Micro) {
  table().read(params_, *this);
  referral_bit_ = condition_ == kMentalIll ? kReferMentalHealth : kReferSubstance;
}

void SpecialistReferral::prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  e_recovered_ = ledger.add_event_kind(name() + "/recovered");
}

DomainBits SpecialistReferral::required_domains() const {
  return static_cast<DomainBits>(condition_);
}

bool SpecialistReferral::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & condition_) != 0;
}

bool SpecialistReferral::admissible(const sim::StepContext& ctx, const sim::RandomStream& rng,
                                    std::uint32_t i) const {
  return (world_->referral[i] & referral_bit_) ||
         rng.uniform(ctx.step, i, kFirstTypeDraw) < self_referral_;
}

double SpecialistReferral::need(const sim::AgentStore& a, std::uint32_t i) const {
  // Co-occurring problems first: the clinical triage of complex cases.
  return std::popcount(static_cast<unsigned>(a.domains[i]));
}

void SpecialistReferral::on_start(sim::StepContext&, const sim::RandomStream&, std::uint32_t i) {
  world_->referral[i] = static_cast<std::uint8_t>(world_->referral[i] & ~referral_bit_);
}

void SpecialistReferral::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                               std::vector<sim::Event>& events) const {
  if (rng.uniform(ctx.step, i, kFirstTypeDraw + 1) >= recovery_rate_) return;
  ctx.agents.domains[i] = static_cast<DomainBits>(ctx.agents.domains[i] & ~condition_);
  events.push_back({ctx.step, i, sim::kNoAgent, e_recovered_, 0});
}

}  // namespace wellsim::models
