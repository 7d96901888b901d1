// Age-specific fertility rates, England and Wales, 2022: live births per 1,000 women in each
// five-year age group (ONS, "Births in England and Wales: 2022", released 2024, table of
// age-specific fertility rates; rates for "under 20" are per woman aged 15-19 and for "40 and
// over" per woman aged 40-44, as ONS computes them). Their sum times five is the total fertility
// rate, 1.49 children per woman in 2022; the table reproduces it to within 0.01
// (tests/models/life/births_test.cpp). 45-49 takes the small rate ONS folds into "40 and over".
// Why five-year groups at one rate each: that is how ONS publishes them; single-year rates would
// be an interpolation of our own with no source to check it against.
#include "models/life/fertility_table.hpp"

#include <array>

namespace wellsim::models {

namespace {

/// Births per 1,000 women: 15-19, 20-24, 25-29, 30-34, 35-39, 40-44, 45-49.
constexpr std::array<double, 7> kPerThousand = {9.6, 42.6, 76.3, 93.4, 60.9, 15.4, 1.3};

}  // namespace

double annual_fertility(unsigned age) {
  if (age < kFertileFrom || age > kFertileTo) return 0;
  return kPerThousand[(age - kFertileFrom) / 5] / 1000.0;
}

double total_fertility_rate() {
  double sum = 0;
  for (unsigned age = kFertileFrom; age <= kFertileTo; ++age) sum += annual_fertility(age);
  return sum;
}

}  // namespace wellsim::models
