#include "viz/gl/network_renderer.hpp"

#include <algorithm>
#include <cstdint>

namespace wellsim::viz {

namespace {

// Positions go through the same affine map as ViewTransform::to_screen, in clip space.
constexpr const char* kVertexShader = R"(#version 330 core
layout(location = 0) in vec2 position;
layout(location = 1) in vec4 colour;
uniform vec2 centre;
uniform vec2 ndc_scale;
uniform float point_size;
out vec4 v_colour;
void main() {
  gl_Position = vec4((position - centre) * ndc_scale, 0.0, 1.0);
  gl_PointSize = point_size;
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

NetworkRenderer::NetworkRenderer(const sim::Network& net, const Layout& layout)
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

  // Each undirected tie once (i < j), grouped by layer so a layer is one contiguous range.
  const std::size_t layers = std::max<std::size_t>(1, net.layer_names.size());
  std::vector<std::vector<std::uint32_t>> by_layer(layers);
  for (sim::AgentId i = 0; i < net.size(); ++i)
    for (std::uint64_t e = net.offsets[i]; e < net.offsets[i + 1]; ++e)
      if (i < net.neighbours[e]) {
        auto& out = by_layer[std::min<std::size_t>(net.layer[e], layers - 1)];
        out.push_back(i), out.push_back(net.neighbours[e]);
      }
  std::vector<std::uint32_t> indices;
  for (const auto& l : by_layer) {
    layer_ranges_.emplace_back(indices.size(), l.size());
    indices.insert(indices.end(), l.begin(), l.end());
  }
  ties_total_ = indices.size() / 2;
  // The sample: every stride-th tie of each layer, so layers keep their proportions.
  const std::size_t stride = (ties_total_ + kSampledTies - 1) / kSampledTies;
  for (const auto& l : by_layer) {
    const std::size_t first = indices.size();
    for (std::size_t t = 0; stride > 1 && 2 * t < l.size(); t += stride)
      indices.push_back(l[2 * t]), indices.push_back(l[2 * t + 1]);
    sample_ranges_.emplace_back(first, indices.size() - first);
  }
  if (stride <= 1) sample_ranges_ = layer_ranges_;
  sampled_ = 0;
  for (const auto& r : sample_ranges_) sampled_ += r.second / 2;
  glGenBuffers(1, &ties_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ties_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indices.size() * sizeof(std::uint32_t)),
               indices.data(), GL_STATIC_DRAW);
  glGenBuffers(1, &selection_);
  glBindVertexArray(0);
}

NetworkRenderer::~NetworkRenderer() {
  const GLuint buffers[] = {positions_, colours_, ties_, selection_};
  glDeleteBuffers(4, buffers);
  glDeleteVertexArrays(1, &vao_);
}

void NetworkRenderer::set_colours(const std::vector<Rgba8>& colours) {
  glBindBuffer(GL_ARRAY_BUFFER, colours_);
  glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(std::min(colours.size(), nodes_) * sizeof(Rgba8)),
                  colours.data());
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
