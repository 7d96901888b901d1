// A replicate set in the viewer: discovery keeps the same scenario's files and nothing else,
// named sets refuse a mix, and under Xvfb the mean chart shows the band in its own colour.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "output/run_reader.hpp"
#include "sim/errors.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"
#include "tests/viz/xvfb_view.hpp"
#include "viz/replicate_set.hpp"

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>

#include "viz/gl/charts.hpp"
#endif

using namespace wellsim;

namespace {

/// scenarios/default.toml with 460 people for 12 weeks, with extra `args`, into `out`.
void run_default(const std::vector<std::string>& args, const std::string& out) {
  std::vector<std::string> all{"run",       test::source_path("scenarios/default.toml"),
                               "--set",     "population.sizes=[120,100,90,80,70]",
                               "--steps",   "12",
                               "--threads", "1",
                               "-o",        out,
                               "--quiet"};
  all.insert(all.end(), args.begin(), args.end());
  const auto r = test::run_wellsim(all);
  INFO(r.err);
  REQUIRE(r.status == 0);
}

/// d_r0..d_r2 (one set), d_r3 (another seed: another scenario) and e_r1 (a copy of d_r1 under
/// another stem) in `dir`.
void write_replicate_folder(const test::TempDir& dir) {
  run_default({"--replicates", "3"}, dir.file("d.h5"));
  run_default({"--seed", "7", "--replicate", "3"}, dir.file("d_r3.h5"));
  std::filesystem::copy_file(dir.file("d_r1.h5"), dir.file("e_r1.h5"));
}

}  // namespace

TEST_CASE("discovery keeps the replicates of the viewed run's scenario", "[viz]") {
  test::TempDir dir("viz-replicates");
  write_replicate_folder(dir);
  const viz::ReplicateMeans set = viz::discover_replicates(dir.file("d_r1.h5"));
  CHECK(set.paths ==
        std::vector<std::string>{dir.file("d_r0.h5"), dir.file("d_r1.h5"), dir.file("d_r2.h5")});
  CHECK(set.replicates == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(set.ignored == 1);  // d_r3; e_r1 is not even a candidate
  REQUIRE(set.means.size() == 3);
  CHECK(set.means[2] == output::RunReader(dir.file("d_r2.h5")).stat("mean"));
  CHECK(set.means[0] != set.means[1]);  // replicates draw differently
  // The other scenario's file alone has no siblings of its own scenario.
  CHECK(viz::discover_replicates(dir.file("d_r3.h5")).size() == 1);
}

TEST_CASE("named replicates must be one scenario", "[viz]") {
  test::TempDir dir("viz-replicates-named");
  write_replicate_folder(dir);
  const auto two = viz::named_replicates(dir.file("d_r2.h5"), {dir.file("d_r0.h5")});
  CHECK(two.replicates == std::vector<std::uint32_t>{0, 2});
  const auto same = viz::named_replicates(dir.file("d_r0.h5"), {dir.file("d_r0.h5")});
  CHECK(same.size() == 1);
  CHECK_THROWS_AS(viz::named_replicates(dir.file("d_r0.h5"), {dir.file("d_r3.h5")}),
                  sim::InputError);
  CHECK_THROWS_WITH(viz::named_replicates(dir.file("d_r0.h5"), {dir.file("d_r3.h5")}),
                    Catch::Matchers::Contains("d_r3.h5: different scenarios"));
  CHECK_THROWS_AS(viz::named_replicates(dir.file("d_r1.h5"), {dir.file("e_r1.h5")}),
                  sim::InputError);  // the same replicate twice
}

TEST_CASE("policy and baseline replicates pair by replicate number", "[viz]") {
  viz::ReplicateMeans policy, base;
  policy.paths = {"p_r0.h5", "p_r2.h5", "p_r3.h5"};
  policy.replicates = {0, 2, 3};
  policy.means = {{5.0, 6.0}, {5.5, 6.5, 7.0}, {1.0}};
  base.paths = {"b_r2.h5", "b_r0.h5"};
  base.replicates = {2, 0};
  base.means = {{5.0, 6.0}, {4.0, 4.5, 9.0}};
  const auto d = viz::paired_differences(policy, base);
  CHECK(d == std::vector<std::vector<double>>{{1.0, 1.5}, {0.5, 0.5}});
}

#ifdef WELLSIM_HAVE_VIEWER

namespace {

/// Runs `wellsim view ARGS --screenshot PNG --week 8` headless; returns what it printed, or
/// nullopt when Xvfb is absent.
std::optional<std::string> screenshot(const std::string& args, const std::string& png,
                                      const std::string& log) {
  return test::view_under_xvfb(args + " --screenshot " + png + " --week 8", log);
}

/// Pixels of exactly the band's colour in `png`.
std::size_t band_pixels(const std::string& png) {
  int w = 0, h = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &channels, 4);
  REQUIRE(img != nullptr);
  std::size_t n = 0;
  const viz::Rgba8 c = viz::kBandColour;
  for (std::size_t i = 0; i < std::size_t(w) * std::size_t(h); ++i)
    n += img[4 * i] == c.r && img[4 * i + 1] == c.g && img[4 * i + 2] == c.b;
  stbi_image_free(img);
  return n;
}

}  // namespace

TEST_CASE("a replicate set renders its band on the mean chart", "[viz][render][gl]") {
  test::TempDir dir("view-replicates");
  write_replicate_folder(dir);
  const auto said = screenshot(dir.file("d_r0.h5"), dir.file("band.png"), dir.file("log1"));
  if (!said) return;
  CHECK(said->find("95% t-interval of the mean across 3 replicates (d_r0.h5 ... d_r2.h5); "
                   "ignored 1 other file") != std::string::npos);
  const std::size_t with = band_pixels(dir.file("band.png"));
  // Without replicates nothing else on screen has that exact colour.
  const auto plain =
      screenshot(dir.file("d_r0.h5") + " --no-replicates", dir.file("plain.png"), dir.file("log2"));
  CHECK(plain->find("replicates") == std::string::npos);
  const std::size_t without = band_pixels(dir.file("plain.png"));
  CHECK(without < 20);
  CHECK(with > without + 200);
  // Two named replicates: the band is their range.
  const auto two = screenshot(dir.file("d_r0.h5") + " --replicates " + dir.file("d_r1.h5"),
                              dir.file("two.png"), dir.file("log3"));
  CHECK(two->find("min-max across 2 replicates") != std::string::npos);
  CHECK(band_pixels(dir.file("two.png")) > without);
}

#endif
