#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "sim/state.hpp"

namespace wellsim::models {

/// Ties that meso programmes and social prescribing create while a run goes on (DESIGN
/// invariant 5: the frozen CSR never changes; dynamic ties live in an overlay merged at step
/// boundaries). A tie added during step t becomes visible at `publish(t + 1)` and lasts until
/// its `until` week; re-adding an existing tie extends it. The published ties form a small CSR
/// of their own that the wellbeing model reads next to the frozen network.
class TieOverlay {
 public:
  /// One undirected tie, stored once with a < b.
  struct Tie {
    std::uint32_t a, b;   ///< the two people, a < b
    float weight;         ///< weight in social influence and support
    std::uint32_t until;  ///< last week the tie exists
  };

  /// Queues a tie (ignored when a == b). Not thread-safe: call from one thread.
  void add(std::uint32_t a, std::uint32_t b, float weight, std::uint32_t until);
  /// Makes the ties of week `step` current: drops ties whose `until` < step, merges the queued
  /// ones (a repeated pair keeps the larger weight and the later end) and rebuilds the CSR for
  /// `n` agents. Returns the number of ties that ended.
  std::size_t publish(std::uint32_t step, std::size_t n);

  /// Current ties, sorted by (a, b).
  const std::vector<Tie>& ties() const { return ties_; }
  /// Agents tied to agent i by current overlay ties (empty before the first publish).
  std::span<const std::uint32_t> neighbours_of(std::uint32_t i) const {
    if (offsets_.empty()) return {};
    return {neighbours_.data() + offsets_[i], neighbours_.data() + offsets_[i + 1]};
  }
  /// Lists the ties, the queue and the published CSR for checkpoints.
  void state(sim::StateVisitor& v) {
    sim::visit(v, "overlay.ties", ties_);
    sim::visit(v, "overlay.pending", pending_);
    sim::visit(v, "overlay.offsets", offsets_);
    sim::visit(v, "overlay.neighbours", neighbours_);
    sim::visit(v, "overlay.weights", weights_);
  }
  /// Weights matching neighbours_of(i).
  std::span<const float> weights_of(std::uint32_t i) const {
    if (offsets_.empty()) return {};
    return {weights_.data() + offsets_[i], weights_.data() + offsets_[i + 1]};
  }

 private:
  std::vector<Tie> ties_, pending_;
  std::vector<std::uint64_t> offsets_;  // empty while no tie was ever published
  std::vector<std::uint32_t> neighbours_;
  std::vector<float> weights_;
};

}  // namespace wellsim::models
