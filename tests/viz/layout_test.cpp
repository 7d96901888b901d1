// `wellsim view` at a projector's resolutions, as a class would see it: every window's text
// stays inside the window (ImGui's own record of how far each window's content reaches, written
// by --dump-layout), the inspector of a selected person is on screen, the side panel shows a
// picture, and the week slider says when the shown week is the nearest recorded one.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "output/run_reader.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"
#include "tests/viz/community_fixture.hpp"
#include "tests/viz/xvfb_view.hpp"

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>

using namespace wellsim;

namespace {

struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct LayoutWindow {
  std::string name;
  Rect rect;
  float content_x = 0, content_y = 0, visible_x = 0, visible_y = 0;
  bool scrolls = false;
  bool child = false;  // inside a scrolling window, so it may be scrolled partly out of view
};

struct LayoutText {
  std::string text;
  Rect rect, container;
};

struct Layout {
  float w = 0, h = 0;
  std::vector<LayoutWindow> windows;
  std::vector<LayoutText> texts;
  std::vector<std::pair<std::string, Rect>> marks;
};

std::string after_colon(const std::string& line) {
  const auto at = line.find(" : ");
  return at == std::string::npos ? "" : line.substr(at + 3);
}

Layout read_layout(const std::string& path) {
  std::ifstream in(path);
  Layout l;
  for (std::string line; std::getline(in, line);) {
    std::istringstream s(line);
    std::string kind, word;
    s >> kind;
    if (kind == "size") {
      s >> l.w >> l.h;
    } else if (kind == "window") {
      LayoutWindow w;
      int scrolls = 0, child = 0;
      s >> w.rect.x0 >> w.rect.y0 >> w.rect.x1 >> w.rect.y1 >> word >> w.content_x >> w.content_y >>
          word >> w.visible_x >> w.visible_y >> word >> scrolls >> word >> child;
      w.scrolls = scrolls != 0;
      w.child = child != 0;
      w.name = after_colon(line);
      l.windows.push_back(w);
    } else if (kind == "text") {
      LayoutText t;
      s >> t.rect.x0 >> t.rect.y0 >> t.rect.x1 >> t.rect.y1 >> word >> t.container.x0 >>
          t.container.y0 >> t.container.x1 >> t.container.y1;
      t.text = after_colon(line);
      l.texts.push_back(t);
    } else if (kind == "mark") {
      Rect r;
      s >> r.x0 >> r.y0 >> r.x1 >> r.y1;
      l.marks.emplace_back(after_colon(line), r);
    }
  }
  return l;
}

const LayoutWindow& window(const Layout& l, const std::string& name) {
  for (const LayoutWindow& w : l.windows)
    if (w.name == name) return w;
  FAIL("no window " << name);
  return l.windows.front();
}

/// Nothing cut off: every window lies on screen, no window's content reaches past its visible
/// right edge, a window that cannot scroll holds its content, and ImGui's self-clipped texts
/// (the slider's caption, the map's labels) lie inside their boxes.
void check_nothing_clipped(const Layout& l) {
  REQUIRE(!l.windows.empty());
  for (const LayoutWindow& w : l.windows) {
    INFO("window " << w.name);
    CHECK(w.rect.x0 >= 0);
    CHECK(w.rect.x1 <= l.w);
    if (!w.child) CHECK(w.rect.y0 >= 0);
    if (!w.child) CHECK(w.rect.y1 <= l.h);
    CHECK(w.content_x <= w.visible_x + 0.5f);
    if (!w.scrolls) CHECK(w.content_y <= w.visible_y + 0.5f);
  }
  for (const LayoutText& t : l.texts) {
    INFO("text " << t.text);
    CHECK(t.rect.x0 >= t.container.x0 - 0.5f);
    CHECK(t.rect.x1 <= t.container.x1 + 0.5f);
    CHECK(t.rect.y0 >= t.container.y0 - 0.5f);
    CHECK(t.rect.y1 <= t.container.y1 + 0.5f);
  }
}

/// Distinct colours in a rectangle of the PNG: a blank panel has one or two.
std::size_t colours_in(const std::string& png, const Rect& r) {
  int w = 0, h = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &channels, 4);
  REQUIRE(img != nullptr);
  std::set<std::uint32_t> colours;
  for (int y = std::max(0, int(r.y0)); y < std::min(h, int(r.y1)); ++y)
    for (int x = std::max(0, int(r.x0)); x < std::min(w, int(r.x1)); ++x) {
      const unsigned char* p = img + 4 * (std::size_t(y) * std::size_t(w) + std::size_t(x));
      colours.insert(std::uint32_t(p[0]) << 16 | std::uint32_t(p[1]) << 8 | p[2]);
    }
  stbi_image_free(img);
  return colours.size();
}

/// The original id of someone sharing a household, so the inspector is long.
std::string someone(const std::string& run) {
  output::RunReader r(run);
  const auto households = r.households();
  for (std::size_t a = 1; a < households.size(); ++a)
    if (households[a] == households[a - 1]) return std::to_string(r.original_ids()[a]);
  FAIL("no household of two");
  return "";
}

}  // namespace

TEST_CASE("nothing is clipped at 1280x800 and 1920x1080, normal and presenter",
          "[viz][render][gl]") {
  test::TempDir dir("view-layout");
  const std::string run = dir.file("shock.h5"), base = dir.file("base.h5");
  for (const auto& [scenario, path] : {std::pair{"cost_of_living_shock", run}, {"default", base}}) {
    const auto r = test::run_wellsim(
        {"run", test::source_path(std::string("scenarios/") + scenario + ".toml"), "--set",
         "population.sizes=[120,100,90,80,70]", "--set", "output.record_every=4", "--steps", "40",
         "--threads", "1", "-o", path, "--quiet"});
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  REQUIRE(output::RunReader(run).recorded_steps()[5] == 20);  // so week 22 is not recorded
  const std::string who = someone(run);
  for (const std::string size : {"1280x800", "1920x1080"})
    for (const std::string mode : {"", " --presenter"})
      for (const std::string& runs : {run, run + " " + base}) {
        const std::string png = dir.file("shot.png"), txt = dir.file("layout.txt");
        const std::string w = size.substr(0, size.find('x')), h = size.substr(size.find('x') + 1);
        INFO(size << mode << " " << runs);
        if (!test::view_under_xvfb(runs + " --screenshot " + png + " --week 22 --select " + who +
                                       " --width " + w + " --height " + h + mode +
                                       " --dump-layout " + txt,
                                   dir.file("log")))
          return;
        const Layout l = read_layout(txt);
        CHECK(l.w == std::stof(w));
        check_nothing_clipped(l);
        const LayoutWindow& side = window(l, "side");
        CHECK(colours_in(png, side.rect) > 100);  // charts and text, not a blank panel
        // The selected person's inspector starts on screen, within the panel.
        bool inspector = false;
        for (const auto& [name, r] : l.marks)
          if (name == "inspector") {
            inspector = true;
            CHECK(r.y0 >= side.rect.y0);
            CHECK(r.y0 < side.rect.y1 - 100);
          }
        CHECK(inspector);
        bool said = false;
        for (const LayoutText& t : l.texts)
          said |= t.text == "week 20 of 40 (nearest recorded to 22)";
        CHECK(said);
      }
}

namespace {

/// The chart in `box` labels its axis from just below the data to just above it: the bottom
/// label (the lower of the two texts drawn in the box) is no more than a tenth of the data's
/// range (plus the label's rounding) below its least value, so a community run's small changes
/// in the spread fill the chart, where an axis from 0 flattened them.
void check_axis_fits(const Layout& l, const Rect& box, const std::vector<double>& data) {
  REQUIRE(!data.empty());
  const auto [lo, hi] = std::minmax_element(data.begin(), data.end());
  std::vector<std::pair<float, double>> labels;  // (y, value)
  for (const LayoutText& t : l.texts)
    if (t.rect.y0 >= box.y0 && t.rect.y1 <= box.y1 && t.rect.x0 >= box.x0 && t.rect.x1 <= box.x1)
      labels.emplace_back(t.rect.y0, std::stod(t.text));
  REQUIRE(labels.size() == 2);
  std::sort(labels.begin(), labels.end());
  const double top = labels[0].second, bottom = labels[1].second;
  INFO("sd from " << *lo << " to " << *hi << "; axis " << bottom << " to " << top);
  const double slack = 0.1 * (*hi - *lo) + 1e-3 + 5e-4;
  CHECK(bottom <= *lo + 5e-4);
  CHECK(bottom >= *lo - slack);
  CHECK(top >= *hi - 5e-4);
  CHECK(top <= *hi + slack);
}

}  // namespace

TEST_CASE("the chooser chart shows the spread first, or the series --chart names",
          "[viz][render][gl]") {
  test::TempDir dir("view-chart");
  test::write_community_run("cost_of_living_shock", 8, dir.file("run.h5"));
  for (const std::string chart : {"", "prevalence/lonely"}) {
    const std::string txt = dir.file("layout.txt");
    if (!test::view_under_xvfb(dir.file("run.h5") + " --screenshot " + dir.file("x.png") +
                                   (chart.empty() ? "" : " --chart " + chart) + " --dump-layout " +
                                   txt,
                               dir.file("log")))
      return;
    const Layout l = read_layout(txt);
    const LayoutWindow& side = window(l, "side");
    int shown = 0;
    for (const auto& [name, r] : l.marks)
      if (name == "chart " + (chart.empty() ? std::string("sd") : chart)) {
        ++shown;
        CHECK(r.y1 - r.y0 > 20);      // a chart, drawn
        CHECK(r.y1 <= side.rect.y1);  // on screen without scrolling
        if (chart.empty()) check_axis_fits(l, r, output::RunReader(dir.file("run.h5")).stat("sd"));
      }
    CHECK(shown == 1);
  }
}

#endif

TEST_CASE("the live viewer is legible at 1280x800 and 1920x1080 and names the neighbourhoods",
          "[viz][render][live][gl]") {
  test::TempDir dir("live-layout");
  const std::string edit = test::source_path("docs/examples/live/youth_project.toml");
  const std::string town =
      dir.write("town.toml", "extends = \"" + test::source_path("scenarios/default.toml") +
                                 "\"\n[population]\nsizes = [120, 100, 90, 80, 70]\n");
  for (const std::string size : {"1280x800", "1920x1080"})
    for (const std::string mode : {"", " --presenter"}) {
      const std::string png = dir.file("live.png"), txt = dir.file("layout.txt");
      const std::string w = size.substr(0, size.find('x')), h = size.substr(size.find('x') + 1);
      INFO(size << mode);
      if (!test::view_under_xvfb("--live " + town + " --live-steps 12 --fork-week 4 --fork-with " +
                                     edit + " --screenshot " + png + " --width " + w +
                                     " --height " + h + mode + " --dump-layout " + txt,
                                 dir.file("log")))
        return;
      const Layout l = read_layout(txt);
      check_nothing_clipped(l);
      CHECK(colours_in(png, window(l, "live").rect) > 100);
      std::set<std::string> labels;
      for (const LayoutText& t : l.texts)
        if (t.text.rfind("label ", 0) == 0) labels.insert(t.text.substr(6));
      CHECK(labels ==
            std::set<std::string>{"Bacup", "Britannia", "Sharneyford", "Stacksteads", "Weir"});
    }
}
