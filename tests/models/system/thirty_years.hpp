#pragma once
// Thirty years of the default town with [demography] on, watched by an observer: the whole-run
// tests of issue 13 (thirty_years_test.cpp, school_work_run_test.cpp).
#include <string>

#include "models/assemble.hpp"
#include "models/scenario_schema.hpp"
#include "sim/scenario.hpp"
#include "tests/test_support.hpp"

namespace wellsim::test {

/// Weeks in thirty years.
inline constexpr std::uint32_t kThirtyYears = 1560;

/// Runs scenarios/default.toml for thirty years with demography on and `extra` TOML lines after
/// `[demography] enabled = true`, `seed`, showing every step to `obs`; `on_built` sees the
/// engine before it runs (an observer that reads its state).
template <class OnBuilt>
void run_thirty_years(const std::string& extra, std::uint64_t seed, sim::StepObserver& obs,
                      OnBuilt&& on_built) {
  const std::string dir = source_path("scenarios");
  sim::Scenario sc = sim::parse_scenario(
      "extends = \"default.toml\"\n[run]\nsteps = 1560\n[demography]\nenabled = true\n" + extra,
      dir + "/thirty.toml", dir, models::scenario_schema());
  auto built = models::assemble(sc, seed, 0);
  on_built(*built.engine);
  built.engine->run(kThirtyYears, &obs);
}

}  // namespace wellsim::test
