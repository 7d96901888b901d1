// Food bank (meso): emergency food parcels for people who cannot afford enough food.
//
// Mechanism: eligible while food insecure; places per week = capacity; need = 1 + the number of
// co-occurring money and housing problems (financial strain, fuel poverty, homelessness). A
// served week clears kFoodInsecure for every member of the household with probability
// `relief` — for that week only (World::relieve): life events restore the need as the next week
// begins and recompute it from income and prices, so it comes back while the cause remains.
// That is the point: a food bank relieves hunger, it does not end poverty; the run file counts
// need (prevalence/food_insecure) and what is left after relief (after_relief/food_insecure).
// Source: Trussell Trust parcels provide about three days of food per referral and many
// households need several; `relief` = 0.7 is judgement for "most of a week's shortfall met".
// Why this way: relief acts on the week's domain state, so the wellbeing model sees the relief
// and the persistence of need together.
#include "models/interventions/meso/food_bank.hpp"

#include <bit>

namespace wellsim::models {

const sim::ParamTable<FoodBank>& FoodBank::table() {
  return sim::declared<FoodBank>([](sim::ParamTable<FoodBank>& t) {
    t.add("relief", &FoodBank::relief_, 0.7)
        .range(0, 1)
        .help(
            "probability a served week clears food insecurity for the week (judgement; "
            "Trussell Trust parcels cover about three days)");
  });
}

FoodBank::FoodBank(const InterventionSetup& s) : Service(s, Level::Meso) {
  table().read(params_, *this);
}

void FoodBank::prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  e_relief_ = ledger.add_event_kind(name() + "/relief");
}

DomainBits FoodBank::required_domains() const { return static_cast<DomainBits>(kFoodInsecure); }

bool FoodBank::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  // A parcel feeds a household: the household head takes the place for everyone.
  return (a.domains[i] & kFoodInsecure) != 0 && (a.traits[i] & kHouseholdHead);
}

double FoodBank::need(const sim::AgentStore& a, std::uint32_t i) const {
  return 1 + std::popcount(
                 static_cast<unsigned>(a.domains[i] & (kFinancialStrain | kFuelPoor | kHomeless)));
}

void FoodBank::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                     std::vector<sim::Event>& events) const {
  if (rng.uniform(ctx.step, i, kFirstTypeDraw) >= relief_) return;
  // The parcel feeds the household: every member is relieved for the week (only the head holds
  // a place, so no other participant writes these slots).
  const auto& starts = world_->household_start;
  const std::uint32_t h = ctx.agents.household[i];
  if (h + 1 < starts.size() && starts[h] <= i && i < starts[h + 1])
    for (std::uint32_t m = starts[h]; m < starts[h + 1]; ++m)
      world_->relieve(ctx.agents, m, kFoodInsecure);
  else
    world_->relieve(ctx.agents, i, kFoodInsecure);
  events.push_back({ctx.step, i, sim::kNoAgent, e_relief_, 0});
}

}  // namespace wellsim::models
