// Price shock (macro): energy and food prices rise, as in the 2022 cost-of-living crisis.
//
// Mechanism: while active, world.macro.energy_price and food_price are multiplied by `energy` and
// `food`, phased in over `ramp_weeks`. Sources: Ofgem's default tariff cap rose from £1,277 (winter
// 2021-22) to £1,971 (April 2022) and £3,549 (October 2022, before the Energy Price Guarantee):
// about x1.8 over the year; ONS CPI food and non-alcoholic drinks inflation peaked at 19% (March
// 2023): about x1.2.
// Why this way: prices act through the household budget in life events (fuel poverty, food
// insecurity, strain), so a shock and a cap (price_cap) can be combined in one scenario.
#include "models/interventions/macro/price_shock.hpp"

#include <algorithm>

namespace wellsim::models {

const sim::ParamTable<PriceShock>& PriceShock::table() {
  return sim::declared<PriceShock>([](sim::ParamTable<PriceShock>& t) {
    t.add("energy", &PriceShock::energy_, 1.8)
        .range(0, 100)
        .help(
            "multiplier on energy prices, relative to [life] energy_cost (1.8: the rise of "
            "the Ofgem cap over 2022)");
    t.add("food", &PriceShock::food_, 1.2)
        .range(0, 100)
        .help("multiplier on food prices (1.2: ONS CPI food inflation 2022-23)");
    t.inherit(ramp_table());
  });
}

PriceShock::PriceShock(const InterventionSetup& s) : MacroPolicy(s) {
  table().read(params_, *this);
}

void PriceShock::apply(Macro& m, double f) const {
  m.energy_price *= ramped(energy_, f);
  m.food_price *= ramped(food_, f);
}

}  // namespace wellsim::models
