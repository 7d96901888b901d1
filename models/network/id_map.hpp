// Dense renumbering of arbitrary integer ids (as found in network files) to agents 0..n-1.
//
// Agents are numbered in ascending id order, so the numbering is stable (it does not depend on
// the order ties are listed in) and meaningful (ids that were contiguous, such as the households
// of one village, stay contiguous, which helps locality). When ids are dense, as in nearly every
// real file, a direct lookup vector replaces hashing: marking, a prefix scan and one load per
// lookup are an order of magnitude faster than any hash map. Sparse ids (e.g. 64-bit user ids)
// fall back to a flat open-addressing table, whose distinct keys are then sorted.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "sim/network.hpp"

namespace wellsim::models {

/// Maps every id that occurs in a set of id lists to its rank among the distinct ids.
class IdMap {
 public:
  /// Builds the map from ids >= 0 whose maximum is `max_id`; runs in parallel over `pieces`.
  IdMap(const std::vector<std::span<const std::int64_t>>& pieces, std::int64_t max_id);
  /// The agent of an id that occurred in the pieces.
  sim::AgentId operator()(std::int64_t id) const {
    return dense_.empty() ? values_[slot(id)] : dense_[static_cast<std::size_t>(id)];
  }
  /// Number of distinct ids.
  std::size_t size() const { return ids_.size(); }
  /// The distinct ids in ascending order: agent i had id ids()[i]. Moves them out.
  std::vector<std::int64_t> take_ids() { return std::move(ids_); }

 private:
  // The slot holding `id`, or the empty slot where it belongs (linear probing, Fibonacci hash).
  std::uint64_t slot(std::int64_t id) const {
    std::uint64_t s = (static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull) >> shift_;
    while (keys_[s] != id && keys_[s] != -1) s = (s + 1) & mask_;
    return s;
  }
  // Rehashes the keys into a table of `capacity` slots (a power of two).
  void resize(std::uint64_t capacity);
  std::vector<sim::AgentId> dense_;  // id -> agent, when ids are dense
  std::vector<std::int64_t> keys_;   // open-addressing table, -1 = empty
  std::vector<sim::AgentId> values_;
  std::uint64_t mask_ = 0;
  int shift_ = 64;
  std::vector<std::int64_t> ids_;
};

}  // namespace wellsim::models
