// Which nodes are drawn and how large (the neighbourhood filter and size by degree), as plain
// data the renderer uploads, so the filter's rules and errors are testable headless.
#include "viz/node_sizes.hpp"

#include <algorithm>
#include <cmath>

#include "sim/errors.hpp"
#include "viz/group_series.hpp"

namespace wellsim::viz {

bool node_visible(const sim::Network& net, const NodeFilter& filter, sim::AgentId i) {
  if (i >= net.group.size()) return true;
  const std::int32_t g = net.group[i];
  return g < 0 || std::size_t(g) >= filter.group_visible.size() ||
         filter.group_visible[std::size_t(g)];
}

NodeFilter only_groups(const sim::Network& net, const std::vector<std::string>& names) {
  NodeFilter f;
  if (names.empty()) return f;
  const std::size_t groups = sim::group_count(net);
  f.group_visible.assign(groups, false);
  for (const std::string& name : names) {
    std::size_t g = 0;
    while (g < groups && sim::group_name(net, g) != name) ++g;
    if (g == groups) {
      std::string known;
      for (std::size_t k = 0; k < groups; ++k) known += (k ? ", " : "") + sim::group_name(net, k);
      throw sim::InputError("no neighbourhood named \"" + name + "\" (this run has " +
                            (groups ? known : "none") + ")");
    }
    f.group_visible[g] = true;
  }
  return f;
}

std::vector<float> node_sizes(const sim::Network& net, const NodeFilter& filter) {
  const std::size_t n = net.size();
  std::vector<float> size(n, 1.0f);
  const double mean_degree = n ? double(net.entries()) / double(n) : 0.0;
  for (sim::AgentId i = 0; i < n; ++i) {
    if (!node_visible(net, filter, i)) {
      size[i] = 0;
    } else if (filter.size_by_degree && mean_degree > 0) {
      const double s = std::sqrt(double(net.degree(i)) / mean_degree);
      size[i] = std::clamp(float(s), kMinDegreeSize, kMaxDegreeSize);
    }
  }
  return size;
}

}  // namespace wellsim::viz
