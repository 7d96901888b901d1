// Warm space (meso): heated public rooms (libraries, churches, community centres) opened in the
// 2022 cost-of-living crisis for people who cannot afford to heat their homes.
//
// Mechanism: eligible while fuel poor, or lonely when `include_lonely`; places = capacity; need =
// 2 when both fuel poor and lonely, else 1. A served week clears kFuelPoor with probability
// `relief` (the week's harm of a cold home is avoided — World::relieve, for that week only; life
// events restore the need next week and end it only if the bills become affordable), and attendees
// make ties with each other (overlay, event "tie/<name>") with probability `tie_rate`. Source: Warm
// Welcome campaign surveys (2022-23) report most visitors came for warmth and company; the rates
// are judgement. Why this way: the two reasons people came — warmth and company — are the two
// effects.
#include "models/interventions/meso/warm_space.hpp"

namespace wellsim::models {

const sim::ParamTable<WarmSpace>& WarmSpace::table() {
  return sim::declared<WarmSpace>([](sim::ParamTable<WarmSpace>& t) {
    t.include(&WarmSpace::rule_, tie_table(0.1, "judgement"));
    t.add("relief", &WarmSpace::relief_, 0.5)
        .range(0, 1)
        .help("probability a served week clears fuel poverty's harm for the week (judgement)");
    t.add("include_lonely", &WarmSpace::include_lonely_, true)
        .help("lonely people are eligible too, not only the fuel poor");
  });
}

WarmSpace::WarmSpace(const InterventionSetup& s) : TieProgramme(s, Level::Meso) {
  table().read(params_, *this);
}

void WarmSpace::prepare_type(const sim::Network& net, sim::AgentStore& agents,
                             sim::Ledger& ledger) {
  e_relief_ = ledger.add_event_kind(name() + "/relief");
  TieProgramme::prepare_type(net, agents, ledger);
}

DomainBits WarmSpace::required_domains() const {
  return kFuelPoor | (include_lonely_ ? DomainBits{kLonely} : DomainBits{0});
}

bool WarmSpace::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & kFuelPoor) || (include_lonely_ && (a.domains[i] & kLonely));
}

double WarmSpace::need(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & kFuelPoor) && (a.domains[i] & kLonely) ? 2 : 1;
}

void WarmSpace::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                      std::vector<sim::Event>& events) const {
  if (!(ctx.agents.domains[i] & kFuelPoor)) return;
  if (rng.uniform(ctx.step, i, kFirstTypeDraw) >= relief_) return;
  world_->relieve(ctx.agents, i, kFuelPoor);
  events.push_back({ctx.step, i, sim::kNoAgent, e_relief_, 0});
}

void WarmSpace::after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) {
  ties_among_participants(ctx, rng, kFirstTypeDraw + 1);
}

}  // namespace wellsim::models
