// The HTML report as a reader gets it: opened in headless Chromium, and printed to PDF whose
// pages pdftoppm (Debian poppler-utils) turns into pictures. Each chart must be drawn — found by
// its frame, with colour inside it — and the browser must log nothing: the page writes nothing
// to the console, so any line there is an error (a chart that failed to be created, a script
// that did not parse). Skipped, visibly, without chromium, pdftoppm or stb.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "analysis/report.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/analysis/chart_pixels.hpp"

using namespace wellsim;

namespace {

bool have(const char* program) {
  return std::system(("command -v " + std::string(program) + " >/dev/null 2>&1").c_str()) == 0;
}

/// Whether chromium and `poppler` (a program of poppler-utils) are there to print the report and
/// read it back; a visible warning, naming `what` is then not checked, when not.
bool can_print(const char* poppler, const char* what) {
  if (have("chromium") && have(poppler)) return true;
  WARN("chromium or " << poppler << " (Debian chromium, poppler-utils) is not installed: " << what
                      << " not checked");
  return false;
}

/// Charts in the page: one canvas each.
std::size_t canvases(const std::string& html) {
  std::size_t n = 0;
  for (auto at = html.find("<canvas"); at != std::string::npos; at = html.find("<canvas", at + 1))
    ++n;
  return n;
}

/// A drawn chart has bars, lines or bands in colour over at least 1% of its frame (2.4% for the
/// fixture's two bars of the distribution, at the least); a legend alone covers 0.3%.
constexpr double kDrawn = 0.01;

void check_drawn(const test::Picture& picture, const std::vector<test::Frame>& frames,
                 const std::string& where) {
  for (std::size_t k = 0; k < frames.size(); ++k) {
    const double share = test::coloured_share(picture, frames[k], 6);
    INFO(where << ": chart " << k << " at y " << frames[k].top << ".." << frames[k].bottom
               << " has " << 100 * share << "% of its pixels in colour");
    CHECK(share >= kDrawn);
  }
}

/// The console lines of a Chromium log (--enable-logging=stderr).
std::vector<std::string> console_lines(const std::string& log) {
  std::vector<std::string> out;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);)
    if (line.find(":CONSOLE") != std::string::npos) out.push_back(line);
  return out;
}

/// The cells of a table as pdftotext -layout sets them out: cells are apart by two spaces or
/// more, and a cell that wraps goes on in the next lines under itself, so each word of a later
/// line joins the cell whose middle is nearest (the printed page, read as a person reads it).
std::vector<std::string> table_row(const std::vector<std::string>& lines) {
  std::vector<std::string> cells;
  std::vector<double> middles;
  const std::regex cell("\\S+( \\S+)*");
  for (std::size_t k = 0; k < lines.size(); ++k)
    for (std::sregex_iterator m(lines[k].begin(), lines[k].end(), cell), end; m != end; ++m) {
      const double middle = m->position() + m->length() / 2.0;
      if (k == 0) {
        cells.push_back(m->str());
        middles.push_back(middle);
        continue;
      }
      std::size_t at = 0;
      for (std::size_t c = 1; c < middles.size(); ++c)
        if (std::abs(middles[c] - middle) < std::abs(middles[at] - middle)) at = c;
      // An interval that wraps at its dash reads on without a space.
      if (!cells[at].ends_with("\u2013")) cells[at] += ' ';
      cells[at] += m->str();
    }
  return cells;
}

}  // namespace

TEST_CASE("the HTML report draws every chart in Chromium, with no console output",
          "[analysis][render]") {
  if (!have("chromium")) {
    WARN("chromium is not installed (Debian chromium): the report's charts are not checked");
    return;
  }
#ifndef WELLSIM_HAVE_VIEWER
  WARN("built without stb (libstb-dev): the screenshot cannot be read");
#else
  test::TempDir dir("report-render");
  const auto c = test::grant_comparison(dir);
  const std::string html = dir.file("r.html"), png = dir.file("r.png"), log = dir.file("log");
  REQUIRE(analysis::write_html(html, {c}));
  const std::string command =
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "
      "--enable-logging=stderr --v=0 --user-data-dir=" +
      dir.file("profile") + " --window-size=1100,9000 --screenshot=" + png + " file://" + html +
      " >" + log + " 2>&1";
  const int rc = std::system(command.c_str());
  const std::string output = test::read_text(log);
  INFO(output);
  REQUIRE(rc == 0);
  CHECK(console_lines(output).empty());
  const auto picture = test::load_png(png);
  REQUIRE(picture.width == 1100);
  const auto frames = test::find_frames(picture, analysis::kChartFrameColour, 300);
  CHECK(canvases(test::read_text(html)) == 5);
  REQUIRE(frames.size() == 5);
  check_drawn(picture, frames, "screenshot");
#endif
}

TEST_CASE("compare --pdf prints every chart: no chart blank on the PDF's pages",
          "[analysis][render]") {
  if (!can_print("pdftoppm", "the PDF is")) return;
#ifndef WELLSIM_HAVE_VIEWER
  WARN("built without stb (libstb-dev): the pages cannot be read");
#else
  test::TempDir dir("report-pdf");
  const auto c = test::grant_comparison(dir);
  REQUIRE(analysis::write_html(dir.file("r.html"), {c}));
  analysis::write_pdf(dir.file("r.html"), dir.file("r.pdf"));
  // 96 dpi: one CSS pixel is one pixel, so the frames are as wide as on screen.
  const std::string pages = dir.file("page");
  REQUIRE(std::system(("pdftoppm -r 96 -png " + dir.file("r.pdf") + " " + pages).c_str()) == 0);
  std::size_t found = 0;
  for (int k = 1; k < 100; ++k) {
    const std::string file = pages + "-" + std::to_string(k) + ".png";
    if (!std::ifstream(file)) break;
    const auto picture = test::load_png(file);
    const auto frames = test::find_frames(picture, analysis::kChartFrameColour, 200);
    check_drawn(picture, frames, "page " + std::to_string(k));
    found += frames.size();
  }
  CHECK(found == 5);
#endif
}

TEST_CASE("compare --pdf names the file when chromium cannot print it", "[analysis]") {
  test::TempDir dir("report-pdf-error");
  try {
    analysis::write_pdf(dir.file("missing.html"), dir.file("sub/none/r.pdf"));
    FAIL("no error");
  } catch (const std::exception& e) {
    CHECK_THAT(e.what(), Catch::StartsWith(dir.file("sub/none/r.pdf") + ": c"));
  }
}

TEST_CASE("the campaign table reads in the printed report as the comparison has it",
          "[analysis][render]") {
  if (!can_print("pdftotext", "the campaign table is")) return;
  test::TempDir dir("report-campaigns");
  auto c = test::grant_comparison(dir);
  c.replicates = 8;
  analysis::CampaignRow row;
  row.name = "hub_campaign";
  row.wins = "britannia_hub";
  row.success = analysis::wilson_interval(5, 8);  // 62.5%; Wilson: 30.57% to 86.32%
  row.wellbys_expected.mean = 12.26;
  row.wellbys_won.mean = 19.74;
  row.wellbys_failed.mean = -0.26;
  c.campaigns.push_back(row);
  REQUIRE(analysis::write_html(dir.file("r.html"), {c}));
  analysis::write_pdf(dir.file("r.html"), dir.file("r.pdf"));
  // The printed pages' text where it stands on the page (-layout).
  const std::string text = dir.file("r.txt");
  REQUIRE(std::system(("pdftotext -layout " + dir.file("r.pdf") + " " + text).c_str()) == 0);
  const std::string printed = test::read_text(text);
  INFO(printed);
  std::vector<std::string> lines;
  std::istringstream in(printed);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  // The header from its first line to the row; the row to the blank line under it.
  const auto head = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find("campaign ") != std::string::npos && l.find("95%") != std::string::npos;
  });
  REQUIRE(head != lines.end());
  const auto first = std::find_if(head, lines.end(), [](const std::string& l) {
    return l.find("hub_campaign") != std::string::npos;
  });
  REQUIRE(first != lines.end());
  const auto last = std::find_if(first, lines.end(), [](const std::string& l) {
    return l.find_first_not_of(' ') == std::string::npos;
  });
  CHECK(table_row({head, first}) ==
        std::vector<std::string>{"campaign", "for", "won by week " + std::to_string(c.last_step),
                                 "95% interval", "WELLBYs, failures included", "when won",
                                 "when failed"});
  CHECK(table_row({first, last}) == std::vector<std::string>{"hub_campaign", "britannia_hub",
                                                             "62.5%", "30.6\u201386.3%", "12.3",
                                                             "19.7", "-0.3"});
}

namespace {

/// The grant comparison with a cohort table of four rows set by hand.
analysis::PolicyComparison with_cohorts(const test::TempDir& dir) {
  auto c = test::grant_comparison(dir);
  c.cohort_every = 1;
  auto row = [](const char* cohort, std::uint32_t first, std::uint32_t last, double people,
                double effect, double wellbys) {
    analysis::CohortRow r{cohort, first, last, people, 7.25, {}, {}};
    r.effect.mean = effect, r.effect.lo = effect - 0.125, r.effect.hi = effect + 0.125;
    r.wellbys.mean = wellbys, r.wellbys.lo = wellbys - 2, r.wellbys.hi = wellbys + 2;
    r.effect.n = r.wellbys.n = 2;
    return r;
  };
  c.cohorts = {row("children at the start (0-15)", 1, 260, 3783, 0.5, 114.7),
               row("children at the start (0-15)", 261, 520, 3780, 0.25, 14.8),
               row("everyone else (16+ at the start)", 1, 260, 15671, 0.375, 206.4),
               row("everyone else (16+ at the start)", 261, 520, 14762, 0.125, 14.9)};
  return c;
}

}  // namespace

TEST_CASE("the cohort section draws its chart and prints its table as the comparison has it",
          "[analysis][render]") {
  if (!can_print("pdftotext", "the cohort section is")) return;
  test::TempDir dir("report-cohorts");
  const auto c = with_cohorts(dir);
  const std::string html = dir.file("r.html");
  REQUIRE(analysis::write_html(html, {c}));
  CHECK(canvases(test::read_text(html)) == 6);
#ifdef WELLSIM_HAVE_VIEWER
  const std::string png = dir.file("r.png"), log = dir.file("log");
  const int rc =
      std::system(("timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "
                   "--enable-logging=stderr --v=0 --user-data-dir=" +
                   dir.file("profile") + " --window-size=1100,9000 --screenshot=" + png +
                   " file://" + html + " >" + log + " 2>&1")
                      .c_str());
  REQUIRE(rc == 0);
  CHECK(console_lines(test::read_text(log)).empty());
  const auto picture = test::load_png(png);
  const auto frames = test::find_frames(picture, analysis::kChartFrameColour, 300);
  REQUIRE(frames.size() == 6);
  // The cohort chart comes after the ripple's, fifth on the page.
  check_drawn(picture, {frames[4]}, "cohort chart");
#endif
  analysis::write_pdf(html, dir.file("r.pdf"));
  const std::string text = dir.file("r.txt");
  REQUIRE(std::system(("pdftotext -layout " + dir.file("r.pdf") + " " + text).c_str()) == 0);
  std::vector<std::string> lines;
  std::istringstream in(test::read_text(text));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const auto row = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find("everyone else") != std::string::npos && l.find("years 6") != std::string::npos;
  });
  REQUIRE(row != lines.end());
  // The row goes on to the blank line under it (its cells wrap).
  const auto end = std::find_if(row, lines.end(), [](const std::string& l) {
    return l.find_first_not_of(' ') == std::string::npos;
  });
  INFO(*row);
  CHECK(table_row({row, end}) ==
        std::vector<std::string>{"everyone else (16+ at the start)", "years 6\u201310", "14762",
                                 "7.250", "0.1250", "[0.0000, 0.2500]", "14.9", "[12.9, 16.9]"});
}
