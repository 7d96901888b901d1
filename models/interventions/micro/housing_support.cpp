// Housing support (micro): homelessness prevention and relief work under the Homelessness
// Reduction Act 2017 (a 56-day prevention duty, then a 56-day relief duty).
//
// Mechanism: eligible while housing insecure or homeless; need 2 for homeless, 1 for insecure.
// Each week of support moves a person one step with probability `resolve_rate`: homeless to
// housing insecure (accommodation secured, tenancy still fragile), insecure to secure.
// Source: MHCLG statutory homelessness statistics — about half of prevention duties end with
// accommodation secured; over an 8-week duty 1 - (1 - 0.08)^8 = 0.49, hence the weekly 0.08
// (a calibration to that share, not a measured hazard).
// Why this way: two steps keep rehousing from being a cure in one week, as in practice.
#include "models/interventions/micro/housing_support.hpp"

namespace wellsim::models {

const sim::ParamTable<HousingSupport>& HousingSupport::table() {
  return sim::declared<HousingSupport>([](sim::ParamTable<HousingSupport>& t) {
    t.add("resolve_rate", &HousingSupport::resolve_rate_, 0.08)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly probability of one step to secure housing (0.08: ~half of 8-week "
            "prevention duties succeed, MHCLG statistics)");
  });
}

HousingSupport::HousingSupport(const InterventionSetup& s) : Service(s, Level::Micro) {
  table().read(params_, *this);
}

void HousingSupport::prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  e_resolved_ = ledger.add_event_kind(name() + "/resolved");
}

DomainBits HousingSupport::required_domains() const {
  return static_cast<DomainBits>(kHousingInsecure | kHomeless);
}

bool HousingSupport::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & (kHousingInsecure | kHomeless)) != 0;
}

double HousingSupport::need(const sim::AgentStore& a, std::uint32_t i) const {
  // A referral from case work (kReferHousing) puts a person ahead of others in the same state.
  const bool referred = i < world_->referral.size() && (world_->referral[i] & kReferHousing);
  return ((a.domains[i] & kHomeless) ? 2 : 1) + (referred ? 0.5 : 0);
}

void HousingSupport::on_start(sim::StepContext&, const sim::RandomStream&, std::uint32_t i) {
  if (i < world_->referral.size()) world_->referral[i] &= static_cast<std::uint8_t>(~kReferHousing);
}

void HousingSupport::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                           std::vector<sim::Event>& events) const {
  if (rng.uniform(ctx.step, i, kFirstTypeDraw) >= resolve_rate_) return;
  DomainBits& dom = ctx.agents.domains[i];
  const bool homeless = dom & kHomeless;
  if (homeless)
    dom = static_cast<DomainBits>((dom & ~kHomeless) | kHousingInsecure);
  else
    dom = static_cast<DomainBits>(dom & ~kHousingInsecure);
  events.push_back({ctx.step, i, sim::kNoAgent, e_resolved_, static_cast<std::uint16_t>(homeless)});
}

}  // namespace wellsim::models
