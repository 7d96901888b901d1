// The HTML report: one self-contained page with every section, with or without Chart.js.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/comparison.hpp"
#include "analysis/report.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

const char* kSections[] = {
    "In plain words",     "Effect over time",   "Distribution shift",   "Who gains",
    "Ripple by distance", "Cost-effectiveness", "Domains and services", "Assumptions and caveats",
    "Provenance"};

}  // namespace

TEST_CASE("the HTML report has every section and inlines Chart.js", "[analysis]") {
  if (!std::filesystem::exists(analysis::kChartJsPath)) {
    WARN("libjs-chart.js is not installed (scripts/install-deps.sh): charts not checked");
    return;
  }
  test::TempDir dir("analysis-html");
  auto c = test::grant_comparison(dir);
  REQUIRE(analysis::write_html(dir.file("r.html"), {c}));
  const std::string html = test::read_text(dir.file("r.html"));
  for (const char* s : kSections) CHECK_THAT(html, Contains(std::string(s) + "</h3>"));
  CHECK_THAT(html, Contains("Charts drawn by Chart.js v3"));
  // The canvas's id is not the heading's: Chart.js would take the heading and draw nothing.
  CHECK_THAT(html, Contains("<h3 id=\"c0_effect\">") &&
                       Contains("new Chart(document.getElementById('c0_effect_chart')"));
  CHECK_THAT(html, Contains("Chart.defaults.animation=false") && Contains("@media print"));
  CHECK_THAT(html, Contains("policy vs base (baseline)"));
  CHECK_THAT(html, Contains("\xC2\xA3"
                            "13,000"));
  CHECK_THAT(html, !Contains("<script src="));  // self-contained
}

TEST_CASE("without Chart.js the HTML report has tables only and says so", "[analysis]") {
  test::TempDir dir("analysis-html-bare");
  auto c = test::grant_comparison(dir);
  CHECK_FALSE(analysis::write_html(dir.file("r.html"), {c}, dir.file("missing.js")));
  const std::string html = test::read_text(dir.file("r.html"));
  for (const char* s : kSections) CHECK_THAT(html, Contains(std::string(s) + "</h3>"));
  CHECK_THAT(html, Contains("Charts left out") && !Contains("new Chart("));
  CHECK_THAT(html, Contains("<td>recipients</td><td>1</td>"));
}

TEST_CASE("the HTML report names every file, and gives shares and their intervals in percent",
          "[analysis]") {
  test::TempDir dir("analysis-html-files");
  auto c = test::grant_comparison(dir);
  analysis::write_html(dir.file("r.html"), {c}, dir.file("missing.js"));
  const std::string html = test::read_text(dir.file("r.html"));
  for (const char* f : {"b0.h5", "b1.h5", "p0.h5", "p1.h5"})
    CHECK_THAT(html, Contains("<code>" + dir.file(f) + "</code>"));
  CHECK_THAT(html, Contains("grant</td><td>added</td>"));
  CHECK_THAT(html, Contains("Baseline files (2)") && Contains("Policy files (2)"));
  CHECK_THAT(html, !Contains("%</b> [0.") && !Contains("%</b> [1."));
}

TEST_CASE("a harmful policy's cost per WELLBY and benefit-cost ratio are explained, not printed",
          "[analysis]") {
  test::TempDir dir("analysis-html-harm");
  auto c = test::grant_comparison(dir);
  // The same runs read as a policy that costs money and lowers wellbeing.
  for (auto* e : {&c.wellbys, &c.value, &c.average_effect, &c.final_effect}) {
    e->mean = -std::fabs(e->mean), e->lo = -std::fabs(e->hi) - 1, e->hi = -0.001;
  }
  c.value_low = c.value.mean * 10 / 13, c.value_high = c.value.mean * 16 / 13;
  c.cost_per_wellby = {-63, -80, -40, 2};
  c.bcr = {-280, -566, 5.8, 2};
  analysis::write_html(dir.file("r.html"), {c}, dir.file("missing.js"));
  const std::string html = test::read_text(dir.file("r.html"));
  CHECK_THAT(html, !Contains("-\xC2\xA3"
                             "63") &&
                       !Contains("-280"));
  CHECK_THAT(html, Contains("cost per WELLBY</td><td colspan=\"2\" class=\"caveat\">not shown: "
                            "The change costs"));
  CHECK_THAT(html, Contains("it is worse and dearer than the baseline"));
  CHECK_THAT(html,
             Contains("no benefit&ndash;cost ratio is given") || Contains("no benefit\xE2\x80\x93"
                                                                          "cost ratio is given"));
  CHECK_THAT(html, Contains("The wellbeing lost"));
}
