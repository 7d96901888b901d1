#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/network.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::models {

/// What a network source needs besides its own parameters.
struct SourceContext {
  std::string scenario_path;    ///< for messages ("town.toml")
  std::uint64_t seed = 0;       ///< scenario seed: generators draw from their own Philox stream
  std::uint32_t replicate = 0;  ///< replicate number
};

struct People;

/// How big a generated network will be, known from its keys before it is built.
struct NetworkSize {
  double agents = 0;  ///< agents
  double ties = 0;    ///< expected undirected ties
};

/// A network generator or importer (`[network] source = "<name>"` in a scenario), or the ties of
/// a synthesised population (town, villages), which the scenario's model chooses instead.
struct NetworkSource {
  std::string name;                    ///< scenario value of `source`
  std::string help;                    ///< one sentence for `wellsim list` and the docs
  std::vector<sim::ParamSpec> params;  ///< its keys in [network]: the specs of its ParamTable
  /// Builds the tie list. Errors are sim::InputError naming the file and line. Null for sources
  /// that tie a population's people.
  sim::EdgeList (*build)(const sim::ParamSet& params, const SourceContext& ctx);
  /// Checks rules that tie several keys together (k even and below n, ...) without building, so
  /// `wellsim validate` catches them; null when each key's own range is enough. `build` checks
  /// the same rules through it.
  void (*check)(const sim::ParamSet& params, const SourceContext& ctx) = nullptr;
  /// Ties the people of a synthesised population (agent k is person k); null for generators and
  /// importers, whose agents are the network's nodes.
  sim::EdgeList (*tie_people)(const People& people, const sim::ParamSet& params,
                              const SourceContext& ctx) = nullptr;
  /// Layers of a generated network (wellbeing.layer_weights takes one weight per layer);
  /// importers' files are read to count theirs.
  std::size_t layers = 1;
  /// True when a generator puts its agents in groups (blocks): network.ordering = "groups" needs
  /// them. Importers' files are read to find out.
  bool groups = false;
  /// A generator's agents and expected ties from its keys, for the memory estimate before
  /// anything is built; null for importers (their files are bounded in size) and populations.
  NetworkSize (*size)(const sim::ParamSet& params) = nullptr;
  /// True for the sources a scenario's `source` key may name (the others come with a model).
  bool selectable() const { return tie_people == nullptr; }
};

}  // namespace wellsim::models
