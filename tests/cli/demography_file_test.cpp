// A run file with [demography]: its per-step figures are of the people present, its events and
// its per-row entered/left weeks say who was present when, `wellsim inspect` totals births and
// deaths, and `wellsim compare` counts WELLBYs over person-weeks present.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/presence.hpp"
#include "output/file_open.hpp"
#include "output/h5_util.hpp"
#include "output/run_reader.hpp"
#include "sim/series_names.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// A 1,500-person town for 40 weeks (the support package starts in week 30) with deaths at 20 times
/// the table's rates and births at 3 times the ONS rates.
std::vector<std::string> ageing(const std::string& scenario, const std::string& out) {
  return {"run",     test::source_path("scenarios/" + scenario),
          "--set",   "population.sizes=[300,300,300,300,300]",
          "--set",   "demography.enabled=true",
          "--set",   "demography.mortality_scale=20",
          "--set",   "demography.fertility_scale=3",
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
  const output::h5::File file = output::open_file(dir.file("shock.h5"));
  const auto entered = output::h5::read_array<std::int32_t>(file, "people/entered");
  const auto left = output::h5::read_array<std::int32_t>(file, "people/left");
  REQUIRE(entered.size() == values.size());
  double living = 0, all = 0, count = 0;
  std::size_t born = 0, reserved = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    all += values[i];
    CHECK(left[i] == (died[i] > 0 ? static_cast<std::int32_t>(died[i]) : -1));
    born += entered[i] > 0, reserved += entered[i] < 0;
    if (entered[i] >= 0 && left[i] < 0) living += values[i], ++count;
  }
  REQUIRE(count < values.size() - reserved);  // some died
  CHECK(born > 0);
  CHECK(reserved > 0);  // rows still waiting for a birth at the end
  const auto mean = run.stat("mean");
  CHECK(mean.back() == Approx(living / count).epsilon(1e-6));
  CHECK(mean.back() != Approx(all / values.size()).epsilon(1e-6));
  CHECK(run.series(sim::series::kPopulationPresent).back() == count);
  double births = 0;
  for (double b : run.series(sim::series::kPopulationBirths)) births += b;
  CHECK(births == static_cast<double>(born));
  // What a person sees: inspect totals the births and deaths.
  auto shown = test::run_wellsim({"inspect", dir.file("shock.h5")});
  REQUIRE(shown.status == 0);
  std::size_t deaths = 0;
  for (const auto d : died) deaths += d > 0;
  CHECK_THAT(shown.out, Catch::Contains("births " + std::to_string(born) + " (unplaced"));
  CHECK_THAT(shown.out, Catch::Contains("deaths " + std::to_string(deaths) + "\n"));
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

namespace {

/// presence_of(run) against the file's entered/left and its birth and death events.
void check_presence(const output::RunReader& run, const std::vector<std::int32_t>& entered) {
  const auto p = analysis::presence_of(run);
  const auto died = death_weeks(run);
  std::vector<std::uint32_t> birth(run.agent_count(), analysis::kNever);
  const auto kinds = run.event_kinds();
  const auto ev = run.events();
  for (std::size_t k = 0; k < ev.kind.size(); ++k)
    if (kinds[ev.kind[k]] == "birth") birth[ev.agent[k]] = ev.step[k];
  std::size_t never = 0;
  for (std::uint32_t i = 0; i < run.agent_count(); ++i) {
    INFO("row " << i);
    // A row reserved and never filled is nobody at any week; a newborn counts from the birth.
    if (entered[i] < 0) {
      ++never;
      CHECK(birth[i] == analysis::kNever);
      CHECK_FALSE(p.at(i, 0));
      CHECK_FALSE(p.at(i, 40));
    } else {
      CHECK(p.from[i] == (entered[i] > 0 ? birth[i] : 0u));
      if (entered[i] > 0) CHECK_FALSE(p.at(i, birth[i] - 1));
    }
    CHECK(p.until[i] == (died[i] > 0 ? died[i] : analysis::kNever));
  }
  REQUIRE(never > 0);
}

}  // namespace

TEST_CASE("compare reads who was present when from entered and left, or from the events without",
          "[analysis][cli][demography]") {
  test::TempDir dir("cli-demography-presence");
  for (const auto& [scenario, file] : {std::pair{"cost_of_living_shock.toml", "shock.h5"},
                                       std::pair{"cost_of_living_support.toml", "support.h5"}}) {
    auto r = test::run_wellsim(ageing(scenario, dir.file(file)));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  std::vector<std::int32_t> entered, left;
  {  // the reader closes before the file is reopened to damage it below
    const output::RunReader run(dir.file("shock.h5"));
    std::tie(entered, left) = run.presence_weeks();
    REQUIRE(entered.size() == run.agent_count());
    check_presence(run, entered);
  }
  {  // without the datasets (a run stopped early), the birth and death events say the same,
     // but for rows never filled, which only the datasets can tell from week-0 people
    std::filesystem::copy_file(dir.file("shock.h5"), dir.file("events.h5"));
    {
      output::h5::File f(H5Fopen(dir.file("events.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "o");
      REQUIRE(H5Ldelete(f, "people/entered", H5P_DEFAULT) >= 0);
      REQUIRE(H5Ldelete(f, "people/left", H5P_DEFAULT) >= 0);
    }
    const auto full = analysis::presence_of(output::RunReader(dir.file("shock.h5")));
    const auto from_events = analysis::presence_of(output::RunReader(dir.file("events.h5")));
    for (std::size_t i = 0; i < entered.size(); ++i) {
      INFO("row " << i);
      CHECK(from_events.until[i] == full.until[i]);
      CHECK(from_events.from[i] == (entered[i] < 0 ? 0u : full.from[i]));
    }
  }
  // A damaged presence column is refused in one line naming the dataset and the entry: a
  // newborn said to have left the week before their birth.
  std::size_t baby = 0;
  while (baby < entered.size() && entered[baby] <= 0) ++baby;
  REQUIRE(baby < entered.size());
  {
    output::h5::File f(H5Fopen(dir.file("shock.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open");
    auto bad = left;
    bad[baby] = entered[baby] - 1;
    output::h5::Dataset d(H5Dopen2(f, "people/left", H5P_DEFAULT), "people/left");
    REQUIRE(H5Dwrite(d, H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, bad.data()) >= 0);
  }
  auto refused = test::run_wellsim({"compare", dir.file("shock.h5"), dir.file("support.h5")});
  CHECK(refused.status == 2);
  CHECK(refused.err == "wellsim: " + dir.file("shock.h5") +
                           ": damaged run file: /people/left is before the row entered (entry " +
                           std::to_string(baby) + ")\n");
}

TEST_CASE("a run with births killed and resumed is byte-identical, entered and left included",
          "[output][cli][demography][births]") {
  test::TempDir dir("cli-births-resume");
  // 3,000 people for 300 weeks (about 4 s), so the kill lands mid-run.
  auto args = [&](const std::string& out, std::vector<std::string> extra) {
    std::vector<std::string> a{"run",     test::source_path("scenarios/cost_of_living_shock.toml"),
                               "--set",   "population.sizes=[600,600,600,600,600]",
                               "--set",   "demography.enabled=true",
                               "--set",   "demography.fertility_scale=3",
                               "--set",   "demography.mortality_scale=5",
                               "--steps", "300",
                               "-o",      out};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  auto whole = test::run_wellsim(args(dir.file("whole.h5"), {"-q"}));
  REQUIRE(whole.status == 0);
  const std::string file = dir.file("killed.h5");
  REQUIRE(test::kill_wellsim_after(args(file, {"--checkpoint-every", "3", "--progress", "always"}),
                                   100));
  auto r = test::run_wellsim({"run", "--resume", file, "-q"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  const output::RunReader ref(dir.file("whole.h5")), got(file);
  REQUIRE(got.status() == "complete");
  const auto names = ref.dataset_names();
  REQUIRE(names == got.dataset_names());
  CHECK(std::find(names.begin(), names.end(), "/people/entered") != names.end());
  for (const auto& ds : names) {
    INFO(ds);
    CHECK(ref.raw_bytes(ds) == got.raw_bytes(ds));
  }
}
