#pragma once
// Births ([demography]): a woman of 15-49 gives birth at the ONS age-specific fertility rates,
// and the newborn fills a row reserved in her household (births.cpp).
#include <cstdint>
#include <vector>

#include "sim/agent_store.hpp"
#include "sim/ledger.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// Weekly birth hazard of a woman by age 0-100: 1 - (1 - scale f_x)^(1/52), f from
/// fertility_table.cpp.
std::vector<double> weekly_fertility(double scale);

/// What one week's births need to read: hazards, sexes, the stream and the event kinds.
struct BirthRules {
  const std::vector<double>* hazard;        ///< weekly birth hazard by age
  const std::vector<std::uint8_t>* female;  ///< 1 for a woman, per agent
  const sim::RandomStream* stream;          ///< the demography stream
  std::uint16_t birth_kind, unplaced_kind;  ///< event kinds "birth" and "birth_unplaced"
};

/// Births in household [begin, end) this week `step`: each present woman draws word 2 of her
/// (step, agent) demography draw; a birth fills the household's first free reserved row (absent,
/// entered -1) or, when none is left, is an unplaced birth (event agent = the mother).
void household_births(sim::AgentStore& a, std::uint32_t begin, std::uint32_t end,
                      std::uint32_t step, const BirthRules& rules, std::vector<sim::Event>& out);

/// True when agent i is a row reserved for a birth that has not happened (entered == -1).
inline bool unborn(const sim::AgentStore& a, std::uint32_t i) {
  return !a.entered.empty() && a.entered[i] < 0;
}

}  // namespace wellsim::models
