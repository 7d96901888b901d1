#pragma once
// Fertility by mother's age: live births per woman per year, from the Office for National
// Statistics age-specific fertility rates (fertility_table.cpp names the edition).
namespace wellsim::models {

/// Youngest and oldest age (years) at which a woman can give birth in the model.
inline constexpr unsigned kFertileFrom = 15, kFertileTo = 49;

/// Live births per woman per year at `age` (0 outside 15-49): the rate of the five-year ONS age
/// group the age falls in.
double annual_fertility(unsigned age);

/// The total fertility rate of the table: the sum of the annual rates over ages 15-49.
double total_fertility_rate();

}  // namespace wellsim::models
