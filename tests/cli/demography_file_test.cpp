// A run file with [demography]: its per-step figures are of the people present, its events say
// who died when, and `wellsim compare` counts WELLBYs over person-weeks present.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "output/run_reader.hpp"
#include "sim/series_names.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// A 1,500-person town for 40 weeks (the support package starts in week 30) with deaths at 20 times
/// the table's rates.
std::vector<std::string> ageing(const std::string& scenario, const std::string& out) {
  return {"run",     test::source_path("scenarios/" + scenario),
          "--set",   "population.sizes=[300,300,300,300,300]",
          "--set",   "demography.enabled=true",
          "--set",   "demography.mortality_scale=20",
          "--steps", "40",
          "-o",      out,
          "-q"};
}

/// Week of each agent's death (0: alive at the end).
std::vector<std::uint32_t> death_weeks(const output::RunReader& r) {
  std::vector<std::uint32_t> died(r.agent_count(), 0);
  const auto kinds = r.event_kinds();
  const auto ev = r.events();
  for (std::size_t k = 0; k < ev.kind.size(); ++k)
    if (kinds[ev.kind[k]] == "death") died[ev.agent[k]] = ev.step[k];
  return died;
}

}  // namespace

TEST_CASE("a run file with demography describes the people present each week",
          "[output][cli][demography]") {
  test::TempDir dir("cli-demography");
  auto r = test::run_wellsim(ageing("cost_of_living_shock.toml", dir.file("shock.h5")));
  INFO(r.err);
  REQUIRE(r.status == 0);
  const output::RunReader run(dir.file("shock.h5"));
  const auto died = death_weeks(run);
  const auto rows = run.recorded_steps();
  const auto values = run.wellbeing_at(rows.size() - 1);
  double living = 0, all = 0, count = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    all += values[i];
    if (died[i] == 0) living += values[i], ++count;
  }
  REQUIRE(count < values.size());  // some died
  const auto mean = run.stat("mean");
  CHECK(mean.back() == Approx(living / count).epsilon(1e-6));
  CHECK(mean.back() != Approx(all / values.size()).epsilon(1e-6));
  CHECK(run.series(sim::series::kPopulationPresent).back() == count);
}

TEST_CASE("compare counts WELLBYs over person-weeks present with demography",
          "[analysis][cli][demography]") {
  test::TempDir dir("cli-demography-compare");
  for (const auto& [scenario, file] : {std::pair{"cost_of_living_shock.toml", "shock.h5"},
                                       std::pair{"cost_of_living_support.toml", "support.h5"}}) {
    auto r = test::run_wellsim(ageing(scenario, dir.file(file)));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  auto r = test::run_wellsim({"compare", dir.file("shock.h5"), "--policy", dir.file("support.h5"),
                              "--json", dir.file("c.json")});
  INFO(r.err);
  REQUIRE(r.status == 0);
  const output::RunReader base(dir.file("shock.h5")), policy(dir.file("support.h5"));
  const auto pb = base.series(sim::series::kPopulationPresent);
  CHECK(pb == policy.series(sim::series::kPopulationPresent));  // the same people die
  const auto mb = base.stat("mean"), mp = policy.stat("mean");
  double person_weeks = 0, everyone = 0;  // rows 1..40, all in year 0 (discount factor 1)
  for (std::size_t s = 1; s < mb.size(); ++s) {
    person_weeks += (mp[s] - mb[s]) * pb[s] / 52;
    everyone += (mp[s] - mb[s]) * static_cast<double>(base.agent_count()) / 52;
  }
  std::ifstream in(dir.file("c.json"));
  const auto j = nlohmann::json::parse(in);
  const double reported = j["comparisons"][0]["headline"]["wellbys"]["mean"].get<double>();
  CHECK(reported == Approx(person_weeks).epsilon(1e-9));
  CHECK(reported != Approx(everyone).epsilon(1e-6));
}
