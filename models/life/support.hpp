#pragma once
// Who a person can lean on: close ties now, for the wellbeing buffer and loneliness.
#include <cstdint>
#include <vector>

#include "models/community/tie_overlay.hpp"
#include "sim/network.hpp"

namespace wellsim::models {

/// Per-agent counts of frozen ties, taken once: the frozen network never changes in a run.
struct FrozenTies {
  std::vector<std::uint16_t> close;  ///< household, kin and close-friend ties
  std::vector<std::uint16_t> all;    ///< ties of every layer
};

/// Counts each agent's frozen ties; layers are matched by name (models/community/layers.hpp), so
/// a network without those layers has no close ties but still counts all ties.
FrozenTies count_frozen_ties(const sim::Network& net);

/// Loneliness rule and close-tie count of agent i this week (frozen plus overlay ties).
struct SupportRule {
  std::uint32_t support_below;  ///< lonely when close ties are fewer than this
  std::uint32_t ties_below;     ///< lonely when all ties are fewer than this
  /// Close ties of agent i now: frozen close ties plus programme ties in the overlay.
  std::uint32_t support(const FrozenTies& f, const TieOverlay& o, std::uint32_t i) const {
    return f.close[i] + static_cast<std::uint32_t>(o.neighbours_of(i).size());
  }
  /// True when agent i counts as lonely given its close-tie count.
  bool lonely(const FrozenTies& f, const TieOverlay& o, std::uint32_t i,
              std::uint32_t close_now) const {
    const auto all = f.all[i] + static_cast<std::uint32_t>(o.neighbours_of(i).size());
    return close_now < support_below || all < ties_below;
  }
};

}  // namespace wellsim::models
