// Youth project (meso): youth clubs, sport and mentoring for young people aged 11-18.
//
// Mechanism: young people in the target take up places; need = 2 if victimised, else 1. Each
// week each participant, with probability `tie_rate`, makes a tie with another participant
// (overlay, event "tie/<name>"). While the project is active it also lowers victimisation in
// its target neighbourhoods (all, when none is named): in the macro-environment phase — after
// the macro baseline resets the local multipliers and before life events read them — it
// multiplies world.local_victimisation[g] by (1 - `victimisation_reduction`).
// Source: Youth Endowment Fund Toolkit — sports programmes and mentoring reduce violence by
// roughly 10-20% in pooled estimates; the default 0.1 is judgement at the low end, applied to the
// whole neighbourhood's victimisation (a generous simplification: say so when reporting).
// Why this way: the local multiplier is the World's channel for area effects, so the reduction
// reaches everyone in the area, participant or not, as area-based youth work intends.
#include "models/interventions/meso/youth_project.hpp"

namespace wellsim::models {

const sim::ParamTable<YouthProject>& YouthProject::table() {
  return sim::declared<YouthProject>([](sim::ParamTable<YouthProject>& t) {
    t.include(&YouthProject::rule_, tie_table(0.2, "judgement: about one new friend a month"));
    t.add("victimisation_reduction", &YouthProject::area_reduction_, 0.1)
        .range(0, 1)
        .help(
            "share by which local victimisation falls while active (Youth Endowment Fund "
            "toolkit: 10-20% for sport and mentoring; 0.1 is judgement)");
  });
}

YouthProject::YouthProject(const InterventionSetup& s) : AreaProgramme(s, Level::Meso) {
  table().read(params_, *this);
}

bool YouthProject::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return a.age[i] >= 11 && a.age[i] <= 18;
}

double YouthProject::need(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & kVictimised) ? 2 : 1;
}

void YouthProject::after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) {
  ties_among_participants(ctx, rng, kFirstTypeDraw);
}

}  // namespace wellsim::models
