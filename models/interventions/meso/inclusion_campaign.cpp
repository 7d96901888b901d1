// Inclusion campaign (meso): arts, sport and dialogue work that brings people of minority and
// majority groups together against hate and exclusion.
//
// Mechanism: while active, in the macro-environment phase (after the baseline reset, before life
// events), world.local_hate[g] of the target neighbourhoods is multiplied by (1 -
// `hate_reduction`). Residents in the target take part (uptake, capacity; need 2 for minority
// members or the recently victimised of hate, else 1), and each week each minority participant,
// with probability `tie_rate`, makes a tie with a majority participant chosen uniformly (overlay,
// event "tie/<name>").
// Source: intergroup contact theory (Allport 1954; Pettigrew & Tropp 2006 meta-analysis: contact
// reduces prejudice, mean r = -0.21). The local hate reduction of 0.1 is judgement.
// Why this way: contact works through cross-group ties, and the area effect goes through the
// same local multiplier life events read, so everyone in the area benefits.
#include "models/interventions/meso/inclusion_campaign.hpp"

namespace wellsim::models {

const sim::ParamTable<InclusionCampaign>& InclusionCampaign::table() {
  return sim::declared<InclusionCampaign>([](sim::ParamTable<InclusionCampaign>& t) {
    t.include(&InclusionCampaign::rule_, tie_table(0.1, "judgement"));
    t.add("hate_reduction", &InclusionCampaign::area_reduction_, 0.1)
        .range(0, 1)
        .help("share by which local hate incidents fall while active (judgement)");
  });
}

InclusionCampaign::InclusionCampaign(const InterventionSetup& s) : AreaProgramme(s, Level::Meso) {
  table().read(params_, *this);
}

bool InclusionCampaign::eligible(const sim::AgentStore&, std::uint32_t) const { return true; }

double InclusionCampaign::need(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.traits[i] & kMinority) || (a.domains[i] & kHateIncident) ? 2 : 1;
}

void InclusionCampaign::after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) {
  std::vector<std::uint32_t> minority, majority;
  for (std::uint32_t i : participants())
    ((ctx.agents.traits[i] & kMinority) ? minority : majority).push_back(i);
  if (majority.empty()) return;
  const auto size = static_cast<std::uint32_t>(majority.size());
  const std::uint32_t t = ctx.step, d = kFirstTypeDraw;
  auto pairs = propose_ties(minority, rule_, rng, t, d, [&](std::uint32_t i) {
    return majority[rng.below(size, t, i, d + 1)];
  });
  add_ties(*world_, ctx, e_tie_, rule_, pairs);
}

}  // namespace wellsim::models
