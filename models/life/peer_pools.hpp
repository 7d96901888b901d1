#pragma once
// Who a child starting school or a person entering work can be tied to, and how many ties they
// make ([demography], school_work.cpp): this week's pupils and workers by neighbourhood, and
// week-0 donors whose frozen tie counts a newcomer copies (peer_pools.cpp says why).
#include <cstdint>
#include <span>
#include <vector>

#include "sim/agent_store.hpp"
#include "sim/network.hpp"

namespace wellsim::models {

/// First and last age of the school years (the town generator's school layer: models/network/
/// town.cpp ties children 5-15; at 16 a child becomes a student, demography.cpp).
inline constexpr std::uint8_t kSchoolStart = 5, kSchoolEnd = 15;

/// Layer codes of the frozen network's friend, school and workplace layers (0xff: none).
struct PeerLayers {
  std::uint8_t close_friend = 0xff, friend_ = 0xff, school = 0xff, workplace = 0xff;
  /// Codes found by name (models/community/layers.hpp) in `net`.
  explicit PeerLayers(const sim::Network& net);
};

/// Tie counts of a week-0 person in the layers a newcomer joins.
struct DonorCounts {
  std::uint16_t close_friend = 0, friend_ = 0, school = 0, workplace = 0;
};

/// Week-0 donors by neighbourhood: pupils (present children 5-15) and workers (employed).
struct Donors {
  std::vector<DonorCounts> pupils, workers;
  std::vector<std::uint32_t> pupil_start, worker_start;  ///< G + 1 starts per neighbourhood
  /// Builds the tables from the frozen network and the week-0 agents.
  Donors(const sim::Network& net, const sim::AgentStore& a, const PeerLayers& layers);
  /// No donors (every pick gives no ties).
  Donors() = default;
  /// The donor a uniform word picks among neighbourhood g's (or, none there, the town's).
  const DonorCounts& pick(bool pupil, std::size_t g, std::uint32_t word) const;
};

/// This week's pupils by (neighbourhood, age 5-15) and people in the labour market by
/// neighbourhood, without the people who start school or work this week (they are the ones
/// choosing). Why the labour market and not the employed: who is in work is what policies change
/// (job hazards), who is in the labour market only demography changes, so a newcomer meets the
/// same colleagues in both arms of a paired comparison (common random numbers).
struct PeerPools {
  std::vector<std::uint32_t> pupil_start, pupils, worker_start, workers;
  /// Pupils of neighbourhood g aged `age` (5-15).
  std::span<const std::uint32_t> pupils_of(std::size_t g, unsigned age) const;
  /// People in the labour market (employed or unemployed) of neighbourhood g.
  std::span<const std::uint32_t> workers_of(std::size_t g) const;
};

/// This week's newcomers (indexed by agent, nonzero for a newcomer), the number of
/// neighbourhoods (group_total) and which pools are needed.
struct PoolRequest {
  const std::vector<std::uint8_t>* starting;
  const std::vector<std::uint8_t>* entering;
  std::size_t groups;
  bool pupils, workers;
};

/// Builds the pools asked for: present children aged 5-15 who are not starting, and present
/// people in the labour market who are not entering; a pool not asked for is empty.
PeerPools build_pools(const sim::Network& net, const sim::AgentStore& a, const PoolRequest& r);

/// Neighbourhood of agent i (0 when the network has no groups).
inline std::size_t group_of(const sim::Network& net, std::size_t i) {
  return net.group.empty() || net.group[i] < 0 ? 0 : static_cast<std::size_t>(net.group[i]);
}

/// Number of neighbourhoods of `net` (at least 1).
std::size_t group_total(const sim::Network& net);

}  // namespace wellsim::models
