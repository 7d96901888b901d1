// `wellsim view --record`: bad requests are one line before any window opens; a recording has
// one frame per recorded week of the range, at the asked size, and its frames are the pictures
// the screenshot path makes of those weeks.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"
#include "tests/viz/view_fixture.hpp"
#include "tests/viz/xvfb_view.hpp"
#include "viz/video_pipe.hpp"

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>
#endif

using namespace wellsim;

namespace {

/// `wellsim view RUN --record ...` refused with exit status 2 and one line saying `says`.
void refused(const std::vector<std::string>& args, const std::string& says) {
  std::vector<std::string> all{"view"};
  all.insert(all.end(), args.begin(), args.end());
  const auto r = test::run_wellsim(all);
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK(r.err.find(says) != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

#ifdef WELLSIM_HAVE_VIEWER
/// Channel values above 120 in a picture: a frame with something drawn in it.
std::size_t bright_pixels(const std::string& png) {
  int w = 0, h = 0, c = 0;
  unsigned char* a = stbi_load(png.c_str(), &w, &h, &c, 3);
  REQUIRE(a != nullptr);
  std::size_t bright = 0;
  for (std::size_t i = 0; i < std::size_t(w) * std::size_t(h) * 3; ++i) bright += a[i] > 120;
  stbi_image_free(a);
  return bright;
}
#endif

}  // namespace

TEST_CASE("a recording plan takes the recorded weeks of its range", "[viz]") {
  const std::vector<std::int32_t> weeks{0, 4, 8, 10};
  if (!viz::on_path("ffmpeg")) {
    WARN("ffmpeg is not installed (Debian ffmpeg): recording not tested");
    return;
  }
  test::TempDir dir("record-plan");
  const auto plan = viz::plan_recording(dir.file("a.gif"), 3, 9, 5, weeks);
  CHECK(plan.gif);
  CHECK(plan.fps == 5);
  CHECK(plan.rows == std::vector<std::size_t>{1, 2});
  CHECK(viz::plan_recording(dir.file("a.mp4"), -1, -1, 8, weeks).rows.size() == 4);
  CHECK_FALSE(viz::plan_recording(dir.file("a.mp4"), -1, -1, 8, weeks).gif);
  CHECK_THROWS_WITH(viz::plan_recording(dir.file("a.mp4"), 5, 7, 8, weeks),
                    Catch::Contains("no recorded week from 5 to 7"));
}

TEST_CASE("view --record refuses bad requests in one line", "[viz]") {
  test::TempDir dir("record-bad");
  test::write_grid_run(dir.file("run.h5"), 1);
  const std::string run = dir.file("run.h5");
  refused({run, "--record", dir.file("out.avi")}, "out.avi: --record writes a .mp4 or a .gif");
  refused({run, "--record", dir.file("out.mp4"), "--from", "6", "--to", "2"},
          "--from 6 is after --to 2");
  refused({run, "--record", dir.file("out.mp4"), "--from", "5", "--to", "7"},
          "no recorded week from 5 to 7");
  if (viz::on_path("ffmpeg"))
    refused({run, "--record", "/nonexistent-dir/out.mp4"},
            "/nonexistent-dir/out.mp4: cannot write: No such file or directory");
  // Without ffmpeg on the PATH (this test's PATH holds only an empty folder).
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", dir.path().c_str(), 1);
  refused({run, "--record", dir.file("out.mp4")}, "--record needs the ffmpeg program");
  setenv("PATH", saved.c_str(), 1);
  const auto r = test::run_wellsim({"view", run, "--from", "2"});
  CHECK(r.status != 0);
  CHECK(r.err.find("--from requires --record") != std::string::npos);
}

#ifdef WELLSIM_HAVE_VIEWER

TEST_CASE("a recording has a frame per recorded week, the screenshot's picture",
          "[viz][render][gl]") {
  if (!viz::on_path("ffmpeg")) {
    WARN("ffmpeg is not installed (Debian ffmpeg): recording not tested");
    return;
  }
  test::TempDir dir("record");
  test::write_grid_run(dir.file("run.h5"), 1);  // weeks 0, 4, 8
  const std::string run = dir.file("run.h5"), mp4 = dir.file("out.mp4");
  if (!test::view_under_xvfb(
          run + " --record " + mp4 + " --from 1 --to 8 --width 640 " + "--height 480",
          dir.file("log")))
    return;
  // Weeks 4 and 8: two frames of 640 x 480.
  CHECK(test::video_frames(mp4) == "640,480,2\n");
  const std::string frame = dir.file("frame.png"), shot = dir.file("shot.png");
  test::extract_frame(mp4, 1, frame);
  REQUIRE(test::view_under_xvfb(
      run + " --screenshot " + shot + " --week 8 --width 640 --height 480", dir.file("log2")));
  // H.264 in yuv420p is lossy: the same picture within a few levels on average, where a blank
  // or another week's frame differs by far more at the nodes and the slider.
  const double diff = test::frame_difference(frame, shot);
  CHECK(diff < 4.0);
  CHECK(bright_pixels(frame) > 2000);  // not a blank frame
  const std::string gif = dir.file("out.gif");
  test::view_under_xvfb(run + " --record " + gif + " --width 320 --height 240", dir.file("log3"));
  CHECK(test::video_frames(gif) == "320,240,3\n");
}

#endif
