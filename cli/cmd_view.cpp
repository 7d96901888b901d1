// `wellsim view RUN.h5 [BASELINE.h5]`: the replay viewer (viz/gl/, the only part that needs a
// display). A build without GLFW/ImGui still has the command, and says what to install.
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/live_view.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "sim/errors.hpp"
#include "viz/viewer_options.hpp"
#ifdef WELLSIM_HAVE_VIEWER
#include "viz/gl/viewer.hpp"
#endif

namespace wellsim::cli {

namespace {

int view(viz::ViewerOptions& o) {
#ifdef WELLSIM_HAVE_VIEWER
  // Recording renders every week offscreen: a terminal sees how far it has got.
  std::unique_ptr<Progress> progress;
  o.on_frame = [&](std::size_t done, std::size_t total) {
    if (!progress)
      progress = std::make_unique<Progress>("recording " + o.record, std::uint32_t(total),
                                            ProgressMode::Auto, "frame");
    progress->update(std::uint32_t(done));
    if (done == total) progress->finish();
  };
  return viz::run_viewer(o);
#else
  (void)o;
  throw sim::RuntimeError(
      "this wellsim was built without the viewer: install libimgui-dev libstb-dev libglfw3-dev "
      "libgl-dev (scripts/install-deps.sh) and rebuild");
#endif
}

}  // namespace

void add_view_command(CLI::App& app, std::function<int()>& handler) {
  static viz::ViewerOptions o;
  static LiveOptions live;
  auto* cmd = app.add_subcommand(
      "view", "replay a run file; with a baseline, show the difference; --live: step a scenario");
  cmd->add_option("RUN", o.run, "run file (.h5); with --live, a scenario (.toml)")->required();
  cmd->add_option("BASELINE", o.baseline, "paired baseline run: colour by run minus baseline");
  cmd->add_option("--screenshot", o.screenshot, "render one frame to this PNG and exit")
      ->type_name("OUT.png");
  cmd->add_option("--week", o.week, "week to show (nearest recorded week)")->check(whole_number());
  cmd->add_option("--width", o.width, "window or image width in pixels")
      ->check(CLI::Range(320, 8192));
  cmd->add_option("--height", o.height, "window or image height in pixels")
      ->check(CLI::Range(240, 8192));
  cmd->add_option("--select", o.select,
                  "select this person (their id in the network source; --live: the panel's person)")
      ->type_name("ID");
  cmd->add_flag("--side-by-side", o.side_by_side,
                "with a baseline: show both runs side by side instead of the difference map");
  cmd->add_option("--neighbourhoods", o.neighbourhoods, "show only these neighbourhoods (names)")
      ->delimiter(',')
      ->type_name("NAME,...");
  cmd->add_flag("--size-by-degree", o.size_by_degree, "size people by their number of ties");
  cmd->add_flag("--presenter", o.presenter, "presenter mode: large fonts, caption, simple panel");
  cmd->add_option("--dump-positions", o.dump_positions,
                  "with --screenshot: write each node's pixel position (for tests)")
      ->type_name("FILE");
  cmd->add_option("--bench-frames", o.bench_frames,
                  "render N frames while playing and print the frame time")
      ->check(CLI::Range(1, 100000));
  auto* named = cmd->add_option("--replicates", o.replicates,
                                "the run's replicates, for the band on the mean chart (default: "
                                "RUN_rK.h5's siblings with the same scenario)")
                    ->type_name("FILE...");
  cmd->add_flag("--no-replicates", o.no_replicates, "no band across replicates")->excludes(named);
  cmd->add_option("--chart", o.chart,
                  "series the chooser chart shows first: sd (default), median, p10, p90, "
                  "share_high, min, max, or a /series name such as prevalence/lonely")
      ->type_name("NAME");
  cmd->add_option("--dump-layout", o.dump_layout,
                  "with --screenshot: write where the panels put their text (for tests)")
      ->type_name("FILE");
  auto* record = cmd->add_option("--record", o.record,
                                 "write a video of the replay (one frame per recorded week; "
                                 "--live: per week to --live-steps) through ffmpeg and exit")
                     ->type_name("OUT.mp4|OUT.gif");
  cmd->add_option("--from", o.record_from,
                  "with --record: first week (default: the first; --live: 0)")
      ->check(whole_number())
      ->needs(record);
  cmd->add_option("--to", o.record_to,
                  "with --record: last week (default: the last; --live: use --live-steps)")
      ->check(whole_number())
      ->needs(record);
  cmd->add_option("--fps", o.fps, "with --record: frames (recorded weeks) per second (default 8)")
      ->check(CLI::Range(1, 60))
      ->needs(record);
  record->excludes("--screenshot");
  add_live_options(cmd, live);
  cmd->callback([&handler] {
    handler = [] {
      check_live_mode(o, live);
      return live.live ? view_live(o, live) : view(o);
    };
  });
}

}  // namespace wellsim::cli
