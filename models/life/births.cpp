// Births: each week a present woman aged 15-49 gives birth with the weekly hazard of her age's
// ONS fertility rate (fertility_table.cpp, times [demography] fertility_scale), and the newborn
// takes the first free row reserved in her household (models/population/reserve.cpp).
//
// The newborn: present from this week (entered = the week), age 0, a Child, born on this week of
// the year (their birthday week is entered mod 52), no life-domain problems; their household ties
// were made at week 0 and now carry influence and support both ways. Their wellbeing starts at
// the value the row was given at week 0 from the children's distribution
// (models/population/initial_wellbeing.cpp; the child measure is an assumption,
// docs/analyst-guide.md), with the set point calibrated for it then. Why that and not the
// household's mean now: a value fixed at week 0 is the same in both arms of a paired comparison,
// so a policy's effect on a newborn is what the policy does after the birth, not a different
// starting draw; and the household's wellbeing reaches the child through its ties from the first
// week anyway.
// Draws: word 2 of the mother's (step, agent) demography draw (demography.cpp lists the others).
// Age, sex and presence are all a policy cannot change, and free rows depend only on earlier
// births, so both arms of a paired comparison have the same births (common random numbers).
// A birth without a free row is an event `birth_unplaced` on the mother and a count
// (population/births_unplaced): the reserve was too small for this run (see reserve.cpp).
// Twins are not modelled (about 1.5% of maternities, ONS 2022).
#include "models/life/births.hpp"

#include <algorithm>

#include "models/community/vocabulary.hpp"
#include "models/life/fertility_table.hpp"
#include "models/life/life_table.hpp"

namespace wellsim::models {

std::vector<double> weekly_fertility(double scale) {
  std::vector<double> h(kLifeTableOldest + 1, 0.0);
  for (unsigned x = kFertileFrom; x <= kFertileTo; ++x)
    h[x] = weekly_hazard(std::min(1.0, scale * annual_fertility(x)));
  return h;
}

namespace {

/// Agent `row` is born this week `step`.
void be_born(sim::AgentStore& a, std::uint32_t row, std::uint32_t step) {
  a.present[row] = 1;
  a.entered[row] = static_cast<std::int32_t>(step);
  a.age[row] = 0;
  a.activity[row] = static_cast<std::uint8_t>(Activity::Child);
  a.traits[row] = 0;
  a.domains[row] = 0;
  a.wage[row] = 0;
  a.income[row] = 0;
  a.extra_income[row] = 0;
  a.wellbeing[row] = a.initial_wellbeing[row];
}

}  // namespace

void household_births(sim::AgentStore& a, std::uint32_t begin, std::uint32_t end,
                      std::uint32_t step, const BirthRules& rules, std::vector<sim::Event>& out) {
  std::uint32_t free_row = begin;
  for (std::uint32_t i = begin; i < end; ++i) {
    if (!a.present[i] || !(*rules.female)[i] || a.age[i] < kFertileFrom || a.age[i] > kFertileTo)
      continue;
    const auto w = rules.stream->words(step, i, 0);
    if (!sim::word_below(w[2], (*rules.hazard)[a.age[i]])) continue;
    while (free_row < end && !unborn(a, free_row)) ++free_row;
    if (free_row == end) {
      out.push_back({step, i, sim::kNoAgent, rules.unplaced_kind, 0});
      continue;
    }
    be_born(a, free_row, step);
    out.push_back({step, free_row, i, rules.birth_kind, 0});
  }
}

}  // namespace wellsim::models
