#pragma once
// Who a person can lean on: close ties now, for the wellbeing buffer and loneliness.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "models/community/tie_overlay.hpp"
#include "sim/network.hpp"

namespace wellsim::models {

/// Per-agent counts of frozen ties, taken once: the frozen network never changes in a run.
struct FrozenTies {
  std::vector<std::uint16_t> close;   ///< household, kin and close-friend ties
  std::vector<std::uint16_t> outer;   ///< kin and close-friend ties (close ties beyond the home)
  std::vector<std::uint16_t> all;     ///< ties of every layer
  std::vector<std::uint16_t> school;  ///< school ties (empty without a school layer)
};

/// Counts each agent's frozen ties; layers are matched by name (models/community/layers.hpp), so
/// a network without those layers has no close ties but still counts all ties. School ties are
/// counted only when `school` is true (school ties that end: World::school_ties_end).
FrozenTies count_frozen_ties(const sim::Network& net, bool school = false);

/// Takes the ties of people who have left (present[i] == 0, not yet in `dropped`) off their
/// neighbours' counts and marks them in `dropped` (sized here): a dead friend no longer supports;
/// puts back those of a dropped row that is present again (a newborn in a reserved row).
/// Sequential and in agent order, so the counts are the same for any thread count; after a
/// resume `dropped` starts empty and every absent person is taken off once.
void drop_absent_ties(FrozenTies& f, const sim::Network& net,
                      const std::vector<std::uint8_t>& present, std::vector<std::uint8_t>& dropped);

/// Loneliness rule and close-tie count of agent i this week (frozen plus overlay ties).
struct SupportRule {
  std::uint32_t support_below;  ///< lonely when close ties are fewer than this
  std::uint32_t ties_below;     ///< lonely when all ties are fewer than this
  /// Per agent, overlay ties that are not close ties (World::loose_ties), or null.
  const std::vector<std::uint16_t>* loose = nullptr;
  /// True when school ties end as pupils leave (World::school_ties_end): an adult's frozen
  /// school ties then no longer count.
  bool school_ends = false;

  /// Programme ties of agent i in the overlay: its overlay ties but the loose ones.
  std::uint32_t programme(const TieOverlay& o, std::uint32_t i) const {
    const auto all = static_cast<std::uint32_t>(o.neighbours_of(i).size());
    const std::uint32_t off = loose && i < loose->size() ? (*loose)[i] : 0;
    return all > off ? all - off : 0;
  }
  /// Close ties of agent i now: frozen close ties plus programme ties in the overlay.
  std::uint32_t support(const FrozenTies& f, const TieOverlay& o, std::uint32_t i) const {
    return f.close[i] + programme(o, i);
  }
  /// True when agent i, of age `age`, counts as lonely: an adult (the ONS measure is of people
  /// 16+) with fewer close ties beyond their household (kin, close friends, programme ties) than
  /// `support_below`, or fewer ties of any kind than `ties_below`. A household is not counted
  /// as protection: many people who live with others are lonely (ONS 2018, "Loneliness - what
  /// characteristics and circumstances are associated with feeling lonely?").
  bool lonely(const FrozenTies& f, const TieOverlay& o, std::uint32_t i, std::uint8_t age) const {
    if (age < 16) return false;
    const auto overlay = static_cast<std::uint32_t>(o.neighbours_of(i).size());
    // An adult is no pupil: with school_ends, none of their frozen school ties still exists.
    const std::uint32_t ended = school_ends && !f.school.empty() ? f.school[i] : 0;
    return f.outer[i] + programme(o, i) < support_below ||
           std::uint32_t{f.all[i]} - std::min<std::uint32_t>(ended, f.all[i]) + overlay <
               ties_below;
  }
};

}  // namespace wellsim::models
