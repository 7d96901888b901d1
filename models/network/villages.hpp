// Ties among the people of the Karnataka villages (Banerjee et al. 2013): household cliques plus
// the survey's household network. See villages.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "models/network/network_source.hpp"
#include "models/population/people.hpp"
#include "sim/network.hpp"
#include "sim/param_spec.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// The keys of [network] when source = "villages", each field named as its key.
struct VillagesParams {
  std::string path;               ///< household edge list
  double adult_pair_probability;  ///< chance of one more adult pair per household tie
};

/// The villages keys, declared once and bound to VillagesParams.
const sim::ParamTable<VillagesParams>& villages_table();

/// Keys of [network] when source = "villages": villages_table()'s specs.
const std::vector<sim::ParamSpec>& villages_params();

/// Household cliques (layer household) and, for each household tie of the `path` edge list, a tie
/// between the two heads (layer kin) and with probability `adult_pair_probability` one more
/// adult pair (layer friend). Ties naming a household that `people` lacks are dropped (see
/// village_people's `ties` key). Agent k is person k of `people`.
sim::EdgeList village_ties(const People& people, const sim::ParamSet& p,
                           const std::string& scenario_path, std::uint64_t seed,
                           std::uint32_t replicate);

/// The villages as a network source (run.model = "villages" chooses it).
NetworkSource villages_source();

}  // namespace wellsim::models
