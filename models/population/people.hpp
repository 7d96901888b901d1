// A synthesised population before it meets the network: the people of a community in generation
// order (neighbourhood by neighbourhood, each household's members together), with the attributes
// that the community model's mechanisms read.
//
// Why a separate struct rather than writing straight into sim::AgentStore: the network generator
// (town, villages) needs the people to place its ties, and the frozen network then renumbers the
// agents (DESIGN invariant 5). place_people is the one place where generation order becomes agent
// order, matched through the ids users see (original_id), so no mechanism ever sees the former.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "models/community/world.hpp"
#include "sim/agent_store.hpp"
#include "sim/network.hpp"

namespace wellsim::models {

/// A synthesised population in generation order: neighbourhood-sorted, household-contiguous.
struct People {
  std::vector<std::uint32_t> household;          ///< 0..H-1, nondecreasing
  std::vector<std::int32_t> neighbourhood;       ///< group index, nondecreasing
  std::vector<std::string> neighbourhood_names;  ///< name of each group index
  std::vector<std::uint8_t> age;                 ///< years at week 0, 0..100
  std::vector<std::uint8_t> traits;              ///< Trait bits
  std::vector<std::uint8_t> tenure;              ///< 0 owner, 1 social renter, 2 private renter
  std::vector<std::uint8_t> activity;            ///< Activity
  std::vector<float> wage;                       ///< weekly gross pay when in work (GBP)
  std::vector<float> housing_cost;               ///< weekly housing cost, on the head (GBP)
  /// Id shown to users: 0..n-1 for synthetic people; household id * 100 + member for villages.
  std::vector<std::int64_t> original_id;
  /// Empty, or 1 for a row reserved for someone who joins during the run (population/reserve.hpp).
  std::vector<std::uint8_t> reserved;

  /// Number of people.
  std::size_t size() const { return household.size(); }
  /// Sizes every per-person column for n people (values zero).
  void resize(std::size_t n);
  /// Number of households (last household index + 1; 0 when empty).
  std::size_t households() const { return household.empty() ? 0 : household.back() + 1; }
  /// Start of each household in generation order plus a final n (size households() + 1).
  std::vector<std::uint32_t> household_starts() const;
};

/// Labels a tie list among `people` as a community network: the six frozen layer names
/// (models/community/layers.hpp), each person's original id and neighbourhood.
void label_community_ties(const People& people, sim::EdgeList& ties);

/// Copies people into the agent store in the frozen network's order (agent i is the person whose
/// original_id is net.original_id[i]), resizes the person columns, numbers households in agent
/// order and fills world.household_start; reserved rows start absent (agents.present = 0);
/// std::logic_error when the network does not hold exactly these people or a household's members
/// are not contiguous agents.
void place_people(const People& people, const sim::Network& net, sim::AgentStore& agents,
                  World& world);

}  // namespace wellsim::models
