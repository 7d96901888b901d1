// scenarios/generations.toml against its baseline, scaled down (4,000 people, 10 years, three
// paired replicates): the cohort table of `wellsim compare` has the periods of the run and the
// sign the mechanism implies.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// `scenario` for 520 weeks (the youth project runs weeks 1-260) at a fifth of the default
/// town, every week's per-person row recorded so that the cohort table is exact.
std::vector<std::string> generations_run(const std::string& scenario, const std::string& out) {
  return {"run",
          test::source_path("scenarios/" + scenario),
          "--set",
          "population.sizes=[1040,820,780,720,640]",
          "--set",
          "output.record_every=1",
          "--set",
          "output.layout=false",
          "--steps",
          "520",
          "--replicates",
          "3",
          "-o",
          out,
          "-q"};
}

}  // namespace

TEST_CASE("generations: the children of week 0 gain from the youth project while it runs",
          "[cli][scenarios][demography][heavy]") {
  test::TempDir dir("generations");
  for (const auto& [scenario, out] :
       {std::pair{"generations_baseline.toml", "base.h5"}, std::pair{"generations.toml", "p.h5"}}) {
    auto r = test::run_wellsim(generations_run(scenario, dir.file(out)));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  std::vector<std::string> args = {"compare"};
  for (int k = 0; k < 3; ++k) args.push_back(dir.file("base_r" + std::to_string(k) + ".h5"));
  args.push_back("--policy");
  for (int k = 0; k < 3; ++k) args.push_back(dir.file("p_r" + std::to_string(k) + ".h5"));
  args.insert(args.end(), {"--json", dir.file("c.json"), "-q"});
  auto r = test::run_wellsim(args);
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::ifstream in(dir.file("c.json"));
  const auto c = nlohmann::json::parse(in)["comparisons"][0];
  const auto& rows = c["cohorts"];
  INFO(rows.dump(1));
  REQUIRE(rows.size() == 6);  // three cohorts (births happen), years 1-5 and 6-10
  CHECK(rows[0]["cohort"] == "children at the start (0-15)");
  CHECK(rows[0]["period"] == "years 1-5");
  CHECK(rows[1]["period"] == "years 6-10");
  CHECK(rows[3]["cohort"] == "everyone else (16+ at the start)");
  CHECK(rows[5]["cohort"] == "born during the run");
  CHECK(rows[4]["people"].get<double>() > 0);  // born in years 1-5: fewer than later, present
  // While it runs the youth project gives its 11-18-year-olds new ties (support, a share of
  // others' wellbeing) and cuts victimisation where they live; nothing in it lowers anyone's
  // wellbeing. So the children's gain is above zero, with its interval, and above the rest of
  // the town's, who gain only through fewer crimes and their households' ties.
  const double kids = rows[0]["difference"]["mean"].get<double>();
  CHECK(rows[0]["difference"]["lo"].get<double>() > 0);
  CHECK(kids > rows[2]["difference"]["mean"].get<double>());
  // After week 260 the ties fade (tie_weeks) and crime returns, and the model carries no
  // childhood gain into adult life: years 6-10 keep less than a third of it.
  CHECK(rows[1]["difference"]["mean"].get<double>() < kids / 3);
  // Every week has a row, so the cohorts' WELLBYs (those born during the run included) add up
  // to the headline's.
  double total = 0;
  for (const auto& row : rows) total += row["wellbys"]["mean"].get<double>();
  CHECK(total == Approx(c["headline"]["wellbys"]["mean"].get<double>()).epsilon(1e-6));
}
