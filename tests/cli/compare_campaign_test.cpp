// `wellsim compare` on replicates of a campaign that may fail: the share won and the WELLBYs
// with failures included, checked against the run files themselves.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "output/run_reader.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

/// A 500-person town for 16 weeks, 8 replicates; the campaign decides in week 11.
std::vector<std::string> campaign_run_args(const std::string& scenario, const std::string& out) {
  return {"run",
          test::source_path("scenarios/" + scenario),
          "--set",
          "population.sizes=[100,100,100,100,100]",
          "--set",
          "intervention.hub_campaign.delay_weeks=10",
          "--steps",
          "16",
          "--replicates",
          "8",
          "-o",
          out,
          "-q"};
}

}  // namespace

TEST_CASE("compare reports how often a campaign won and its WELLBYs by outcome",
          "[analysis][cli]") {
  test::TempDir dir("cli-campaign");
  auto base = campaign_run_args("advocacy_campaign.toml", dir.file("base.h5"));
  base.erase(base.begin() + 4, base.begin() + 6);  // the baseline has no campaign to set
  base[1] = test::source_path("scenarios/default.toml");
  for (const auto& args :
       {base, campaign_run_args("advocacy_campaign.toml", dir.file("camp.h5"))}) {
    const auto r = test::run_wellsim(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  std::vector<std::string> args = {"compare"};
  for (int k = 0; k < 8; ++k) args.push_back(dir.file("base_r" + std::to_string(k) + ".h5"));
  args.push_back("--policy");
  int won = 0;
  for (int k = 0; k < 8; ++k) {
    args.push_back(dir.file("camp_r" + std::to_string(k) + ".h5"));
    // The file says whether and when: 0 before week 11, then 1 throughout when won.
    const auto flag = output::RunReader(args.back()).series("policy/hub_campaign/won");
    REQUIRE(flag.size() == 17);
    CHECK(flag[10] == 0);
    CHECK(flag[16] == flag[11]);
    won += flag[16] == 1;
  }
  REQUIRE(won > 0);  // p = 0.5 (effort 20 staff-weeks against 10: 2/3 x 0.75): both outcomes
  REQUIRE(won < 8);
  args.insert(args.end(), {"--horizon", "8", "--json", dir.file("c.json"), "--csv", dir.file("csv"),
                           "--html", dir.file("r.html")});
  const auto r = test::run_wellsim(args);
  INFO(r.err);
  REQUIRE(r.status == 0);
  char share[16];
  std::snprintf(share, sizeof share, "%.2f%%", 100.0 * won / 8);
  CHECK_THAT(r.out, Contains("Advocacy campaign hub_campaign (wins britannia_hub)") &&
                        Contains("won by week 8") && Contains("won by week 16") &&
                        Contains(std::string(share)) && Contains("WELLBYs, failures included"));

  const auto json = nlohmann::json::parse(test::read_text(dir.file("c.json")))["comparisons"][0];
  const auto& k = json["campaigns"][0];
  CHECK(k["wins"] == "britannia_hub");
  CHECK(k["success"]["mean"].get<double>() == Approx(won / 8.0));
  CHECK(k["success_by_week"][0]["share"].get<double>() == 0);  // nothing is decided by week 8
  CHECK(k["mean_win_week"].get<double>() == 11);
  CHECK(k["success_baseline"].is_null());
  // A failed pair is its baseline bit for bit: no WELLBYs. The expected value is the mixture.
  CHECK(k["wellbys_failed"]["mean"].get<double>() == 0);
  const double expected = k["wellbys_expected"]["mean"].get<double>();
  CHECK(expected == Approx(json["headline"]["wellbys"]["mean"].get<double>()));
  CHECK(expected == Approx(won / 8.0 * k["wellbys_won"]["mean"].get<double>()));
  // Failed pairs gain nothing: cost per WELLBY is the ratio of the expected values.
  const auto& h = json["headline"];
  CHECK(h["cost_per_wellby_gbp"]["mean"].get<double>() ==
        Approx(h["net_cost_gbp"]["mean"].get<double>() / h["wellbys"]["mean"].get<double>()));
  CHECK(h["cost_per_wellby_gbp"]["lo"].is_null());
  CHECK_THAT(test::read_text(dir.file("csv/campaigns.csv")),
             Contains("advocacy_campaign,hub_campaign,britannia_hub,16,"));
  CHECK_THAT(test::read_text(dir.file("r.html")),
             Contains("<td>hub_campaign</td><td>britannia_hub</td>"));
}
