// The plain-words verdict: honest rounding, money in words, and the evidence the report quotes
// from docs/model.md.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/evidence.hpp"
#include "analysis/report_words.hpp"
#include "tests/analysis/analysis_fixture.hpp"

using namespace wellsim;
using Catch::Contains;
using Catch::StartsWith;

TEST_CASE("figures are rounded to what their intervals support", "[analysis]") {
  CHECK(analysis::rounded({0.0127, 0.0116, 0.0137, 3}) == "0.013");
  CHECK(analysis::rounded({728.7, 671.0, 786.5, 3}) == "730");
  CHECK(analysis::rounded({-1873.2, -1990, -1750, 3}) == "-1,900");
  CHECK(analysis::rounded({0.5, std::nan(""), std::nan(""), 1}) == "0.50");
  CHECK(analysis::money_words(9473297) ==
        "\xC2\xA3"
        "9.5 million");
  CHECK(analysis::money_words(15530122) ==
        "\xC2\xA3"
        "16 million");
  CHECK(analysis::money_words(63456) ==
        "\xC2\xA3"
        "63,000");
  CHECK(analysis::money_words(-2600) ==
        "-\xC2\xA3"
        "2,600");
}

TEST_CASE("the report quotes the sources docs/model.md gives", "[analysis]") {
  CHECK_THAT(analysis::evidence_for_type("price_cap"), Contains("Energy Price Guarantee"));
  CHECK_THAT(analysis::evidence_for_type("case_management"), Contains("PSSRU"));
  CHECK_THAT(analysis::evidence_for_key("wellbeing.effect_log_income"),
             Contains("Clark et al. (2018)"));
  CHECK(analysis::evidence_for_key("wellbeing.no_such_key").empty());
  const auto omissions = analysis::model_omissions();
  REQUIRE(omissions.size() >= 2);
  CHECK_THAT(omissions[0], Contains("Not modelled: partnership formation and separation"));
  // The rest in the page's order, wherever a section adds one.
  auto says = [&](const std::string& words) {
    return std::any_of(omissions.begin(), omissions.end(),
                       [&](const std::string& o) { return o.find(words) != std::string::npos; });
  };
  CHECK(says("no habituation is modelled"));
  CHECK(says("the other party to a dispute"));  // trouble with neighbours
  CHECK(analysis::plain_markdown("**judgement** `x` a \\| b") == "judgement x a | b");
}

TEST_CASE("the plain words say what the policy adds, how sure, and what it costs", "[analysis]") {
  test::TempDir dir("words");
  const auto c = test::grant_comparison(dir);
  const auto w = analysis::plain_words(c);
  CHECK_THAT(w.what, Contains("policy is compared with base") && Contains("adds grant") &&
                         Contains("3 people for 4 weeks"));
  CHECK_THAT(w.who, Contains("points against the baseline"));
  CHECK_THAT(w.how_sure, Contains("2 paired replicates") && Contains("not in them"));
  CHECK_THAT(w.cost, StartsWith("It costs \xC2\xA3"));
  CHECK_THAT(w.worth, Contains("WELLBYs") && Contains("\xC2\xA3"
                                                      "10,000"));
}
