#include "sim/hops.hpp"

namespace wellsim::sim {

std::vector<std::uint32_t> hop_distances(const Network& net, const std::vector<char>& source,
                                         std::uint32_t max_hops) {
  const std::size_t n = net.size();
  std::vector<std::uint32_t> dist(n, kUnreached);
  std::vector<AgentId> frontier, next;
  for (std::size_t i = 0; i < n && i < source.size(); ++i)
    if (source[i]) dist[i] = 0, frontier.push_back(static_cast<AgentId>(i));
  for (std::uint32_t d = 1; d <= max_hops && d != kUnreached && !frontier.empty(); ++d) {
    next.clear();
    for (AgentId u : frontier)
      for (AgentId v : net.neighbours_of(u))
        if (dist[v] == kUnreached) dist[v] = d, next.push_back(v);
    frontier.swap(next);
  }
  return dist;
}

}  // namespace wellsim::sim
