// Warm space (meso): heated public rooms (libraries, churches, community centres) opened in the
// 2022 cost-of-living crisis for people who cannot afford to heat their homes.
//
// Mechanism: eligible while fuel poor, or lonely when `include_lonely`; places = capacity; need =
// 2 when both fuel poor and lonely, else 1. A served week clears kFuelPoor with probability
// `relief` (the week's harm of a cold home is avoided; life events bring it back next week if
// the bills are still unaffordable), and attendees make ties with each other (overlay, event
// "tie/<name>") with probability `tie_rate`.
// Source: Warm Welcome campaign surveys (2022-23) report most visitors came for warmth and
// company; the rates are judgement.
// Why this way: the two reasons people came — warmth and company — are the two effects.
#include "models/interventions/meso/warm_space.hpp"

namespace wellsim::models {

std::vector<sim::ParamSpec> WarmSpace::params() {
  auto p = tie_params(0.1, "judgement");
  p.push_back({"relief", sim::ParamType::Real,
               "probability a served week clears fuel poverty's harm for the week (judgement)",
               "", 0.5, 0.0, 1.0});
  p.push_back({"include_lonely", sim::ParamType::Boolean,
               "lonely people are eligible too, not only the fuel poor", "", true});
  return p;
}

WarmSpace::WarmSpace(const InterventionSetup& s) : Service(s, Level::Meso) {
  relief_ = params_.real("relief");
  include_lonely_ = params_.boolean("include_lonely");
  rule_ = read_tie_rule(params_);
}

void WarmSpace::prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  e_relief_ = ledger.add_event_kind(name() + "/relief");
  e_tie_ = ledger.add_event_kind("tie/" + label_);
}

bool WarmSpace::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & sim::kFuelPoor) || (include_lonely_ && (a.domains[i] & sim::kLonely));
}

double WarmSpace::need(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & sim::kFuelPoor) && (a.domains[i] & sim::kLonely) ? 2 : 1;
}

void WarmSpace::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                      std::vector<sim::Event>& events) const {
  if (!(ctx.agents.domains[i] & sim::kFuelPoor)) return;
  if (rng.uniform(ctx.step, i, kFirstTypeDraw) >= relief_) return;
  ctx.agents.domains[i] = static_cast<std::uint16_t>(ctx.agents.domains[i] & ~sim::kFuelPoor);
  events.push_back({ctx.step, i, sim::kNoAgent, e_relief_, 0});
}

void WarmSpace::after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) {
  peer_ties(*world_, ctx, rng, participants(), rule_, kFirstTypeDraw + 1, e_tie_);
}

}  // namespace wellsim::models
