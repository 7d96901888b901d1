#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace wellsim::sim {

/// Agent index: agents are dense 0..n-1 after renumbering.
using AgentId = std::uint32_t;

/// A frozen social network in compressed sparse row form (DESIGN invariant 5).
///
/// Undirected ties are stored in both directions, so row i lists everyone i reads from in a
/// pull-style step. Each entry carries a layer (household, friendship, ...) and a weight.
/// Renumbering for locality happens before freezing; `original_id` maps back to the ids of the
/// source (an edge-list file, a generator) so output can always name people as the input did.
struct Network {
  std::vector<std::uint64_t> offsets;     ///< size n+1; row i is [offsets[i], offsets[i+1])
  std::vector<AgentId> neighbours;        ///< size m (directed entries)
  std::vector<std::uint8_t> layer;        ///< size m; index into layer_names
  std::vector<float> weight;              ///< size m, or empty when every tie weighs 1
  std::vector<std::string> layer_names;   ///< at least one layer
  std::vector<std::int64_t> original_id;  ///< size n; the id the source used for agent i
  std::vector<std::int32_t> group;        ///< size n; neighbourhood/block, -1 where unknown
  std::vector<std::string> group_names;   ///< name of group g at index g (may be empty)

  /// Number of agents.
  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  /// Number of directed adjacency entries (twice the undirected ties).
  std::size_t entries() const { return neighbours.size(); }
  /// True when every tie weighs 1 (`weight` is empty): the kernels take their fast path.
  bool unit_weights() const { return weight.empty(); }
  /// Number of ties of agent i.
  std::uint32_t degree(AgentId i) const {
    return static_cast<std::uint32_t>(offsets[i + 1] - offsets[i]);
  }
  /// The agents agent i is tied to.
  std::span<const AgentId> neighbours_of(AgentId i) const {
    return {neighbours.data() + offsets[i], degree(i)};
  }
};

/// An undirected tie list as read or generated, before it is frozen into a Network.
struct EdgeList {
  std::size_t n = 0;                      ///< number of agents (ids 0..n-1)
  std::vector<AgentId> u, v;              ///< one entry per tie (either or both directions)
  std::vector<float> w;                   ///< empty, or one weight per tie
  std::vector<std::uint8_t> layer;        ///< empty, or one layer per tie
  std::vector<std::string> layer_names;   ///< names of the layers ("tie" when unset)
  std::vector<std::int64_t> original_id;  ///< empty (ids are 0..n-1) or size n
  std::vector<std::int32_t> group;        ///< empty, or a neighbourhood/block per agent
  std::vector<std::string> group_names;   ///< empty, or the name of each group by index
};

/// How agents are renumbered before freezing.
enum class Ordering {
  None,          ///< keep the source order
  Groups,        ///< contiguous by group (neighbourhood), source order within a group
  CuthillMcKee,  ///< reverse Cuthill-McKee (our own, over the CSR), a bandwidth-reducing order
  Auto,          ///< Groups when groups are known, otherwise CuthillMcKee
};

/// Parses "none", "groups", "cuthill_mckee", "auto"; throws InputError naming `context`.
[[nodiscard]] Ordering parse_ordering(const std::string& text, const std::string& context);

/// Freezes an edge list into CSR: symmetrises, drops self-loops and duplicate ties (keeping the
/// first weight/layer seen), renumbers by `ordering`, and sorts each row.
[[nodiscard]] Network freeze(EdgeList edges, Ordering ordering);

/// Number of groups (neighbourhoods): one past the largest group id, or the number of group
/// names when more are named (a named neighbourhood may have no members in a small run).
std::size_t group_count(const Network& net);

/// Name of group `g`: its name, or "group G" where the source gave none.
std::string group_name(const Network& net, std::size_t g);

/// Bandwidth of the adjacency matrix (max |i - j| over ties): a locality measure for tests/docs.
[[nodiscard]] std::uint64_t bandwidth(const Network& net);

}  // namespace wellsim::sim
