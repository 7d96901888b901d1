#pragma once
// A tiny hand-made run (5 agents, a ring with one chord on a second layer) shared by the
// [output] tests, so each test states only what it checks.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "output/run_info.hpp"
#include "output/run_writer.hpp"
#include "sim/agent_store.hpp"
#include "sim/network.hpp"

namespace wellsim::test {

/// Ring 0-1-2-3-4-0 plus the chord 1-3 on layer "friendship"; weights when `weighted`.
inline sim::Network small_network(bool weighted) {
  sim::Network net;
  net.offsets = {0, 2, 5, 7, 10, 12};
  net.neighbours = {1, 4, 0, 2, 3, 1, 3, 1, 2, 4, 0, 3};
  net.layer = {0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0};
  if (weighted)
    for (std::size_t e = 0; e < net.neighbours.size(); ++e) net.weight.push_back(0.5f + 0.25f * e);
  net.layer_names = {"household", "friendship"};
  net.original_id = {100, 101, 102, 103, -7};
  net.group = {0, 0, 1, 1, -1};
  net.group_names = {"Bacup", "Weir"};
  return net;
}

/// Five agents spread over the ONS scale.
inline sim::AgentStore small_agents() {
  sim::AgentStore a;
  a.resize(5);
  a.wellbeing = {1.5f, 3.0f, 5.25f, 7.0f, 9.5f};
  a.initial_wellbeing = a.wellbeing;
  a.susceptibility = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
  return a;
}

/// A deterministic, step-dependent change so every step's values differ.
inline void advance(sim::AgentStore& a, std::uint32_t step) {
  for (std::size_t i = 0; i < a.size(); ++i)
    a.wellbeing[i] = std::fmod(a.wellbeing[i] + 0.37f * float(step) + 0.11f * float(i), 10.0f);
}

/// A RunInfo with every field set to something recognisable.
inline output::RunInfo small_info(std::uint32_t steps_planned) {
  output::RunInfo info;
  info.scenario_path = "scenarios/tiny.toml";
  info.scenario_text = "# tiny\n[run]\nsteps = 10\nnote = \"caf\xc3\xa9\"\n";
  info.effective_scenario = "[run]\nsteps = 10\nseed = 42\n";
  info.scenario_hash = "0123456789abcdef";
  info.overrides = {"run.seed=42", "network.k=4"};
  info.seed = 0xFEDCBA9876543210ull;
  info.replicate = 3;
  info.threads = 2;
  info.steps_planned = steps_planned;
  info.model = "friedkin_johnsen";
  info.network_source = "edge_list";
  info.parameters = {
      {"run.steps", "10"}, {"network.ordering", "\"auto\""}, {"wellbeing.lambda", "[0.1, 0.2]"}};
  return info;
}

/// Writes steps 0..`steps` of the small run and returns the wellbeing at every step; calls
/// on_finish only when `finish` is set (otherwise the writer is dropped as if the run died).
inline std::vector<std::vector<float>> write_small_run(const std::string& path,
                                                       std::uint32_t steps_planned,
                                                       std::uint32_t steps,
                                                       const output::WriterOptions& opts,
                                                       bool finish = true, bool weighted = true) {
  output::RunWriter writer(path, small_info(steps_planned), opts);
  sim::AgentStore agents = small_agents();
  std::vector<std::vector<float>> history{agents.wellbeing};
  writer.on_start(small_network(weighted), agents, {});
  for (std::uint32_t s = 1; s <= steps; ++s) {
    advance(agents, s);
    history.push_back(agents.wellbeing);
    writer.on_step(s, agents, {});
  }
  if (finish) writer.on_finish(steps);
  return history;
}

}  // namespace wellsim::test
