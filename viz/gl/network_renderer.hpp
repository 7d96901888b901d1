#pragma once
#include <optional>
#include <vector>

#include "sim/layout.hpp"
#include "sim/network.hpp"
#include "viz/colour_map.hpp"
#include "viz/gl/shader_program.hpp"
#include "viz/view_transform.hpp"

namespace wellsim::viz {

/// How one frame of the network is drawn.
struct NetworkStyle {
  float point_size = 4;                  ///< node diameter, window pixels
  float tie_alpha = 0.2f;                ///< opacity of ties (lower when dense)
  std::vector<bool> layer_visible;       ///< per tie layer; missing entries are visible
  bool all_ties = true;                  ///< false: only the sample (see NetworkRenderer)
  std::optional<sim::AgentId> selected;  ///< drawn with a ring and its ties on top
  float framebuffer_scale = 1;           ///< framebuffer pixels per window pixel
  int framebuffer_height = 0;            ///< to turn top-left viewports into GL's bottom-left
};

/// Colour of ties on layer `k`: muted, distinct hues so layers can be told apart.
Rgba8 layer_colour(std::size_t k);

/// Draws the whole network in a handful of GL calls however large it is: nodes are GL_POINTS
/// from one position buffer and one colour buffer (one draw call), ties GL_LINES from one index
/// buffer sorted by layer (one draw call per layer). Positions and ties are uploaded once; a new
/// week re-uploads only the colours (4 bytes a node). Above kSampledTies ties a zoomed-out view
/// draws an even sample of them per layer: half a million faded lines show no more than 12,000
/// do, and cost a software renderer (Mesa llvmpipe) 1.5 s a frame against 30 ms.
class NetworkRenderer {
 public:
  /// Ties drawn when the style asks for a sample.
  static constexpr std::size_t kSampledTies = 12000;

  /// Uploads positions and ties; needs a current GL 3.3 context.
  NetworkRenderer(const sim::Network& net, const sim::Layout& layout);
  ~NetworkRenderer();
  NetworkRenderer(const NetworkRenderer&) = delete;
  NetworkRenderer& operator=(const NetworkRenderer&) = delete;

  /// Number of ties drawn with `all_ties` on, and off.
  std::size_t tie_count(bool all) const { return all ? ties_total_ : sampled_; }
  /// Replaces every node's colour (size must be the node count).
  void set_colours(const std::vector<Rgba8>& colours);
  /// Sets every node's size factor (viz/node_sizes.hpp; 0 hides the node and its ties).
  void set_sizes(const std::vector<float>& sizes);
  /// Draws ties, nodes, then the selection (its ties and a ring) into `view`'s viewport.
  void draw(const ViewTransform& view, const NetworkStyle& style);

 private:
  void upload_selection(std::optional<sim::AgentId> selected);
  void upload_ties(const std::vector<bool>& visible);

  const sim::Network& net_;
  ShaderProgram program_;
  GLuint vao_ = 0, positions_ = 0, colours_ = 0, sizes_ = 0, ties_ = 0, selection_ = 0;
  using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;  // (first index, count)
  Ranges layer_ranges_, sample_ranges_;
  std::size_t ties_total_ = 0, sampled_ = 0;
  std::size_t nodes_ = 0;
  std::optional<sim::AgentId> uploaded_selection_;
  GLsizei selection_indices_ = 0;
};

}  // namespace wellsim::viz
