// Price cap (macro): a government ceiling on energy prices, as the Energy Price Guarantee of
// October 2022 held a typical bill at £2,500 against a cap of £3,549. Multipliers are relative
// to the model's baseline energy cost ([life] energy_cost, the October 2023 cap of about £1,834
// a year): £2,500 is about x1.36 of it.
//
// Mechanism: while active, world.macro.energy_price_cap = min(existing, `energy_cap`). Life
// events use min(energy_price, energy_price_cap), so the cap holds whatever the order of
// price_shock and price_cap in the scenario, and two caps keep the lower. Its cost is the
// subsidy: equivalised adults × baseline weekly energy cost × (price − cap) when the price is
// above the cap (policy/<name>/cost), on top of any cost keys; two caps would both count it.
// Source: Ofgem and BEIS announcements, 2022. Why this way: a separate ceiling field makes the
// result independent of scenario order, which a multiplier could not be.
#include "models/interventions/macro/price_cap.hpp"

#include <algorithm>

#include "models/life/income.hpp"

namespace wellsim::models {

const sim::ParamTable<PriceCap>& PriceCap::table() {
  return sim::declared<PriceCap>([](sim::ParamTable<PriceCap>& t) {
    t.add("energy_cap", &PriceCap::energy_cap_, 1.4)
        .range(0, 100)
        .help(
            "ceiling on the energy price multiplier, relative to [life] energy_cost (1.4: "
            "about the Energy Price Guarantee's £2,500 a year against the 2023 baseline of "
            "£1,834)");
  });
}

PriceCap::PriceCap(const InterventionSetup& s) : MacroPolicy(s) { table().read(params_, *this); }

void PriceCap::prepare(const sim::Network& net, sim::AgentStore& a, sim::Ledger& ledger) {
  MacroPolicy::prepare(net, a, ledger);
  // The scale life events budget households with.
  equivalised_adults_ = 0;
  for (std::size_t i = 0; i < a.household.size(); ++i)
    equivalised_adults_ += equivalence_weight(a.traits[i] & kHouseholdHead, a.age[i]);
}

double PriceCap::fiscal_cost(const sim::StepContext&) const {
  // The government pays suppliers the difference between the price and the cap (as the Energy
  // Price Guarantee did): the town's share is every equivalised adult's weekly bill above it.
  const double above = std::max(0.0, world_->macro.energy_price - energy_cap_);
  return equivalised_adults_ * world_->energy_cost * above;
}

void PriceCap::apply(Macro& m, double f) const {
  (void)f;
  m.energy_price_cap = std::min(m.energy_price_cap, energy_cap_);
}

}  // namespace wellsim::models
