// Stochastic block model of neighbourhoods: dense ties inside a block, sparse ties between.
//
// Source: P. W. Holland, K. B. Laskey and S. Leinhardt, "Stochastic blockmodels: first steps",
// Social Networks 5 (1983) 109-137. Agents are split into blocks (neighbourhoods, villages,
// schools); a pair in the same block is tied with probability p_within of that block, a pair in
// different blocks with one shared p_between. Sampled by geometric skipping per block pair
// (Batagelj & Brandes 2005) in O(n + m).
//
// Why this parameterisation: users know how many people someone knows locally and further away,
// not pair probabilities, so the knobs are mean degrees. Every block gets the same expected
// within-block degree (p_within of block b = degree_within / (size_b - 1)), which is how
// neighbourhoods of different sizes look in survey data; p_between is set so that the mean
// between-block degree over all agents is degree_between:
//   p_between = degree_between * n / (n^2 - sum_b size_b^2).
// Blocks are contiguous in agent order and each agent's group is its block, so ordering by group
// keeps neighbourhoods together in memory (DESIGN invariant 5). Ties carry layer 0 "within" or
// layer 1 "between".
#pragma once
#include <string>
#include <vector>

#include "models/network/geometric_skipping.hpp"
#include "models/network/network_source.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// The keys of [network] when source = "sbm", each field named as its key.
struct SbmParams {
  std::vector<double> sizes;       ///< agents in each block
  std::vector<std::string> names;  ///< block names, or none for n1, n2, ...
  double degree_within;            ///< expected ties inside one's block
  double degree_between;           ///< expected ties to other blocks
};

/// The sbm keys, declared once and bound to SbmParams.
const sim::ParamTable<SbmParams>& sbm_table();

/// The block model described by validated `sbm` parameters (sizes and probabilities).
BlockModel sbm_model(const SbmParams& params, const SourceContext& ctx);

/// Block names: `names` when given, otherwise "n1", "n2", ... (the group labels for output).
std::vector<std::string> sbm_group_names(const SbmParams& params, const SourceContext& ctx);

/// The `sbm` network source: parameters sizes, names, degree_within, degree_between.
NetworkSource sbm_source();

}  // namespace wellsim::models
