// `wellsim view --live`: the frame loop of live mode. It shares the replay viewer's drawing
// (NetworkRenderer, the colour maps, the screen layout) but not its state, which is built
// around recorded files; the non-GL part is viz/live_view and batch::LiveSession.
#include "viz/gl/live_viewer.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "sim/layout.hpp"
#include "viz/gl/frame_capture.hpp"
#include "viz/gl/gui_window.hpp"
#include "viz/gl/layout_probe.hpp"
#include "viz/gl/live_panel.hpp"
#include "viz/gl/map_labels.hpp"
#include "viz/gl/network_renderer.hpp"
#include "viz/gl/viewer_look.hpp"
#include "viz/group_boxes.hpp"
#include "viz/node_colours.hpp"
#include "viz/screen_layout.hpp"

namespace wellsim::viz {

namespace {

class LiveViewer {
 public:
  LiveViewer(LiveModel& model, const ViewerOptions& o)
      : view_(model),
        options_(o),
        font_px_(o.presenter ? kPresenterFontPx : kFontPx),
        layout_(sim::compute_layout(model.network(), model.seed())),
        window_(o.width, o.height, "wellsim view --live: " + model.name(), o.screenshot.empty(),
                font_px_),
        renderer_(model.network(), layout_) {
    const std::vector<float> sizes(model.network().size(), 1.0f);
    renderer_.set_sizes(sizes);
    names_ = group_boxes(model.network(), layout_, sizes);
    panel_.save_stem = "wellsim-live-" + model.name();
  }

  /// Draws one frame of `size` window pixels, computing the weeks `seconds` of play allow.
  void frame(Vec2 size, float fb_scale, double seconds);
  /// Opens the add form on intervention type `type` (ignored when there is no such type).
  void open_form(const std::string& type) { open_type_form(view_.model(), panel_, type); }
  /// Writes one frame to options_.screenshot.
  void screenshot();
  /// The window loop, until closed (or bench_frames frames, timed).
  void loop();

 private:
  void fit(const Viewport& vp);
  void handle_input();
  NetworkStyle style(float fb_scale, int fb_height) const;

  LiveView view_;
  const ViewerOptions& options_;
  float font_px_;
  sim::Layout layout_;
  GuiWindow window_;
  NetworkRenderer renderer_;
  ViewTransform camera_;
  bool fitted_ = false;
  LivePanelState panel_;
  std::vector<Rgba8> colours_;
  std::vector<GroupBox> names_;  ///< where each neighbourhood's name goes (everyone is shown)
};

void LiveViewer::fit(const Viewport& vp) {
  if (layout_.size() == 0) return;
  const auto [x0, x1] = std::minmax_element(layout_.x.begin(), layout_.x.end());
  const auto [y0, y1] = std::minmax_element(layout_.y.begin(), layout_.y.end());
  camera_.fit(*x0, *y0, *x1, *y1, vp, 2 * font_px_);
  fitted_ = true;
}

NetworkStyle LiveViewer::style(float fb_scale, int fb_height) const {
  NetworkStyle s;
  // As the replay viewer sizes them (viz/gl/viewer.cpp): about 80% of the typical spacing.
  const double n = double(std::max<std::size_t>(1, layout_.size()));
  s.point_size = std::clamp(float(0.8 * std::sqrt(2.0 / n) * camera_.scale()), 2.0f, 18.0f);
  s.all_ties = false;
  s.tie_alpha = 0.05f;
  s.framebuffer_scale = fb_scale;
  s.framebuffer_height = fb_height;
  return s;
}

void LiveViewer::handle_input() {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantCaptureKeyboard) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space)))
      view_.set_playing(!view_.playing());
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) view_.model().step();
  }
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  if (io.WantCaptureMouse || !camera_.viewport().contains(mouse)) return;
  if (io.MouseWheel != 0) camera_.zoom_at(mouse, std::pow(1.2f, io.MouseWheel));
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    camera_.pan({io.MouseDelta.x, io.MouseDelta.y});
}

void LiveViewer::frame(Vec2 size, float fb_scale, double seconds) {
  window_.begin_frame(seconds < 0 ? size : Vec2{});
  probe_new_frame();
  const ScreenLayout screen = screen_layout(size, options_.presenter, font_px_);
  if (!fitted_) fit(screen.network);
  camera_.set_viewport(screen.network);
  if (seconds > 0) {
    try {
      view_.advance(seconds);
    } catch (const std::exception& e) {
      panel_.message = e.what();
      view_.set_playing(false);
    }
  }
  live_timeline_panel(view_, screen.timeline);
  live_side_panel(view_, panel_, screen.side);
  if (seconds >= 0) handle_input();
  node_colours(view_.values(), view_.scale(), {}, 0, kBackground, colours_);
  renderer_.set_colours(colours_);
  draw_map_labels(names_, camera_, style(1, 0).point_size);
  const int fb_w = int(size.x * fb_scale), fb_h = int(size.y * fb_scale);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(kBackground.r / 255.0f, kBackground.g / 255.0f, kBackground.b / 255.0f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  renderer_.draw(camera_, style(fb_scale, fb_h));
  window_.end_frame();
}

void LiveViewer::screenshot() {
  const Vec2 size{float(options_.width), float(options_.height)};
  OffscreenTarget target(options_.width, options_.height);
  target.bind();
  // ImGui sizes windows over the first frames; the third is settled. No week is computed.
  for (int k = 0; k < 3; ++k) frame(size, 1.0f, -1);
  write_png(options_.screenshot, options_.width, options_.height);
  if (!options_.dump_layout.empty()) write_layout_dump(options_.dump_layout, size);
}

void LiveViewer::loop() {
  using Clock = std::chrono::steady_clock;
  const bool bench = options_.bench_frames > 0;
  if (bench) {
    view_.set_playing(true);
    view_.set_speed(LiveView::kMaxSpeed);
  }
  int frames = 0;
  const std::uint32_t first_week = view_.model().week();
  const auto start = Clock::now();
  auto last = start;
  while (!window_.should_close()) {
    const auto now = Clock::now();
    // At full speed a slow frame computes several weeks (LiveView::kMaxStepsPerFrame), so the
    // class sees the ripple move at the chosen pace even where drawing is slow.
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    frame(window_.size(), window_.framebuffer_scale(), dt);
    window_.swap();
    if (bench && (++frames >= options_.bench_frames || !view_.playing())) break;
  }
  if (!bench) return;
  glFinish();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const std::uint32_t weeks = view_.model().week() - first_week;
  std::printf(
      "%d frames, %zu people, %s: %u live weeks in %.2f s = %.1f weeks/s with drawing (%.1f "
      "frames/s)\n",
      frames, layout_.size(), view_.model().forked() ? "two branches" : "one branch", weeks,
      seconds, double(weeks) / seconds, double(frames) / seconds);
}

}  // namespace

int run_live_viewer(const ViewerOptions& options, LiveModel& model, const std::string& form_type) {
  LiveViewer viewer(model, options);
  if (!form_type.empty()) viewer.open_form(form_type);
  if (!options.screenshot.empty()) {
    viewer.screenshot();
    return 0;
  }
  viewer.loop();
  return 0;
}

}  // namespace wellsim::viz
