// `wellsim view --live`: the frame loop of live mode. It shares the replay viewer's drawing
// (NetworkRenderer, the colour maps, the screen layout) but not its state, which is built
// around recorded files; the non-GL part is viz/live_view and batch::LiveSession.
#include "viz/gl/live_viewer.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "sim/errors.hpp"
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
#include "viz/point_grid.hpp"
#include "viz/screen_layout.hpp"
#include "viz/video_pipe.hpp"

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
        renderer_(model.network(), layout_),
        grid_(layout_.x, layout_.y) {
    const std::vector<float> sizes(model.network().size(), 1.0f);
    renderer_.set_sizes(sizes);
    names_ = group_boxes(model.network(), layout_, sizes);
    panel_.save_stem = "wellsim-live-" + model.name();
  }

  /// Draws one frame of `size` window pixels, computing the weeks `seconds` of play allow.
  void frame(Vec2 size, float fb_scale, double seconds);
  /// Opens the add form on intervention type `type` (ignored when there is no such type).
  void open_form(const std::string& type) { open_type_form(view_.model(), panel_, type); }
  /// Selects agent `a`, as a click on them does.
  void select(sim::AgentId a) { panel_.selected = a; }
  /// Writes one frame to options_.screenshot.
  void screenshot();
  /// Writes a video of weeks plan.rows (a live session computes every week, so a row is a
  /// week), stepping the model between frames; `at_week` runs at each week before it is shown
  /// or stepped past (the scripted fork).
  void record(const RecordPlan& plan, const std::function<void()>& at_week);
  /// The window loop, until closed (or bench_frames frames, timed).
  void loop();

 private:
  void fit(const Viewport& vp);
  void handle_input();
  void dump_positions(const ScreenLayout& screen) const;
  NetworkStyle style(float fb_scale, int fb_height) const;

  LiveView view_;
  const ViewerOptions& options_;
  float font_px_;
  sim::Layout layout_;
  GuiWindow window_;
  NetworkRenderer renderer_;
  PointGrid grid_;
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
  s.selected = panel_.selected;
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
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) panel_.selected.reset();
  }
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  if (io.WantCaptureMouse || !camera_.viewport().contains(mouse)) return;
  if (io.MouseWheel != 0) camera_.zoom_at(mouse, std::pow(1.2f, io.MouseWheel));
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    camera_.pan({io.MouseDelta.x, io.MouseDelta.y});
  // A click (not a drag) selects the person under the cursor, as in the replay viewer, so the
  // form can target them or their household.
  const Vec2 world = camera_.to_world(mouse);
  const float radius_px = std::max(6.0f, style(1, 0).point_size / 2 + 2);
  const auto hovered = grid_.nearest(world.x, world.y, radius_px / camera_.scale());
  if (hovered) ImGui::SetTooltip("person %lld", (long long)person_id(view_.model(), *hovered));
  const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0);
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && drag.x * drag.x + drag.y * drag.y < 9)
    panel_.selected = hovered;
}

void LiveViewer::dump_positions(const ScreenLayout& screen) const {
  // The replay viewer's format (viz/gl/viewer.cpp), so a test finds each person on the picture.
  std::ofstream out(options_.dump_positions);
  const Viewport& vp = screen.network;
  out << "# width " << options_.width << " height " << options_.height << "\n";
  out << "# viewport " << vp.x << ' ' << vp.y << ' ' << vp.w << ' ' << vp.h << "\n";
  for (std::size_t i = 0; i < layout_.size(); ++i) {
    const Vec2 p = camera_.to_screen({layout_.x[i], layout_.y[i]});
    out << i << ' ' << p.x << ' ' << p.y << "\n";
  }
  out.close();
  if (!out) throw sim::RuntimeError(options_.dump_positions + ": cannot write");
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
  // Computed before the panels, so the legend they draw is this week's scale, not the last
  // frame's (a recording draws one frame a week); again only if the panel changed what is shown.
  const LiveShow shown = view_.show();
  const std::vector<float>* values = &view_.values();
  live_timeline_panel(view_, screen.timeline);
  live_side_panel(view_, panel_, screen.side);
  if (seconds >= 0) handle_input();
  if (view_.show() != shown) values = &view_.values();
  node_colours(*values, view_.scale(), {}, 0, kBackground, colours_);
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
  if (!options_.dump_positions.empty())
    dump_positions(screen_layout(size, options_.presenter, font_px_));
}

void LiveViewer::record(const RecordPlan& plan, const std::function<void()>& at_week) {
  const Vec2 size{float(options_.width), float(options_.height)};
  OffscreenTarget target(options_.width, options_.height);
  target.bind();
  VideoPipe video(plan, options_.width, options_.height);
  LiveModel& m = view_.model();
  for (std::size_t k = 0; k < plan.rows.size(); ++k) {
    for (;;) {
      at_week();
      if (m.week() >= plan.rows[k] || !m.step()) break;
    }
    // As for a screenshot, ImGui settles its windows over the first frames; no week is computed.
    for (int f = 0; f < (k == 0 ? 3 : 1); ++f) frame(size, 1.0f, -1);
    video.write_frame(read_pixels(options_.width, options_.height));
    if (options_.on_frame) options_.on_frame(k + 1, plan.rows.size());
  }
  video.finish();
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

int run_live_viewer(const ViewerOptions& options, LiveModel& model, const std::string& form_type,
                    const LiveRecording& recording) {
  std::optional<sim::AgentId> selected;
  if (options.select >= 0) selected = find_person(model, options.select);
  LiveViewer viewer(model, options);
  if (!form_type.empty()) viewer.open_form(form_type);
  if (selected) viewer.select(*selected);
  if (recording.plan) {
    viewer.record(*recording.plan, recording.at_week);
    return 0;
  }
  if (!options.screenshot.empty()) {
    viewer.screenshot();
    return 0;
  }
  viewer.loop();
  return 0;
}

}  // namespace wellsim::viz
