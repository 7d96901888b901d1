// The multiplex community network of a synthesised town: household, kin, close-friend, friend,
// workplace and school ties in the layers of models/community/layers.hpp. See town.cpp for the
// mechanism of each layer and its sources.
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

/// The keys of [network] when source = "town", each field named as its key.
struct TownParams {
  double kin_households;             ///< mean related households per household
  double kin_local;                  ///< share of kin in the same neighbourhood
  double close_friends;              ///< mean close friends per person aged 5+
  double friends;                    ///< mean wider friends per person aged 5+
  double sociability_sd;             ///< SD of log sociability
  double friend_local;               ///< share of friendships within the neighbourhood
  double friend_age_sd;              ///< SD of adult friends' age difference
  double child_friend_age_sd;        ///< SD of child friends' age difference
  std::int64_t friend_window;        ///< friends of an age drawn within this many places; 0: all
  double work_in_town;               ///< share of workers whose workplace is in town
  double colleagues;                 ///< colleague ties per worker in big workplaces
  double workplace_size_exponent;    ///< Zipf exponent of workplace sizes
  std::int64_t workplace_max;        ///< largest workplace
  std::int64_t class_size;           ///< pupils per class
  double classmates;                 ///< ties per pupil within the class
  std::vector<std::string> regions;  ///< region of each neighbourhood; empty: the town is one
  double beyond_region;              ///< share of non-local kin and friends from anywhere
};

/// The town keys, declared once and bound to TownParams.
const sim::ParamTable<TownParams>& town_table();

/// Keys of [network] when source = "town": town_table()'s specs.
const std::vector<sim::ParamSpec>& town_params();

/// The town's ties among `people` (agent k of the list is person k; original ids, groups and
/// group names are the people's). Deterministic in (people, parameters, seed, replicate) for any
/// thread count; no self-loops and no tie listed twice within a layer.
sim::EdgeList town_ties(const People& people, const sim::ParamSet& p, std::uint64_t seed,
                        std::uint32_t replicate);

/// The town as a network source (run.model = "town" chooses it).
NetworkSource town_source();

}  // namespace wellsim::models
