// `wellsim view` of a community run under Xvfb: the new panels (markers, prevalence, services,
// the person's household and history) draw without failing, in the plain, comparison and
// presenter layouts.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <set>

#include "output/run_reader.hpp"
#include "tests/viz/community_fixture.hpp"
#include "tests/viz/xvfb_view.hpp"

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>

using namespace wellsim;

namespace {

/// Runs `wellsim view ARGS` headless; false when Xvfb is absent. A panel that failed mid-frame
/// shows a message, which the screenshot prints: there must be none.
bool view_under_xvfb(const std::string& args, const std::string& log) {
  const auto said = test::view_under_xvfb(args, log);
  if (!said) return false;
  INFO(*said);
  CHECK(said->find("wellsim:") == std::string::npos);
  return true;
}

/// The PNG is `w` x `h` and shows a picture: many colours, not a blank or one-colour frame.
void check_picture(const std::string& png, int w, int h) {
  int iw = 0, ih = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &iw, &ih, &channels, 4);
  REQUIRE(img != nullptr);
  CHECK(iw == w);
  CHECK(ih == h);
  std::set<std::uint32_t> colours;
  for (std::size_t i = 0; i < std::size_t(iw) * std::size_t(ih); ++i)
    colours.insert(std::uint32_t(img[4 * i]) << 16 | std::uint32_t(img[4 * i + 1]) << 8 |
                   img[4 * i + 2]);
  stbi_image_free(img);
  CHECK(colours.size() > 100);
}

/// The original id of someone who shares a household (so the inspector lists members).
long long someone_with_a_household(const std::string& run) {
  output::RunReader r(run);
  const auto households = r.households();
  const auto ids = r.original_ids();
  for (std::size_t a = 1; a < households.size(); ++a)
    if (households[a] == households[a - 1]) return ids[a];
  FAIL("no household of two");
  return -1;
}

}  // namespace

TEST_CASE("a community run with a selected person still renders", "[viz][render][gl]") {
  test::TempDir dir("view-community");
  test::write_community_run("cost_of_living_shock", 40, dir.file("shock.h5"));
  test::write_community_run("default", 40, dir.file("base.h5"));
  const std::string who = std::to_string(someone_with_a_household(dir.file("shock.h5")));
  const std::string png = dir.file("one.png");
  if (!view_under_xvfb(dir.file("shock.h5") + " --screenshot " + png + " --week 30 --select " +
                           who + " --width 1000 --height 900",
                       dir.file("log1")))
    return;
  check_picture(png, 1000, 900);
  const std::string cmp = dir.file("cmp.png");
  view_under_xvfb(dir.file("shock.h5") + " " + dir.file("base.h5") + " --screenshot " + cmp +
                      " --week 36 --select " + who + " --width 900 --height 700",
                  dir.file("log2"));
  check_picture(cmp, 900, 700);
  const std::string pres = dir.file("presenter.png");
  view_under_xvfb(dir.file("shock.h5") + " " + dir.file("base.h5") + " --presenter" +
                      " --screenshot " + pres + " --week 36 --select " + who,
                  dir.file("log3"));
  check_picture(pres, 1280, 800);
}

#endif
