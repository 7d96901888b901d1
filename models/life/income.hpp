#pragma once
// Weekly incomes and the household budget of the community model (see income.cpp for sources).
#include <cstdint>

#include "models/community/world.hpp"
#include "models/life/life_params.hpp"
#include "sim/agent_store.hpp"

namespace wellsim::models {

/// Weekly take-home pay from weekly gross pay: income tax and employee National Insurance.
double net_pay(double gross);

/// Weekly net income of one person this week (before household pooling and child payments).
double person_income(const sim::AgentStore& a, std::uint32_t i, const Macro& macro,
                     const LifeRates& rates);

/// Weight of one household member on the OECD modified equivalence scale: 1 for the first
/// (the head), 0.5 for each other member aged 14 or over, 0.3 for each younger child.
inline double equivalence_weight(bool first_member, std::uint8_t age) {
  return first_member ? 1.0 : (age >= 14 ? 0.5 : 0.3);
}

/// Equivalised disposable income of the household of agents [begin, end) after housing, energy
/// and food (GBP/week per equivalised adult). `homeless` households pay no rent of their own.
double household_disposable(const sim::AgentStore& a, std::uint32_t begin, std::uint32_t end,
                            const Macro& macro, const LifeRates& rates, const World& world,
                            bool homeless);

}  // namespace wellsim::models
