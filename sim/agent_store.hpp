#pragma once
#include <cstdint>
#include <vector>

namespace wellsim::sim {

/// Per-agent state as a struct of arrays (DESIGN invariant 5): a step streams only the columns it
/// uses. Agent i is index i in every column, after the network's renumbering.
///
/// Wellbeing is double-buffered (DESIGN invariant 3): during a step every agent reads
/// `wellbeing` (the previous state) and writes its own slot of `wellbeing_next`; the engine swaps
/// the two at the step boundary, so no agent ever sees a half-updated neighbour. The wellbeing
/// model writes every agent's slot every step, so the swap never publishes a stale value.
struct AgentStore {
  std::vector<float> wellbeing;          ///< life satisfaction now, ONS scale 0-10
  std::vector<float> wellbeing_next;     ///< the slot each agent writes during a step
  std::vector<float> initial_wellbeing;  ///< week-0 value; the Friedkin-Johnsen anchor u
  std::vector<float> susceptibility;     ///< lambda_i in [0,1]: weight on others' opinions

  /// Number of agents.
  std::size_t size() const { return wellbeing.size(); }
  /// Sizes every column for n agents (values zero).
  void resize(std::size_t n) {
    wellbeing.assign(n, 0.f);
    wellbeing_next.assign(n, 0.f);
    initial_wellbeing.assign(n, 0.f);
    susceptibility.assign(n, 0.f);
  }
  /// Publishes the step's writes: what was written to `wellbeing_next` becomes the state.
  void commit() { wellbeing.swap(wellbeing_next); }
};

}  // namespace wellsim::sim
