// Draws the whole network in a handful of GL calls (points for people, lines for ties) so a
// 100,000-person town replays at interactive rates.
#include "viz/gl/network_renderer.hpp"

#include <algorithm>
#include <cstdint>

#include "viz/tie_index.hpp"

namespace wellsim::viz {

namespace {

// Positions go through the same affine map as ViewTransform::to_screen, in clip space.
constexpr const char* kVertexShader = R"(#version 330 core
layout(location = 0) in vec2 position;
layout(location = 1) in vec4 colour;
layout(location = 2) in float size_factor;
uniform vec2 centre;
uniform vec2 ndc_scale;
uniform float point_size;
out vec4 v_colour;
void main() {
  // A hidden node (size 0) is put outside the clip volume, where points are dropped.
  gl_Position = size_factor > 0.0 ? vec4((position - centre) * ndc_scale, 0.0, 1.0)
                                  : vec4(2.0, 2.0, 2.0, 1.0);
  gl_PointSize = point_size * size_factor;
  v_colour = colour;
})";

// Points are cut to discs; a tint replaces the per-node colour (ties, selection ring).
constexpr const char* kFragmentShader = R"(#version 330 core
in vec4 v_colour;
uniform int round_points;
uniform int use_tint;
uniform vec4 tint;
out vec4 frag;
void main() {
  if (round_points == 1) {
    vec2 d = gl_PointCoord * 2.0 - 1.0;
    if (dot(d, d) > 1.0) discard;
  }
  frag = use_tint == 1 ? tint : v_colour;
})";

void set_tint(const ShaderProgram& p, std::optional<Rgba8> c, float alpha) {
  glUniform1i(p.uniform("use_tint"), c ? 1 : 0);
  if (c) glUniform4f(p.uniform("tint"), c->r / 255.0f, c->g / 255.0f, c->b / 255.0f, alpha);
}

}  // namespace

Rgba8 layer_colour(std::size_t k) {
  static constexpr Rgba8 kPalette[] = {{190, 190, 200, 255}, {120, 170, 235, 255},
                                       {235, 170, 110, 255}, {150, 215, 150, 255},
                                       {215, 140, 205, 255}, {225, 215, 120, 255}};
  return kPalette[k % std::size(kPalette)];
}

NetworkRenderer::NetworkRenderer(const sim::Network& net, const sim::Layout& layout)
    : net_(net), program_(kVertexShader, kFragmentShader), nodes_(layout.size()) {
  glGenVertexArrays(1, &vao_);
  glBindVertexArray(vao_);
  std::vector<float> xy(2 * nodes_);
  for (std::size_t i = 0; i < nodes_; ++i) xy[2 * i] = layout.x[i], xy[2 * i + 1] = layout.y[i];
  glGenBuffers(1, &positions_);
  glBindBuffer(GL_ARRAY_BUFFER, positions_);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(xy.size() * sizeof(float)), xy.data(), GL_STATIC_DRAW);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glEnableVertexAttribArray(0);
  glGenBuffers(1, &colours_);
  glBindBuffer(GL_ARRAY_BUFFER, colours_);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(nodes_ * sizeof(Rgba8)), nullptr, GL_DYNAMIC_DRAW);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
  glEnableVertexAttribArray(1);

  glGenBuffers(1, &sizes_);
  glBindBuffer(GL_ARRAY_BUFFER, sizes_);
  const std::vector<float> ones(nodes_, 1.0f);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(nodes_ * sizeof(float)), ones.data(), GL_DYNAMIC_DRAW);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, 0, nullptr);
  glEnableVertexAttribArray(2);
  glGenBuffers(1, &ties_);
  upload_ties({});
  glGenBuffers(1, &selection_);
  glBindVertexArray(0);
}

NetworkRenderer::~NetworkRenderer() {
  const GLuint buffers[] = {positions_, colours_, sizes_, ties_, selection_};
  glDeleteBuffers(5, buffers);
  glDeleteVertexArrays(1, &vao_);
}

void NetworkRenderer::set_colours(const std::vector<Rgba8>& colours) {
  glBindBuffer(GL_ARRAY_BUFFER, colours_);
  glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(std::min(colours.size(), nodes_) * sizeof(Rgba8)),
                  colours.data());
}

void NetworkRenderer::upload_ties(const std::vector<bool>& visible) {
  TieIndex t = tie_index(net_, visible, kSampledTies);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ties_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(t.indices.size() * sizeof(std::uint32_t)),
               t.indices.data(), GL_STATIC_DRAW);
  glBindVertexArray(0);
  layer_ranges_ = std::move(t.layers);
  sample_ranges_ = std::move(t.sample);
  ties_total_ = t.total;
  sampled_ = t.sampled;
}

void NetworkRenderer::set_sizes(const std::vector<float>& sizes) {
  glBindBuffer(GL_ARRAY_BUFFER, sizes_);
  glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(std::min(sizes.size(), nodes_) * sizeof(float)),
                  sizes.data());
  std::vector<bool> visible(nodes_, true);
  bool all = true;
  for (std::size_t i = 0; i < std::min(sizes.size(), nodes_); ++i)
    if (!(visible[i] = sizes[i] > 0)) all = false;
  upload_ties(all ? std::vector<bool>{} : visible);
}

void NetworkRenderer::upload_selection(std::optional<sim::AgentId> selected) {
  if (selected == uploaded_selection_) return;
  uploaded_selection_ = selected;
  std::vector<std::uint32_t> indices;
  if (selected)
    for (sim::AgentId j : net_.neighbours_of(*selected))
      indices.push_back(*selected), indices.push_back(j);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, selection_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indices.size() * sizeof(std::uint32_t)),
               indices.data(), GL_DYNAMIC_DRAW);
  selection_indices_ = GLsizei(indices.size());
}

void NetworkRenderer::draw(const ViewTransform& view, const NetworkStyle& style) {
  const Viewport& vp = view.viewport();
  const float s = style.framebuffer_scale;
  glViewport(GLint(vp.x * s), GLint(float(style.framebuffer_height) - (vp.y + vp.h) * s),
             GLsizei(vp.w * s), GLsizei(vp.h * s));
  glEnable(GL_PROGRAM_POINT_SIZE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(program_.id());
  glBindVertexArray(vao_);
  const auto ndc = view.ndc_scale();
  glUniform2f(program_.uniform("centre"), view.centre().x, view.centre().y);
  glUniform2f(program_.uniform("ndc_scale"), ndc[0], ndc[1]);

  glUniform1i(program_.uniform("round_points"), 0);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ties_);
  const Ranges& ranges = style.all_ties ? layer_ranges_ : sample_ranges_;
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    const bool visible = k >= style.layer_visible.size() || style.layer_visible[k];
    if (!visible || ranges[k].second == 0) continue;
    set_tint(program_, layer_colour(k), style.tie_alpha);
    glDrawElements(GL_LINES, GLsizei(ranges[k].second), GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(ranges[k].first * sizeof(std::uint32_t)));
  }
  glUniform1i(program_.uniform("round_points"), 1);
  set_tint(program_, std::nullopt, 1);
  glUniform1f(program_.uniform("point_size"), style.point_size * s);
  glDrawArrays(GL_POINTS, 0, GLsizei(nodes_));
  // The selected person's ties go over the nodes: in a dense picture nodes would hide them.
  upload_selection(style.selected);
  if (selection_indices_ > 0) {
    glUniform1i(program_.uniform("round_points"), 0);
    set_tint(program_, Rgba8{255, 255, 255, 255}, 0.9f);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, selection_);  // the ties' buffer is bound above
    glDrawElements(GL_LINES, selection_indices_, GL_UNSIGNED_INT, nullptr);
    glUniform1i(program_.uniform("round_points"), 1);
  }
  if (style.selected) {
    const float ring = std::max(style.point_size * 2.2f, 10.0f);
    set_tint(program_, Rgba8{255, 255, 255, 255}, 1);
    glUniform1f(program_.uniform("point_size"), ring * s);
    glDrawArrays(GL_POINTS, GLint(*style.selected), 1);
    set_tint(program_, std::nullopt, 1);
    glUniform1f(program_.uniform("point_size"), ring * 0.7f * s);
    glDrawArrays(GL_POINTS, GLint(*style.selected), 1);
  }
  glBindVertexArray(0);
}

}  // namespace wellsim::viz
