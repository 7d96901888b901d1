#pragma once
// Mortality by single year of age and sex: the probability qx that a person aged x exactly dies
// before reaching x + 1, from an Office for National Statistics period life table (life_table.cpp
// names the edition).
#include <cstdint>

namespace wellsim::models {

/// The oldest age of the table; older people take its rate.
inline constexpr unsigned kLifeTableOldest = 100;

/// qx of a person of `age` (years; above 100 reads 100), female or not: the probability of dying
/// within the year.
double annual_death_probability(bool female, unsigned age);

/// The weekly hazard that gives an annual probability q over 52 weeks: 1 - (1 - q)^(1/52).
double weekly_hazard(double annual);

/// The life table's period life expectancy at birth (years), for tests and docs: sum of the
/// survivors' person-years with deaths at mid-year and a closing term l_100 / q_100.
double life_expectancy_at_birth(bool female);

}  // namespace wellsim::models
