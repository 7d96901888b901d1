// Community hub (meso): a community centre, library hub or group that brings adults together.
//
// Mechanism: adults (16+) in the target take up places (capacity = places at once); need = 2 if
// lonely, else 1, so the need queue gives places to the lonely first. Each week each
// participant, with probability `tie_rate`, makes a tie with another current participant chosen
// uniformly → the World's overlay (weight `tie_weight`, lasting `tie_weeks`), event
// "tie/<name>". The hub changes nothing else directly: its wellbeing effect runs through ties.
// Source: Feld (1981), "The focused organization of social ties" (shared foci create ties);
// Community Life Survey links group participation to lower loneliness. Rates are judgement.
// Why this way: new ties are the mechanism the DESIGN names for meso programmes, and the
// network then carries the effect to participants' families and friends.
#include "models/interventions/meso/community_hub.hpp"

namespace wellsim::models {

const sim::ParamTable<CommunityHub>& CommunityHub::table() {
  return sim::declared<CommunityHub>([](sim::ParamTable<CommunityHub>& t) {
    t.include(&CommunityHub::rule_,
              tie_table(0.2, "judgement: about one new acquaintance a month"));
  });
}

CommunityHub::CommunityHub(const InterventionSetup& s) : TieProgramme(s, Level::Meso) {
  table().read(params_, *this);
}

bool CommunityHub::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return a.age[i] >= 16;
}

double CommunityHub::need(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & kLonely) ? 2 : 1;
}

void CommunityHub::after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) {
  ties_among_participants(ctx, rng, kFirstTypeDraw);
}

}  // namespace wellsim::models
