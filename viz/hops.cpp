#include "viz/hops.hpp"

#include <stdexcept>

namespace wellsim::viz {

std::vector<std::uint8_t> hop_distances(const sim::Network& net, sim::AgentId source,
                                        std::uint8_t max_hops) {
  if (source >= net.size()) throw std::out_of_range("hop_distances: no such agent");
  std::vector<std::uint8_t> dist(net.size(), kFar);
  std::vector<sim::AgentId> frontier{source}, next;
  dist[source] = 0;
  for (std::uint8_t h = 1; h <= max_hops && !frontier.empty() && h != kFar; ++h) {
    next.clear();
    for (sim::AgentId u : frontier)
      for (sim::AgentId v : net.neighbours_of(u))
        if (dist[v] == kFar) dist[v] = h, next.push_back(v);
    frontier.swap(next);
  }
  return dist;
}

}  // namespace wellsim::viz
