#pragma once
// A small experiment over the cost-of-living scenarios: 1,000 people, 20 weeks, two warm-space
// capacities, two replicates — 8 tasks that run in about a second.
#include <string>

#include "tests/test_support.hpp"

namespace wellsim::test {

/// The experiment's text; `extra` is appended (more [[factor]] tables, a [design]).
inline std::string tiny_experiment(const std::string& name = "tiny", const std::string& extra = "",
                                   int replicates = 2) {
  return "[experiment]\nname = \"" + name + "\"\nscenarios = [\"" +
         source_path("scenarios/cost_of_living_shock.toml") + "\", \"" +
         source_path("scenarios/cost_of_living_support.toml") +
         "\"]\nbaseline = \"cost_of_living_shock\"\nreplicates = " + std::to_string(replicates) +
         "\nseed = 3\n\n[set]\nrun.steps = 20\npopulation.sizes = [200, 200, 200, 200, 200]\n\n"
         "[[factor]]\nname = \"intervention.warm_spaces.capacity\"\nvalues = [50, 400]\n" +
         extra;
}

}  // namespace wellsim::test
