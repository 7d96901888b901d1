#pragma once
// The ripple: how much of a policy's effect reaches people it never touched.
//
// Direct recipients are the people with an `intervention/<name>/start` event of one of the
// policy's own interventions. Everyone else is placed by hop distance from the nearest recipient
// over the run's network: the frozen ties plus every tie a programme made up to the week
// measured (its `tie/<name>` events; a tie that has since faded still carried the effect while
// it lasted), as the layer "community". The effect on non-recipients is the spillover: through
// family, friends, neighbours and the services recipients no longer queue for.
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "output/run_reader.hpp"
#include "sim/hops.hpp"
#include "sim/network.hpp"

namespace wellsim::analysis {

/// Rings of the ripple: 0 recipients, 1, 2, 3 hops, 4 for four or more hops or unreachable.
constexpr std::size_t kRings = 5;
/// Ring names for tables: "recipients", "1 hop", "2 hops", "3 hops", "4+ hops".
extern const std::array<const char*, kRings> kRingNames;

// Hops from the recipients: sim::hop_distances (sim/hops.hpp), shared with the viewer's circles.
using sim::hop_distances;

/// The frozen network of `run` with the programme ties of its events up to `last_step` added as
/// one more layer, "community" (both directions; a pair already tied keeps its frozen tie).
sim::Network with_programme_ties(const output::RunReader& run, std::uint32_t last_step);

/// Agents with a start event of one of the interventions `names` at a step up to `last_step`.
std::vector<char> recipients(const output::RunReader& run, const std::set<std::string>& names,
                             std::uint32_t last_step);

/// The decomposition of one pair's per-person differences.
struct Ripple {
  std::array<std::size_t, kRings> people{};  ///< agents in each ring
  std::array<double, kRings> mean{};         ///< mean difference in each ring (0 when empty)
  std::array<double, kRings> total{};        ///< summed difference in each ring
  double total_effect = 0;                   ///< summed difference over everyone
  double spillover_share = 0;  ///< share of total_effect on non-recipients (NaN when 0 total)
};

/// Splits per-person differences `diff` by ring, with hops from `hop_distances`; a NaN
/// difference (a person no longer present on one side) counts in no ring.
Ripple decompose(const std::vector<double>& diff, const std::vector<std::uint32_t>& hops);

/// For each agent one hop from a source, the layer of its tie to a source (the first in layer
/// order when it has several: household before kin before friends ...); -1 for everyone else.
std::vector<int> first_hop_layer(const sim::Network& net, const std::vector<char>& source,
                                 const std::vector<std::uint32_t>& hops);

/// The one-hop ring split by the layer of the tie that carries the effect.
struct LayerRipple {
  std::vector<std::size_t> people;  ///< one-hop agents per layer (Network::layer_names order)
  std::vector<double> mean;         ///< their mean difference (0 when none)
};

/// Splits the differences of one-hop agents by `first_hop_layer`, for `layers` layers (NaN
/// differences left out, as in decompose).
LayerRipple decompose_by_layer(const std::vector<double>& diff, const std::vector<int>& layer,
                               std::size_t layers);

}  // namespace wellsim::analysis
