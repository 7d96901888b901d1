// The sensitivity HTML page as a browser draws it: headless Chromium renders the page and the
// screenshot's bars are measured. Each bar must appear in its index's colour, one per factor in
// factor order, with a length proportional to its index — the longest bar is the factor with the
// largest index — not merely a page that is not blank. Skipped, visibly, without chromium.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include "analysis/sensitivity_report.hpp"
#include "tests/test_support.hpp"

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>
#endif

using namespace wellsim;

namespace {

/// The shell line that renders `html` into `png` at 1000 × 800 (log in `log`).
std::string chromium_command(const std::string& html, const std::string& png,
                             const std::string& log) {
  return "timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "
         "--screenshot=" +
         png + " --window-size=1000,800 file://" + html + " >" + log + " 2>&1";
}

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

/// A horizontal run of one colour several pixel rows tall: a bar (legend swatches are shorter).
struct Band {
  int top = 0, height = 0, width = 0;  ///< width: the most pixels of the colour in one row
};

struct Rgb {
  int r, g, b;
};

Rgb rgb(const char* hex) {
  const long v = std::strtol(hex + 1, nullptr, 16);
  return {int(v >> 16) & 255, int(v >> 8) & 255, int(v) & 255};
}

#ifdef WELLSIM_HAVE_VIEWER

/// The bands of colour `c` in the image, top to bottom, at least `min_height` rows tall.
std::vector<Band> bands(const unsigned char* img, int w, int h, Rgb c, int min_height) {
  std::vector<Band> out;
  Band cur;
  for (int y = 0; y <= h; ++y) {
    int count = 0;
    for (int x = 0; y < h && x < w; ++x) {
      const unsigned char* p = img + 4 * (std::size_t(y) * std::size_t(w) + std::size_t(x));
      count += std::abs(p[0] - c.r) <= 2 && std::abs(p[1] - c.g) <= 2 && std::abs(p[2] - c.b) <= 2;
    }
    if (count > 0) {
      if (cur.height == 0) cur.top = y;
      ++cur.height;
      cur.width = std::max(cur.width, count);
    } else if (cur.height > 0) {
      if (cur.height >= min_height) out.push_back(cur);
      cur = Band{};
    }
  }
  return out;
}

/// Renders the report's page and returns the screenshot (RGBA, 1000 × 800), or empty when it
/// could not be rendered (the reason is a test failure).
std::vector<unsigned char> render(const test::TempDir& dir, const analysis::SensitivityReport& r) {
  const std::string html = dir.file("page.html"), png = dir.file("page.png");
  std::ofstream(html) << analysis::sensitivity_html(r);
  const int rc = std::system(chromium_command(html, png, dir.file("chromium.log")).c_str());
  std::ifstream log(dir.file("chromium.log"));
  INFO(std::string((std::istreambuf_iterator<char>(log)), {}));
  REQUIRE(rc == 0);
  int w = 0, h = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &channels, 4);
  REQUIRE(img != nullptr);
  CHECK(w == 1000);
  CHECK(h == 800);
  std::vector<unsigned char> pixels(img, img + std::size_t(w) * std::size_t(h) * 4);
  stbi_image_free(img);
  if (w != 1000 || h != 800) return {};
  return pixels;
}

/// Every bar's length is its value on one common scale (fitted to the longest), within 2 px.
void check_lengths(const std::vector<Band>& bars, const std::vector<double>& values) {
  REQUIRE(bars.size() == values.size());
  std::size_t longest = 0;
  for (std::size_t i = 1; i < bars.size(); ++i)
    if (bars[i].width > bars[longest].width) longest = i;
  const double px_per_unit = bars[longest].width / values[longest];
  for (std::size_t i = 0; i < bars.size(); ++i) {
    INFO("bar " << i << ": " << bars[i].width << " px for " << values[i]);
    CHECK(std::abs(bars[i].width - values[i] * px_per_unit) <= 2.0);
    CHECK(bars[i].height >= 12);
  }
}

#endif

analysis::SensitivityReport sobol_report() {
  analysis::SensitivityReport r;
  r.source = "synthetic.h5";
  r.experiment = "render";
  r.design = "sobol";
  r.outcome = "wellbys";
  r.scenario = "policy";
  r.scenario_choice = "the only scenario";
  r.factors = {"benefit.rate", "hub.capacity", "energy.price"};
  r.has_sobol = true;
  r.resamples = 100;
  r.sobol = {{"benefit.rate", {0.20, 0.15, 0.26}, {0.30, 0.25, 0.36}},
             {"hub.capacity", {0.55, 0.48, 0.61}, {0.70, 0.63, 0.78}},
             {"energy.price", {0.05, 0.01, 0.09}, {0.12, 0.08, 0.16}}};
  return r;
}

}  // namespace

TEST_CASE("the sensitivity page's bars are as long as their indices in Chromium",
          "[sensitivity][render]") {
  if (!have_chromium()) {
    WARN("chromium is not installed (Debian chromium): the HTML render is not tested");
    SUCCEED();
    return;
  }
#ifndef WELLSIM_HAVE_VIEWER
  WARN("built without stb (libstb-dev): the screenshot cannot be read");
  SUCCEED();
#else
  test::TempDir dir("sens-render");
  SECTION("Sobol': S1 and ST bars, the longest for the factor with the largest index") {
    const auto pixels = render(dir, sobol_report());
    REQUIRE_FALSE(pixels.empty());
    const auto s1 = bands(pixels.data(), 1000, 800, rgb(analysis::kFirstOrderColour), 12);
    const auto st = bands(pixels.data(), 1000, 800, rgb(analysis::kTotalColour), 12);
    REQUIRE(s1.size() == 3);
    REQUIRE(st.size() == 3);
    // One common scale for both indices; the longest bar of each is hub.capacity's.
    check_lengths({s1[0], s1[1], s1[2], st[0], st[1], st[2]}, {0.20, 0.55, 0.05, 0.30, 0.70, 0.12});
    CHECK(st[1].width > st[0].width);
    CHECK(st[1].width > s1[1].width);
    for (int f = 0; f < 3; ++f) CHECK(s1[f].top < st[f].top);  // S1 above ST, factor by factor
    CHECK(st[0].top < s1[1].top);                              // factors in design order
  }
  SECTION("Morris: one mu* bar per factor") {
    analysis::SensitivityReport r = sobol_report();
    r.design = "morris";
    r.has_sobol = false;
    r.has_morris = true;
    r.morris = {{"benefit.rate", 0.4, 1.5, 0.9, {1.5, 1.2, 1.8}},
                {"hub.capacity", -2.0, 3.0, 1.1, {3.0, 2.6, 3.4}},
                {"energy.price", 0.1, 0.5, 0.2, {0.5, 0.4, 0.6}}};
    const auto pixels = render(dir, r);
    REQUIRE_FALSE(pixels.empty());
    const auto mu = bands(pixels.data(), 1000, 800, rgb(analysis::kMuStarColour), 12);
    check_lengths(mu, {1.5, 3.0, 0.5});
    CHECK(bands(pixels.data(), 1000, 800, rgb(analysis::kFirstOrderColour), 1).empty());
  }
#endif
}
