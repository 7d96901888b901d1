// The multiplex community network of a synthesised town: household, kin, close-friend, friend,
// workplace and school ties in the layers of models/community/layers.hpp. See town.cpp for the
// mechanism of each layer and its sources.
#pragma once
#include <cstdint>
#include <vector>

#include "models/population/people.hpp"
#include "sim/network.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::models {

/// Keys of [network] when source = "town", declared once.
const std::vector<sim::ParamSpec>& town_params();

/// The town's ties among `people` (agent k of the list is person k; original ids, groups and
/// group names are the people's). Deterministic in (people, parameters, seed, replicate) for any
/// thread count; no self-loops and no tie listed twice within a layer.
sim::EdgeList town_ties(const People& people, const sim::ParamSet& p, std::uint64_t seed,
                        std::uint32_t replicate);

}  // namespace wellsim::models
