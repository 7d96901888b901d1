// The ties as an index buffer grouped by layer, with a sample per layer, so the renderer draws
// or hides a layer as one range and zoomed-out views stay fast.
#include "viz/tie_index.hpp"

#include <algorithm>

namespace wellsim::viz {

TieIndex tie_index(const sim::Network& net, const std::vector<bool>& visible,
                   std::size_t sample_target) {
  auto shown = [&](sim::AgentId i) { return visible.empty() || visible[i]; };
  const std::size_t layers = std::max<std::size_t>(1, net.layer_names.size());
  std::vector<std::vector<std::uint32_t>> by_layer(layers);
  for (sim::AgentId i = 0; i < net.size(); ++i) {
    if (!shown(i)) continue;
    for (std::uint64_t e = net.offsets[i]; e < net.offsets[i + 1]; ++e)
      if (i < net.neighbours[e] && shown(net.neighbours[e])) {
        auto& out = by_layer[std::min<std::size_t>(net.layer[e], layers - 1)];
        out.push_back(i), out.push_back(net.neighbours[e]);
      }
  }
  TieIndex t;
  for (const auto& l : by_layer) {
    t.layers.emplace_back(t.indices.size(), l.size());
    t.indices.insert(t.indices.end(), l.begin(), l.end());
  }
  t.total = t.indices.size() / 2;
  // The sample: every stride-th tie of each layer, so layers keep their proportions.
  const std::size_t target = std::max<std::size_t>(1, sample_target);
  const std::size_t stride = (t.total + target - 1) / target;
  if (stride <= 1) {
    t.sample = t.layers;
  } else {
    for (const auto& l : by_layer) {
      const std::size_t first = t.indices.size();
      for (std::size_t k = 0; 2 * k < l.size(); k += stride)
        t.indices.push_back(l[2 * k]), t.indices.push_back(l[2 * k + 1]);
      t.sample.emplace_back(first, t.indices.size() - first);
    }
  }
  for (const auto& r : t.sample) t.sampled += r.second / 2;
  return t;
}

}  // namespace wellsim::viz
