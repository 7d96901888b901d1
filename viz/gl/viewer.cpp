// `wellsim view`: ties the run, the state, the window and the panels together and runs the
// frame loop, or renders one frame to a PNG for screenshots and tests.
#include "viz/gl/viewer.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>

#include "sim/errors.hpp"
#include "viz/gl/frame_capture.hpp"
#include "viz/gl/gui_window.hpp"
#include "viz/gl/inspector.hpp"
#include "viz/gl/layout_probe.hpp"
#include "viz/gl/map_labels.hpp"
#include "viz/gl/network_renderer.hpp"
#include "viz/gl/panels.hpp"
#include "viz/gl/viewer_look.hpp"
#include "viz/group_boxes.hpp"
#include "viz/node_colours.hpp"
#include "viz/screen_layout.hpp"
#include "viz/series_catalogue.hpp"
#include "viz/video_pipe.hpp"

namespace wellsim::viz {

namespace {

/// One open viewer: the state, the window, the GPU buffers, and the frame loop that ties them.
class Viewer {
 public:
  Viewer(ViewerState& state, const ViewerOptions& o)
      : state_(state),
        options_(o),
        font_px_(o.presenter ? kPresenterFontPx : kFontPx),
        window_(o.width, o.height, "wellsim view: " + state.run().path(), o.screenshot.empty(),
                font_px_),
        renderer_(state.run().network(), state.run().layout()) {
    display_.chart.name = o.chart;
  }

  /// Draws one frame of `size` window pixels into the bound framebuffer.
  void frame(Vec2 size, float fb_scale, bool interactive);
  /// Writes one frame to options_.screenshot (and the node positions when asked).
  void screenshot();
  /// Writes the planned weeks as a video, one rendered frame each.
  void record(const RecordPlan& plan);
  /// The window loop, until closed (or bench_frames frames, timed).
  void loop();

 private:
  void fit();
  void place_views();
  void handle_input();
  void update_gpu();
  void label_views() const;
  NetworkStyle style(float fb_scale, int fb_height) const;
  void dump_positions() const;

  ViewerState& state_;
  const ViewerOptions& options_;
  float font_px_;
  GuiWindow window_;
  NetworkRenderer renderer_;
  std::unique_ptr<NetworkRenderer> base_renderer_;  // side by side: the baseline's picture
  ViewTransform view_;                              // the camera; its viewport is the run's picture
  ViewTransform base_view_;  // side by side: the same camera over the baseline's picture
  bool fitted_side_ = false;
  float fit_scale_ = 1;
  bool fitted_ = false;
  unsigned fitted_filter_ = ~0u;
  MapLabels labels_, base_labels_;
  ScreenLayout layout_;
  DisplayOptions display_;
  unsigned drawn_version_ = ~0u;
  int drawn_hop_limit_ = 0;
  unsigned drawn_filter_ = ~0u;
  std::vector<Rgba8> colours_, base_colours_;
  std::optional<sim::AgentId> hovered_;
};

// Fits what the neighbourhood filter leaves (everything when it leaves nothing).
void Viewer::fit() {
  const sim::Layout& l = state_.run().layout();
  if (l.size() == 0) return;
  const std::vector<float> all(l.size(), 1.0f);
  const auto shown = shown_bounds(l, state_.node_sizes());
  const Box b = shown ? *shown : *shown_bounds(l, all);
  view_.fit(b.x0, b.y0, b.x1, b.y1, view_.viewport(), 2 * font_px_);
  fitted_filter_ = state_.filter_version();
  fit_scale_ = view_.scale();
  fitted_ = true;
  fitted_side_ = state_.side_by_side();
}

void Viewer::place_views() {
  if (!state_.side_by_side()) {
    view_.set_viewport(layout_.network);
    return;
  }
  const auto [left, right] = split_side_by_side(layout_.network, font_px_);
  view_.set_viewport(left);
  base_view_ = view_;
  base_view_.set_viewport(right);
}

void Viewer::update_gpu() {
  if (state_.filter_version() != drawn_filter_) {
    renderer_.set_sizes(state_.node_sizes());
    if (base_renderer_) base_renderer_->set_sizes(state_.node_sizes());
    drawn_filter_ = state_.filter_version();
  }
  const bool side = state_.side_by_side();
  if (side && !base_renderer_) {
    base_renderer_ =
        std::make_unique<NetworkRenderer>(state_.run().network(), state_.run().layout());
    base_renderer_->set_sizes(state_.node_sizes());
    drawn_version_ = ~0u;
  }
  if (state_.version() == drawn_version_ && state_.values_row() == state_.timeline().row() &&
      state_.hop_limit == drawn_hop_limit_)
    return;
  const auto hop_limit = std::uint8_t(state_.hop_limit);
  node_colours(state_.values(), state_.scale(), state_.hops(), hop_limit, kBackground, colours_);
  renderer_.set_colours(colours_);
  if (side) {
    node_colours(state_.base_values(), state_.scale(), state_.hops(), hop_limit, kBackground,
                 base_colours_);
    base_renderer_->set_colours(base_colours_);
  }
  drawn_version_ = state_.version();
  drawn_hop_limit_ = state_.hop_limit;
}

/// Names the two pictures of a side-by-side comparison.
void Viewer::label_views() const {
  if (!state_.side_by_side()) return;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  // Runs of one scenario often share run.name: then the file names tell them apart.
  const RunData& b = state_.comparison()->base();
  const bool same = b.name() == state_.run().name();
  auto file = [](const std::string& p) { return p.substr(p.find_last_of('/') + 1); };
  const std::string run = "policy: " + (same ? file(state_.run().path()) : state_.run().name());
  const std::string base = "baseline: " + (same ? file(b.path()) : b.name());
  for (const auto& [vp, text] : {std::pair{view_.viewport(), run}, {base_view_.viewport(), base}})
    draw->AddText(ImVec2(vp.x + font_px_ / 2, vp.y + font_px_ / 4), IM_COL32(230, 230, 230, 255),
                  text.c_str());
}

NetworkStyle Viewer::style(float fb_scale, int fb_height) const {
  NetworkStyle s;
  // Nodes about 80% of their typical spacing (the layout fills about half of [-1, 1]^2), so
  // small networks show discs and 100,000 people still show as a coloured surface.
  const double spacing = std::sqrt(2.0 / double(std::max<std::size_t>(1, state_.run().agents())));
  s.point_size = std::clamp(float(0.8 * spacing * view_.scale()), 2.0f, 18.0f);
  // Zoomed out, a large network's ties are sampled (NetworkRenderer); zoomed in 4x, all drawn.
  // Fade ties as they get denser on screen; zooming in brings them back.
  const double zoom = view_.scale() / fit_scale_;
  s.all_ties = zoom >= 4;
  const double ties = double(std::max<std::size_t>(1, renderer_.tie_count(s.all_ties)));
  s.tie_alpha = float(std::clamp(0.4 * std::sqrt(2000.0 / ties) * std::sqrt(zoom), 0.015, 0.5));
  s.layer_visible = display_.layer_visible;
  if (!display_.ties)
    s.layer_visible.assign(std::max<std::size_t>(1, state_.run().network().layer_names.size()),
                           false);
  s.selected = state_.selected();
  s.framebuffer_scale = fb_scale;
  s.framebuffer_height = fb_height;
  return s;
}

void Viewer::handle_input() {
  const ImGuiIO& io = ImGui::GetIO();
  hovered_.reset();
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  if (!io.WantCaptureKeyboard) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))) state_.timeline().toggle();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
      state_.timeline().step_forward();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) state_.timeline().step_back();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) state_.select(std::nullopt);
  }
  const bool on_base = state_.side_by_side() && base_view_.viewport().contains(mouse);
  if (io.WantCaptureMouse || !(on_base || view_.viewport().contains(mouse))) return;
  // Both pictures share one camera: move the one under the mouse, then the other follows.
  ViewTransform under = on_base ? base_view_ : view_;
  if (io.MouseWheel != 0) under.zoom_at(mouse, std::pow(1.2f, io.MouseWheel));
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) under.pan({io.MouseDelta.x, io.MouseDelta.y});
  const Viewport own = view_.viewport();
  view_ = under;
  view_.set_viewport(own);
  place_views();
  const Vec2 world = under.to_world(mouse);
  const float radius_px = std::max(6.0f, style(1, 0).point_size / 2 + 2);
  hovered_ = state_.grid().nearest(world.x, world.y, radius_px / view_.scale());
  if (hovered_ && state_.node_sizes()[*hovered_] <= 0) hovered_.reset();  // filtered out
  if (hovered_) person_tooltip(state_, *hovered_);
  const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0);
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && drag.x * drag.x + drag.y * drag.y < 9)
    state_.select(hovered_);
}

void Viewer::frame(Vec2 size, float fb_scale, bool interactive) {
  window_.begin_frame(interactive ? Vec2{} : size);
  probe_new_frame();
  layout_ = screen_layout(size, options_.presenter, font_px_);
  place_views();
  if (!fitted_) fit();
  PanelRequests req;
  const int fb_w = int(size.x * fb_scale), fb_h = int(size.y * fb_scale);
  try {
    if (interactive) state_.timeline().advance(ImGui::GetIO().DeltaTime);
    if (options_.presenter) caption_panel(state_.run(), layout_.caption);
    timeline_panel(state_, layout_.timeline);
    req = side_panel(state_, display_, layout_.side, options_.presenter);
    place_views();  // the panel may have switched between one picture and two
    if (state_.side_by_side() != fitted_side_ || state_.filter_version() != fitted_filter_) fit();
    if (interactive) handle_input();
    update_gpu();
    label_views();
    labels_.draw(state_, view_, style(1, 0).point_size);
    if (state_.side_by_side()) base_labels_.draw(state_, base_view_, style(1, 0).point_size);
  } catch (const std::exception& e) {
    // A row that fails to read mid-replay (a damaged chunk) is reported, not fatal.
    state_.message = e.what();
    state_.timeline().pause();
  }
  message_box(state_.message);
  if (req.fit) fit();
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(kBackground.r / 255.0f, kBackground.g / 255.0f, kBackground.b / 255.0f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  renderer_.draw(view_, style(fb_scale, fb_h));
  if (state_.side_by_side() && base_renderer_)
    base_renderer_->draw(base_view_, style(fb_scale, fb_h));
  window_.end_frame();
  if (req.save_png) {
    const std::string out = "wellsim-" + state_.run().name() + "-week" +
                            std::to_string(state_.timeline().shown_week()) + ".png";
    write_png(out, fb_w, fb_h);
    state_.message = "saved " + out;
  }
}

void Viewer::screenshot() {
  const Vec2 size{float(options_.width), float(options_.height)};
  OffscreenTarget target(options_.width, options_.height);
  target.bind();
  // ImGui sizes windows over the first frames; the third is settled.
  for (int k = 0; k < 3; ++k) frame(size, 1.0f, false);
  write_png(options_.screenshot, options_.width, options_.height);
  // A script taking screenshots sees no message box: say on stderr what the picture shows.
  if (!state_.message.empty()) std::fprintf(stderr, "wellsim: %s\n", state_.message.c_str());
  if (!options_.dump_positions.empty()) dump_positions();
  if (!options_.dump_layout.empty()) write_layout_dump(options_.dump_layout, size);
}

void Viewer::record(const RecordPlan& plan) {
  const Vec2 size{float(options_.width), float(options_.height)};
  OffscreenTarget target(options_.width, options_.height);
  target.bind();
  VideoPipe video(plan, options_.width, options_.height);
  for (std::size_t k = 0; k < plan.rows.size(); ++k) {
    state_.timeline().scrub(state_.timeline().weeks()[plan.rows[k]]);
    // As for a screenshot, ImGui settles its windows over the first frames.
    for (int f = 0; f < (k == 0 ? 3 : 1); ++f) frame(size, 1.0f, false);
    video.write_frame(read_pixels(options_.width, options_.height));
    if (options_.on_frame) options_.on_frame(k + 1, plan.rows.size());
  }
  video.finish();
}

void Viewer::dump_positions() const {
  std::ofstream out(options_.dump_positions);
  const ColourScale& s = state_.scale();
  const Viewport& vp = layout_.network;
  out << "# width " << options_.width << " height " << options_.height << "\n";
  out << "# viewport " << vp.x << ' ' << vp.y << ' ' << vp.w << ' ' << vp.h << "\n";
  out << "# scale " << (s.kind() == MapKind::Diverging ? "diverging" : "sequential") << ' '
      << s.lo() << ' ' << s.hi() << "\n";
  out << "# week " << state_.timeline().shown_week() << " point_size " << style(1, 0).point_size
      << "\n";
  // Side by side, each line also gives the node's position in the baseline's picture.
  const bool side = state_.side_by_side();
  for (std::size_t i = 0; i < state_.run().agents(); ++i) {
    const Vec2 world{state_.run().layout().x[i], state_.run().layout().y[i]};
    const Vec2 p = view_.to_screen(world), b = base_view_.to_screen(world);
    out << i << ' ' << p.x << ' ' << p.y;
    if (side) out << ' ' << b.x << ' ' << b.y;
    out << "\n";
  }
  out.close();
  if (!out) throw sim::RuntimeError(options_.dump_positions + ": cannot write");
}

void Viewer::loop() {
  using Clock = std::chrono::steady_clock;
  std::vector<double> frame_ms;
  if (options_.bench_frames > 0) state_.timeline().play();
  while (!window_.should_close()) {
    const auto t0 = Clock::now();
    if (options_.bench_frames > 0 && !state_.timeline().playing()) state_.timeline().play();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    frame(window_.size(), window_.framebuffer_scale(), true);
    window_.swap();
    if (options_.bench_frames <= 0) continue;
    glFinish();
    frame_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (int(frame_ms.size()) >= options_.bench_frames) break;
  }
  if (frame_ms.empty()) return;
  std::vector<double> sorted = frame_ms;
  std::sort(sorted.begin(), sorted.end());
  double mean = 0;
  for (double ms : frame_ms) mean += ms / double(frame_ms.size());
  std::printf("%zu frames, %zu nodes, %zu ties: median %.1f ms, mean %.1f ms, max %.1f ms\n",
              frame_ms.size(), state_.run().agents(), state_.run().network().entries() / 2,
              sorted[sorted.size() / 2], mean, sorted.back());
}

/// Shows a load error in a window until it is closed (an educator may have started the viewer
/// from a desktop icon and never see a terminal). Without a display, the stderr line suffices.
void show_error_window(const ViewerOptions& o, const std::string& message) {
  try {
    GuiWindow window(std::min(o.width, 900), std::min(o.height, 300), "wellsim view", true,
                     kFontPx);
    std::string text = message;
    for (int frames = 0; !window.should_close() && !text.empty(); ++frames) {
      if (o.bench_frames > 0 && frames >= o.bench_frames) break;
      window.begin_frame();
      message_box(text);
      glClear(GL_COLOR_BUFFER_BIT);
      window.end_frame();
      window.swap();
    }
  } catch (const sim::RuntimeError&) {
  }
}

/// Bands the mean charts with the run's replicates (named, or found beside it) and the
/// baseline's, and says in one line on stderr what the band rests on.
void add_replicates(ViewerState& state, const ViewerOptions& o) {
  const ReplicateMeans run =
      o.replicates.empty() ? discover_replicates(o.run) : named_replicates(o.run, o.replicates);
  std::optional<ReplicateMeans> base;
  if (!o.baseline.empty()) base = discover_replicates(o.baseline);
  state.set_replicates(run, base ? &*base : nullptr);
  if (run.size() < 2) return;
  auto file = [](const std::string& p) { return p.substr(p.find_last_of('/') + 1); };
  std::string ignored;
  if (run.ignored > 0)
    ignored = "; ignored " + std::to_string(run.ignored) + " other file" +
              (run.ignored == 1 ? "" : "s") + " of that name";
  const std::size_t paired = state.difference_band().replicates;
  const std::string diff = state.difference_band().kind == BandKind::None
                               ? ""
                               : "; difference chart too (" + std::to_string(paired) + " paired)";
  std::fprintf(stderr, "replicates: mean chart shaded with the %s (%s ... %s)%s%s\n",
               band_label(state.mean_band()).c_str(), file(run.paths.front()).c_str(),
               file(run.paths.back()).c_str(), ignored.c_str(), diff.c_str());
}

}  // namespace

int run_viewer(const ViewerOptions& o) {
  std::unique_ptr<RunData> run, base;
  std::unique_ptr<ViewerState> state;
  try {
    run = std::make_unique<RunData>(o.run);
    if (!o.baseline.empty()) base = std::make_unique<RunData>(o.baseline);
    state = std::make_unique<ViewerState>(*run, base.get());
    if (!o.no_replicates) add_replicates(*state, o);
  } catch (const sim::InputError& e) {
    if (!o.screenshot.empty()) throw;
    std::fprintf(stderr, "wellsim: %s\n", e.what());
    show_error_window(o, e.what());
    return 2;
  }
  if (o.side_by_side) {
    if (o.baseline.empty()) throw sim::InputError("--side-by-side needs a BASELINE run");
    state->set_compare_mode(CompareMode::SideBySide);
  }
  NodeFilter filter = only_groups(run->network(), o.neighbourhoods);
  filter.size_by_degree = o.size_by_degree;
  state->set_filter(filter);
  if (o.week >= 0) state->timeline().scrub(o.week);
  if (o.select >= 0) {
    const auto& ids = run->network().original_id;
    const auto it = std::find(ids.begin(), ids.end(), std::int64_t(o.select));
    if (it == ids.end())
      throw sim::InputError(o.run + ": no person with id " + std::to_string(o.select));
    state->select(sim::AgentId(it - ids.begin()));
  }
  if (!o.dump_positions.empty() && o.screenshot.empty())
    throw sim::InputError("--dump-positions needs --screenshot");
  if (!o.dump_layout.empty() && o.screenshot.empty())
    throw sim::InputError("--dump-layout needs --screenshot");
  chartable_values(run->reader(), o.chart);  // an unknown --chart fails before any window
  std::optional<RecordPlan> plan;
  if (!o.record.empty())
    plan = plan_recording(o.record, o.record_from, o.record_to, o.fps, run->weeks());
  Viewer viewer(*state, o);
  if (!o.screenshot.empty() || plan)
    while (!state->group_series().complete()) state->group_series().compute_some(64);
  if (plan) {
    viewer.record(*plan);
    return 0;
  }
  if (!o.screenshot.empty()) {
    viewer.screenshot();
    return 0;
  }
  viewer.loop();
  return 0;
}

}  // namespace wellsim::viz
