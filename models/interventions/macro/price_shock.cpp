// Price shock (macro): energy and food prices rise, as in the 2022 cost-of-living crisis.
//
// Mechanism: while active, world.macro.energy_price and food_price are multiplied by `energy` and
// `food`, phased in over `ramp_weeks`; or, when `energy_path` / `food_path` are given, by the
// path's level in the current period over its first level (one level per `path_weeks`, held
// after the last), so an observed index series (ONS CPI, the Ofgem cap) can drive a scenario
// week by week. Sources of the defaults: Ofgem's default tariff cap rose from £1,277 (winter
// 2021-22) to £1,971 (April 2022) and £3,549 (October 2022, before the Energy Price Guarantee):
// about x1.8 over the year; ONS CPI food and non-alcoholic drinks inflation peaked at 19%
// (March 2023): about x1.2.
// Why this way: prices act through the household budget in life events (fuel poverty, food
// insecurity, strain), so a shock and a cap (price_cap) can be combined in one scenario; a path is
// relative to its first level so that the [life] costs stay the prices of the scenario's week 0.
#include "models/interventions/macro/price_shock.hpp"

#include <algorithm>
#include <cmath>

namespace wellsim::models {

namespace {

const char* const kPathHelp =
    " price index levels, one per path_weeks from start_week (held after the last); the "
    "multiplier is each level over the first, replacing `%s` and the ramp (empty = not used)";

std::string path_help(const char* what, const char* key) {
  std::string h = std::string(what) + kPathHelp;
  h.replace(h.find("%s"), 2, key);
  return h;
}

}  // namespace

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
    t.add("energy_path", &PriceShock::energy_path_, std::vector<double>{})
        .range(1e-6, 1e9)
        .help(path_help("energy:", "energy"));
    t.add("food_path", &PriceShock::food_path_, std::vector<double>{})
        .range(1e-6, 1e9)
        .help(path_help("food:", "food"));
    t.add("path_weeks", &PriceShock::path_weeks_, 52.0 / 12.0)
        .range(1, 520)
        .unit("weeks")
        .help("weeks each level of energy_path and food_path lasts (52/12: monthly series)");
    t.inherit(ramp_table());
  });
}

PriceShock::PriceShock(const InterventionSetup& s) : MacroPolicy(s) {
  table().read(params_, *this);
}

double PriceShock::path_level(const std::vector<double>& path) const {
  const auto k = static_cast<std::size_t>(std::floor(weeks_in() / path_weeks_));
  return path[std::min(k, path.size() - 1)] / path.front();
}

void PriceShock::apply(Macro& m, double f) const {
  m.energy_price *= energy_path_.empty() ? ramped(energy_, f) : path_level(energy_path_);
  m.food_price *= food_path_.empty() ? ramped(food_, f) : path_level(food_path_);
}

}  // namespace wellsim::models
