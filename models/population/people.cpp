// Placing a synthesised population into the agent store in the frozen network's order.
//
// Matching is by original id, not by position, because freezing renumbers agents (by group or by
// Cuthill-McKee) and the id is the one thing both sides agree on. Households are renumbered in
// agent order so that household_start is increasing, which is what lets life events walk a
// household as one contiguous slice of every column.
#include "models/population/people.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "models/community/layers.hpp"
#include "sim/deterministic_parallel.hpp"

namespace wellsim::models {

void People::resize(std::size_t n) {
  household.assign(n, 0);
  neighbourhood.assign(n, 0);
  age.assign(n, 0);
  traits.assign(n, 0);
  tenure.assign(n, 0);
  activity.assign(n, 0);
  wage.assign(n, 0.f);
  housing_cost.assign(n, 0.f);
  original_id.assign(n, 0);
}

std::vector<std::uint32_t> People::household_starts() const {
  std::vector<std::uint32_t> start(households() + 1, 0);
  for (std::size_t i = size(); i-- > 0;) start[household[i]] = static_cast<std::uint32_t>(i);
  start.back() = static_cast<std::uint32_t>(size());
  return start;
}

namespace {

/// person[i] = index in `people` of the person that agent i of `net` is.
std::vector<std::uint32_t> person_of_agent(const People& people, const sim::Network& net) {
  const std::size_t n = people.size();
  if (net.size() != n)
    throw std::logic_error("place_people: the network has " + std::to_string(net.size()) +
                           " agents but the population " + std::to_string(n) + " people");
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::int64_t max_id = -1;
  bool nonnegative = true;
  for (std::int64_t id : people.original_id) max_id = std::max(max_id, id), nonnegative &= id >= 0;
  std::vector<std::uint32_t> person(n);
  // Ids are dense for synthetic people and at most ~100 per household row for villages, so a
  // direct table is small; a hash map covers anything else.
  if (nonnegative && max_id < static_cast<std::int64_t>(16 * n + 1024)) {
    std::vector<std::uint32_t> index(static_cast<std::size_t>(max_id) + 1, kNone);
    for (std::uint32_t p = 0; p < n; ++p) {
      auto& slot = index[static_cast<std::size_t>(people.original_id[p])];
      if (slot != kNone) throw std::logic_error("place_people: repeated original id");
      slot = p;
    }
    for (std::size_t i = 0; i < n; ++i) {
      std::int64_t id = net.original_id[i];
      person[i] = id >= 0 && id <= max_id ? index[static_cast<std::size_t>(id)] : kNone;
    }
  } else {
    std::unordered_map<std::int64_t, std::uint32_t> index;
    index.reserve(n);
    for (std::uint32_t p = 0; p < n; ++p)
      if (!index.emplace(people.original_id[p], p).second)
        throw std::logic_error("place_people: repeated original id");
    for (std::size_t i = 0; i < n; ++i) {
      auto it = index.find(net.original_id[i]);
      person[i] = it == index.end() ? kNone : it->second;
    }
  }
  for (std::size_t i = 0; i < n; ++i)
    if (person[i] == kNone)
      throw std::logic_error("place_people: agent " + std::to_string(i) + " has original id " +
                             std::to_string(net.original_id[i]) + ", which is no person");
  return person;
}

}  // namespace

void label_community_ties(const People& people, sim::EdgeList& ties) {
  ties.layer_names.assign(std::begin(kLayerNames), std::end(kLayerNames));
  ties.original_id = people.original_id;
  ties.group = people.neighbourhood;
  ties.group_names = people.neighbourhood_names;
}

void place_people(const People& people, const sim::Network& net, sim::AgentStore& agents,
                  World& world) {
  const std::size_t n = people.size();
  const std::vector<std::uint32_t> person = person_of_agent(people, net);
  agents.resize_people(n);
  if (!people.reserved.empty()) agents.present.assign(n, 1);
  sim::for_blocks(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t p = person[i];
      agents.age[i] = people.age[p];
      agents.traits[i] = people.traits[p];
      agents.tenure[i] = people.tenure[p];
      agents.activity[i] = people.activity[p];
      agents.wage[i] = people.wage[p];
      agents.housing_cost[i] = people.housing_cost[p];
      if (!people.reserved.empty()) agents.present[i] = !people.reserved[p];
    }
  });
  // Households in order of first appearance; a household seen again after another one started
  // is split across the agent order, which would break every household-slice loop.
  std::vector<std::uint32_t> renumbered(people.households(), UINT32_MAX);
  world.household_start.clear();
  std::uint32_t current = UINT32_MAX;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t h = people.household[person[i]];
    if (h != current) {
      if (renumbered[h] != UINT32_MAX)
        throw std::logic_error("place_people: the members of household " + std::to_string(h) +
                               " are not contiguous agents (agent " + std::to_string(i) + ")");
      renumbered[h] = static_cast<std::uint32_t>(world.household_start.size());
      world.household_start.push_back(static_cast<std::uint32_t>(i));
      current = h;
    }
    agents.household[i] = renumbered[h];
  }
  world.household_start.push_back(static_cast<std::uint32_t>(n));
}

}  // namespace wellsim::models
