// The HTML report: one self-contained page with every section, with or without Chart.js.
#include <catch2/catch.hpp>

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

const char* kSections[] = {"Effect over time",   "Distribution shift", "Who gains",
                           "Ripple by distance", "Cost-effectiveness", "Domains and services"};

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
  CHECK_THAT(html, Contains("new Chart(document.getElementById('c0_effect')"));
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
