// Incomes and costs: how the economy and policy of the week reach a household's budget.
//
// Mechanism: each person has a weekly net income by activity — take-home pay when employed (gross
// pay raised to the macro wage floor, less income tax at 20% and employee NI at 8% above the
// GBP 242/week personal allowance and 40% + 2% above GBP 967/week: HMRC rates 2024/25), the UC
// standard allowance times the macro benefit level when unemployed or inactive (cut to a share
// during a sanction), the State Pension when retired, nothing for children and students —
// plus any `extra_income` an intervention pays. Households pool incomes (DWP Households Below
// Average Income does the same), receive Child Benefit and, when no one works, the UC child
// element and housing element; the total is equivalised by the OECD modified scale (1 for the
// first person, 0.5 per other person 14+, 0.3 per child under 14) and housing (from the head),
// energy (price min(energy_price, cap)) and food costs are taken off. The result is the
// "after housing costs and essentials" income that the food, fuel and strain hazards and the
// wellbeing income effect read.
// Why this way: benefits, wages, prices and caps are the levers of the macro interventions, so
// each enters exactly once here; pooling at the household is what makes food and fuel poverty
// household states.
#include "models/life/income.hpp"

#include <algorithm>

namespace wellsim::models {

namespace {

constexpr double kAllowance = 242.0;   // GBP 12,570 / 52
constexpr double kHigherRate = 967.0;  // GBP 50,270 / 52
constexpr double kBasicTake = 0.28;    // 20% income tax + 8% NI
constexpr double kHigherTake = 0.42;   // 40% income tax + 2% NI

}  // namespace

double net_pay(double gross) {
  const double basic = std::clamp(gross - kAllowance, 0.0, kHigherRate - kAllowance);
  const double higher = std::max(0.0, gross - kHigherRate);
  return gross - kBasicTake * basic - kHigherTake * higher;
}

double person_income(const sim::AgentStore& a, std::uint32_t i, const Macro& macro,
                     const LifeRates& rates) {
  double base = 0;
  switch (static_cast<Activity>(a.activity[i])) {
    case Activity::Employed: base = net_pay(std::max<double>(a.wage[i], macro.wage_floor)); break;
    case Activity::Unemployed:
    case Activity::Inactive: {
      const bool sanctioned = a.domains[i] & kSanctioned;
      base = rates.uc_allowance * macro.benefit_level * (sanctioned ? rates.sanction_keep : 1.0);
      break;
    }
    case Activity::Retired: base = rates.state_pension; break;
    default: break;
  }
  return base + a.extra_income[i];
}

double household_disposable(const sim::AgentStore& a, std::uint32_t begin, std::uint32_t end,
                            const Macro& macro, const LifeRates& rates, const World& world,
                            bool homeless) {
  double total = 0, scale = 0, housing = 0;
  int children = 0;
  bool working = false, first = true;
  for (std::uint32_t i = begin; i < end; ++i) {
    housing += a.housing_cost[i];    // held by the head; other members hold 0 (the home stays)
    if (!a.is_present(i)) continue;  // one who died no longer earns, eats or counts
    total += a.income[i];
    scale += equivalence_weight(first, a.age[i]);
    first = false;
    children += a.age[i] < 16;
    working |= a.activity[i] == static_cast<std::uint8_t>(Activity::Employed);
  }
  total += children * rates.child_benefit;
  if (!working) total += children * rates.child_element * macro.benefit_level;
  if (homeless)
    housing = 0;  // temporary accommodation is paid by the council
  else if (!working && a.tenure[begin] != 0)
    housing *= 1.0 - rates.housing_support;
  const double energy = world.energy_cost * std::min(macro.energy_price, macro.energy_price_cap);
  const double food = world.food_cost * macro.food_price;
  return (total - housing) / std::max(scale, 1.0) - energy - food;
}

}  // namespace wellsim::models
