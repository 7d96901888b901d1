#pragma once
// Helpers shared by the [network] tests: parameters from a source's declared defaults, building a
// source by name, ties as sorted pairs, and binomial tolerances derived from the sample size.
#include <tbb/global_control.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/network/sources.hpp"
#include "sim/errors.hpp"
#include "sim/network.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::test {

/// One parameter override: {"n", std::int64_t{100}} (strings as std::string, not char*).
using ParamOverride = std::pair<std::string, sim::ParamValue>;

/// A source's parameters as the scenario loader would give them: declared defaults, then `values`.
inline sim::ParamSet network_params(const std::string& source,
                                    std::initializer_list<ParamOverride> values) {
  const models::NetworkSource* found = models::find_network_source(source);
  if (!found) throw std::logic_error("no network source " + source);
  sim::ParamSet params;
  for (const auto& spec : found->params)
    if (spec.fallback) params.set(spec.name, *spec.fallback);
  for (const auto& [name, value] : values) params.set(name, value);
  return params;
}

/// Builds `source` with `values` from scenario "test.toml" for a seed and replicate.
inline sim::EdgeList build_network(const std::string& source,
                                   std::initializer_list<ParamOverride> values,
                                   std::uint64_t seed = 42, std::uint32_t replicate = 0) {
  models::SourceContext ctx{"test.toml", seed, replicate};
  return models::find_network_source(source)->build(network_params(source, values), ctx);
}

/// Undirected ties as sorted (low, high) pairs, in sorted order; copies are kept.
inline std::vector<std::pair<sim::AgentId, sim::AgentId>> sorted_ties(const sim::EdgeList& e) {
  std::vector<std::pair<sim::AgentId, sim::AgentId>> ties;
  for (std::size_t i = 0; i < e.u.size(); ++i)
    ties.emplace_back(std::min(e.u[i], e.v[i]), std::max(e.u[i], e.v[i]));
  std::sort(ties.begin(), ties.end());
  return ties;
}

/// Ties as (original id, original id) pairs in listed order: what an importer read.
inline std::vector<std::pair<std::int64_t, std::int64_t>> original_ties(const sim::EdgeList& e) {
  std::vector<std::pair<std::int64_t, std::int64_t>> ties;
  for (std::size_t i = 0; i < e.u.size(); ++i)
    ties.emplace_back(e.original_id.at(e.u[i]), e.original_id.at(e.v[i]));
  return ties;
}

/// Requires two tie lists to be identical, entry for entry.
inline void require_same_ties(const sim::EdgeList& a, const sim::EdgeList& b) {
  REQUIRE(a.n == b.n);
  REQUIRE(a.u == b.u);
  REQUIRE(a.v == b.v);
  REQUIRE(a.w == b.w);
  REQUIRE(a.layer == b.layer);
}

/// Requires `build()` to give the same ties on one thread as on all threads (DESIGN invariant 1).
template <class Build>
void require_thread_count_independent(Build build) {
  sim::EdgeList parallel = build();
  tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
  require_same_ties(build(), parallel);
}

/// Requires `count` within 5 SD of a sum of independent binomials with this mean and variance.
inline void require_within_5sd(double count, double mean, double variance) {
  INFO("count " << count << ", expected " << mean << " +- 5 * " << std::sqrt(variance));
  REQUIRE(std::abs(count - mean) <= 5.0 * std::sqrt(variance));
}

/// Requires `count` within 5 SD of Binomial(trials, p).
inline void require_binomial(double count, double trials, double p) {
  require_within_5sd(count, trials * p, trials * p * (1.0 - p));
}

}  // namespace wellsim::test
