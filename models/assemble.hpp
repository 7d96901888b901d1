#pragma once
// A validated scenario turned into a ready engine: the top of models/, above every mechanism it
// assembles (network sources, populations, life events, wellbeing models, interventions).
#include <memory>
#include <string>
#include <vector>

#include "models/network/network_source.hpp"
#include "models/scenario_schema.hpp"
#include "sim/engine.hpp"
#include "sim/scenario.hpp"

namespace wellsim::models {

/// A scenario turned into a ready engine: network built and frozen, agents initialised, the
/// wellbeing model added.
struct Assembled {
  std::unique_ptr<sim::Engine> engine;  ///< ready to run
  double build_seconds = 0;             ///< time to build the network (load or generate)
  double freeze_seconds = 0;            ///< time to freeze and renumber it
};

/// Checks the rules a scenario's keys cannot check one by one (a generator's k even and below n,
/// the wellbeing calibration) and reads imported network files, without generating anything.
/// Throws sim::InputError naming the scenario (or the network file), line and key.
void check_scenario(const sim::Scenario& scenario);

/// Builds everything a scenario describes. Errors are sim::InputError naming the scenario.
[[nodiscard]] Assembled assemble(const sim::Scenario& scenario, std::uint64_t seed,
                                 std::uint32_t replicate);

}  // namespace wellsim::models
