// `wellsim view` from the outside: bad input is one line and exit status 2; under Xvfb the
// screenshot shows every node in the colour its wellbeing (or its difference) implies.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "output/h5_util.hpp"
#include "output/run_reader.hpp"
#include "output/schema.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"
#include "tests/viz/view_fixture.hpp"
#include "tests/viz/xvfb_view.hpp"
#include "viz/colour_map.hpp"
#include "viz/difference.hpp"

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>
#endif

using namespace wellsim;
using test::view_under_xvfb;

TEST_CASE("view refuses bad, truncated, newer and unpaired files in one line", "[viz]") {
  test::TempDir dir("view-bad");
  const std::string png = dir.file("out.png");
  auto refused = [&](std::vector<std::string> args, const std::string& says) {
    args.insert(args.begin(), "view");
    args.insert(args.end(), {"--screenshot", png});
    const auto r = test::run_wellsim(args);
    CHECK(r.status == 2);
    CHECK(r.err.find(says) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  };
  refused({dir.file("missing.h5")}, "missing.h5: no such file");
  refused({dir.write("text.h5", "hello\n")}, "text.h5: not an HDF5 file");
  test::write_grid_run(dir.file("run.h5"), 1);
  std::ifstream in(dir.file("run.h5"), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::ofstream(dir.file("cut.h5"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  refused({dir.file("cut.h5")}, "cut.h5: ");
  test::write_grid_run(dir.file("newer.h5"), 1);
  {
    output::h5::File f(H5Fopen(dir.file("newer.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open");
    output::h5::write_attribute(f, "schema_version", output::kSchemaVersion + 1);
  }
  refused({dir.file("newer.h5")}, "schema version " + std::to_string(output::kSchemaVersion + 1) +
                                      " is newer than this build reads");
  output::WriterOptions opts;
  test::write_small_run(dir.file("five.h5"), 2, 2, opts);
  refused({dir.file("run.h5"), dir.file("five.h5")}, "are not paired: 24 agents against 5");
}

#ifdef WELLSIM_HAVE_VIEWER

namespace {

struct Dump {
  std::string kind;
  float vx = 0, vy = 0, vw = 0, vh = 0;  // the network's viewport
  float lo = 0, hi = 0;
  std::vector<std::pair<float, float>> at;       // node -> pixel position
  std::vector<std::pair<float, float>> at_base;  // side by side: in the baseline's picture
};

Dump read_dump(const std::string& path) {
  std::ifstream in(path);
  Dump d;
  for (std::string line; std::getline(in, line);) {
    std::istringstream s(line);
    std::string word;
    if (line.rfind("# scale", 0) == 0) {
      s >> word >> word >> d.kind >> d.lo >> d.hi;
    } else if (line.rfind("# viewport", 0) == 0) {
      s >> word >> word >> d.vx >> d.vy >> d.vw >> d.vh;
    } else if (line[0] != '#') {
      std::size_t i;
      float x, y, bx, by;
      s >> i >> x >> y;
      d.at.emplace_back(x, y);
      if (s >> bx >> by) d.at_base.emplace_back(bx, by);
    }
  }
  return d;
}

using Positions = std::vector<std::pair<float, float>>;

/// Every node's centre pixel in `png` (at `at`) has the colour `scale` gives `values`; a node
/// whose value is NaN is not drawn: its pixel, if on screen, is the background.
void check_pixels(const std::string& png, const Positions& at, const viz::ColourScale& scale,
                  const std::vector<float>& values) {
  int w = 0, h = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &channels, 4);
  REQUIRE(img != nullptr);
  CHECK(w == 800);
  CHECK(h == 600);
  REQUIRE(at.size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int px = int(at[i].first), py = int(at[i].second);
    if (std::isnan(values[i]) && (px < 0 || py < 0 || px >= w || py >= h)) continue;
    REQUIRE(px >= 0);
    REQUIRE(py >= 0);
    REQUIRE(px < w);
    REQUIRE(py < h);
    const unsigned char* p = img + 4 * (std::size_t(py) * std::size_t(w) + std::size_t(px));
    const viz::Rgba8 want =
        std::isnan(values[i]) ? viz::Rgba8{40, 42, 48, 255} : scale.colour(values[i]);
    INFO("node " << i << " value " << values[i] << " at " << px << "," << py);
    CHECK(std::abs(int(p[0]) - want.r) <= 2);
    CHECK(std::abs(int(p[1]) - want.g) <= 2);
    CHECK(std::abs(int(p[2]) - want.b) <= 2);
  }
  stbi_image_free(img);
}

}  // namespace

TEST_CASE("the screenshot shows each node in the colour of its wellbeing", "[viz][render][gl]") {
  test::TempDir dir("view-render");
  test::write_grid_run(dir.file("run.h5"), 1);
  const std::string png = dir.file("run.png"), pos = dir.file("run.txt");
  if (!view_under_xvfb(dir.file("run.h5") + " --screenshot " + png + " --week 7 --width 800 " +
                           "--height 600 --dump-positions " + pos,
                       dir.file("log")))
    return;
  const Dump dump = read_dump(pos);
  CHECK(dump.kind == "sequential");
  output::RunReader run(dir.file("run.h5"));
  REQUIRE(run.recorded_steps()[2] == 8);  // week 7 shows the nearest recorded week, 8
  check_pixels(png, dump.at, viz::ColourScale(viz::MapKind::Sequential, 0, 10),
               run.wellbeing_at(2));
}

TEST_CASE("the comparison screenshot colours each node by its difference", "[viz][render][gl]") {
  test::TempDir dir("view-compare");
  test::write_grid_run(dir.file("policy.h5"), 1);
  test::write_grid_run(dir.file("base.h5"), 0);
  const std::string png = dir.file("cmp.png"), pos = dir.file("cmp.txt");
  if (!view_under_xvfb(dir.file("policy.h5") + " " + dir.file("base.h5") + " --screenshot " + png +
                           " --week 4 --width 800 --height 600 --dump-positions " + pos,
                       dir.file("log")))
    return;
  const Dump dump = read_dump(pos);
  CHECK(dump.kind == "diverging");
  CHECK(dump.lo == -dump.hi);
  output::RunReader policy(dir.file("policy.h5")), base(dir.file("base.h5"));
  const std::vector<std::uint32_t> same{0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11,
                                        12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23};
  const auto d = viz::difference(policy.wellbeing_at(1), base.wellbeing_at(1), same);
  CHECK(dump.hi == Approx(viz::symmetric_range(
                       viz::difference(policy.wellbeing_at(2), base.wellbeing_at(2), same))));
  check_pixels(png, dump.at, viz::ColourScale(viz::MapKind::Diverging, dump.lo, dump.hi), d);
}

TEST_CASE("side by side, each picture shows its own run's wellbeing", "[viz][render][gl]") {
  test::TempDir dir("view-side");
  test::write_grid_run(dir.file("policy.h5"), 1);
  test::write_grid_run(dir.file("base.h5"), 0);
  const std::string png = dir.file("side.png"), pos = dir.file("side.txt");
  if (!view_under_xvfb(dir.file("policy.h5") + " " + dir.file("base.h5") + " --side-by-side" +
                           " --screenshot " + png + " --week 8 --width 800 --height 600" +
                           " --dump-positions " + pos,
                       dir.file("log")))
    return;
  const Dump dump = read_dump(pos);
  CHECK(dump.kind == "sequential");
  REQUIRE(dump.at_base.size() == dump.at.size());
  CHECK(dump.at_base[0].first > dump.at[23].first);    // the baseline is to the right
  CHECK(dump.at_base[0].second == dump.at[0].second);  // at the same height: one camera
  output::RunReader policy(dir.file("policy.h5")), base(dir.file("base.h5"));
  const viz::ColourScale scale(viz::MapKind::Sequential, 0, 10);
  CHECK(policy.wellbeing_at(2) != base.wellbeing_at(2));
  check_pixels(png, dump.at, scale, policy.wellbeing_at(2));
  check_pixels(png, dump.at_base, scale, base.wellbeing_at(2));
}

TEST_CASE("a neighbourhood filter leaves only that neighbourhood on screen", "[viz][render][gl]") {
  test::TempDir dir("view-filter");
  test::write_grid_run(dir.file("run.h5"), 1);
  const std::string png = dir.file("filter.png"), pos = dir.file("filter.txt");
  if (!view_under_xvfb(dir.file("run.h5") + " --neighbourhoods 'High Town' --screenshot " + png +
                           " --week 0 --width 800 --height 600 --dump-positions " + pos,
                       dir.file("log")))
    return;
  output::RunReader run(dir.file("run.h5"));
  std::vector<float> shown = run.wellbeing_at(0);
  for (std::size_t i = 0; i < 12; ++i) shown[i] = NAN;  // Low Town: not drawn
  const Dump dump = read_dump(pos);
  check_pixels(png, dump.at, viz::ColourScale(viz::MapKind::Sequential, 0, 10), shown);
  // The view is fitted to what is left: High Town's nodes are centred in the picture (fitted to
  // both towns, they would sit in its upper half).
  float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
  for (std::size_t i = 12; i < 24; ++i) {
    x0 = std::min(x0, dump.at[i].first), x1 = std::max(x1, dump.at[i].first);
    y0 = std::min(y0, dump.at[i].second), y1 = std::max(y1, dump.at[i].second);
  }
  CHECK((x0 + x1) / 2 == Approx(dump.vx + dump.vw / 2).margin(2));
  CHECK((y0 + y1) / 2 == Approx(dump.vy + dump.vh / 2).margin(2));
  CHECK(x1 - x0 > 0.8f * dump.vw);  // and fill it across
}

TEST_CASE("neighbourhood names are drawn on the map above their people", "[viz][render][gl]") {
  test::TempDir dir("view-labels");
  test::write_grid_run(dir.file("run.h5"), 1);
  const std::string png = dir.file("labels.png"), pos = dir.file("pos.txt");
  const std::string layout = dir.file("layout.txt");
  if (!view_under_xvfb(dir.file("run.h5") + " --screenshot " + png + " --week 0 --width 800" +
                           " --height 600 --dump-positions " + pos + " --dump-layout " + layout,
                       dir.file("log")))
    return;
  const Dump dump = read_dump(pos);
  int w = 0, h = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &channels, 4);
  REQUIRE(img != nullptr);
  std::ifstream in(layout);
  int labels = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("text ", 0) != 0 || line.find(" : label ") == std::string::npos) continue;
    std::istringstream s(line.substr(5));
    float x0, y0, x1, y1;
    s >> x0 >> y0 >> x1 >> y1;
    const std::string name = line.substr(line.find(" : label ") + 9);
    INFO(name);
    // Low Town is people 0-11, High Town 12-23; y grows downwards, so "above" is smaller y.
    const std::size_t first = name == "Low Town" ? 0 : 12;
    REQUIRE((name == "Low Town" || name == "High Town"));
    float top = 1e9f, left = 1e9f, right = -1e9f;
    for (std::size_t i = first; i < first + 12; ++i) {
      top = std::min(top, dump.at[i].second);
      left = std::min(left, dump.at[i].first), right = std::max(right, dump.at[i].first);
    }
    CHECK(y1 < top);
    CHECK(top - y1 < 40);
    CHECK((x0 + x1) / 2 == Approx((left + right) / 2).margin(2));
    // The label's pixels: near-white text on a dark plate (no node colour is near white).
    int white = 0;
    for (int y = int(y0); y < int(y1); ++y)
      for (int x = int(x0); x < int(x1); ++x) {
        const unsigned char* p = img + 4 * (std::size_t(y) * std::size_t(w) + std::size_t(x));
        white += p[0] > 200 && p[1] > 200 && p[2] > 200;
      }
    CHECK(white > 5 * int(name.size()));
    ++labels;
  }
  stbi_image_free(img);
  CHECK(labels == 2);
}

#endif
