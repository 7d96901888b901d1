// The friend window changes who is whose friend (network.friend_window), not the model: a town
// whose friends are drawn from narrow windows must give the same answers as the town drawn
// without one, within sampling error. Both runs share the population and every life-event draw
// (common random numbers), so what differs is the friendship layers alone. The scenario is the
// cost-of-living shock (the benchmark's price shock) for a year; a window of 4 people an age is
// far narrower than any real run uses (64: docs/performance.md), so it is the hardest case.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "models/community/vocabulary.hpp"
#include "tests/models/system/paired_runs.hpp"

using namespace wellsim;

namespace {

test::RunRecord shock_year(int window) {
  return test::run_scenario_text(
      "extends = \"cost_of_living_shock.toml\"\n[run]\nsteps = 52\n[network]\nfriend_window = " +
      std::to_string(window) + "\n");
}

double mean(const std::vector<float>& x) {
  double s = 0;
  for (float v : x) s += v;
  return s / static_cast<double>(x.size());
}

double share(const std::vector<std::uint32_t>& domains, std::uint32_t bit) {
  double s = 0;
  for (auto d : domains) s += (d & bit) != 0;
  return s / static_cast<double>(domains.size());
}

}  // namespace

TEST_CASE("friends drawn in narrow windows give the town's answers within sampling error",
          "[models][system][large]") {
  const test::RunRecord wide = shock_year(0), narrow = shock_year(4);
  REQUIRE(wide.wellbeing.size() == 53);
  const double n = static_cast<double>(wide.wellbeing.back().size());
  // Week-52 mean life satisfaction and its change over the year: 5 standard errors of a mean
  // of n people (SD of life satisfaction about 1.9; of a year's change well under that).
  const double se = 1.9 / std::sqrt(n);
  const double w52 = mean(wide.wellbeing.back()), n52 = mean(narrow.wellbeing.back());
  const double w0 = mean(wide.wellbeing.front()), n0 = mean(narrow.wellbeing.front());
  INFO("week 52 mean " << w52 << " vs " << n52 << "; change " << w52 - w0 << " vs " << n52 - n0);
  CHECK(std::abs(n52 - w52) < 5 * se);
  CHECK(std::abs((n52 - n0) - (w52 - w0)) < 5 * se);
  // Shares of people with each circumstance at week 52: 5 standard errors, households as
  // clusters of about 2.3 people (household states are shared: design effect 2.3).
  const std::pair<const char*, std::uint32_t> bits[] = {{"lonely", models::kLonely},
                                                        {"mental illness", models::kMentalIll},
                                                        {"food insecure", models::kFoodInsecure},
                                                        {"energy bills", models::kEnergyBills},
                                                        {"strain", models::kFinancialStrain}};
  for (const auto& [name, bit] : bits) {
    const double a = share(wide.domains.back(), bit), b = share(narrow.domains.back(), bit);
    const double se_share = std::sqrt(a * (1 - a) * 2.3 / n);
    INFO(name << ": " << a << " vs " << b);
    CHECK(std::abs(a - b) < 5 * se_share);
  }
}
