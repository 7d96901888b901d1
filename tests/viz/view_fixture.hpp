#pragma once
// A small run with a hand-placed layout for the [viz] command-line tests: 24 people on a 6 x 4
// grid (far apart, so every node's centre pixel is its own), wellbeing spread over 0-10; people
// 0-11 live in "Low Town" (the bottom two rows), 12-23 in "High Town".
#include <string>

#include "output/run_writer.hpp"
#include "tests/output/run_fixture.hpp"

namespace wellsim::test {

/// Writes the grid run to `path`: 8 steps recorded every 4; each step adds `shift` times a
/// per-person amount (shift 0 gives the baseline of a shift-1 run).
inline void write_grid_run(const std::string& path, float shift) {
  constexpr std::uint32_t kN = 24;
  sim::EdgeList e;
  e.n = kN;
  for (std::uint32_t i = 0; i < kN; ++i) e.u.push_back(i), e.v.push_back((i + 1) % kN);
  for (std::uint32_t i = 0; i < kN; ++i) e.group.push_back(i < 12 ? 0 : 1);
  e.group_names = {"Low Town", "High Town"};
  const sim::Network net = sim::freeze(e, sim::Ordering::None);
  sim::AgentStore agents;
  agents.resize(kN);
  std::vector<float> x, y;
  for (std::uint32_t i = 0; i < kN; ++i) {
    agents.wellbeing[i] = 10.0f * float(i) / float(kN - 1);
    x.push_back(float(i % 6) - 2.5f), y.push_back(float(i / 6) - 1.5f);
  }
  agents.initial_wellbeing = agents.wellbeing;
  agents.susceptibility.assign(kN, 0.5f);
  output::WriterOptions opts;
  opts.record_every = 4;
  output::RunInfo info = small_info(8);
  info.parameters["run.name"] = "\"grid\"";
  output::RunWriter writer(path, info, opts);
  writer.set_layout(x, y);
  writer.on_start(net, agents, {});
  for (std::uint32_t s = 1; s <= 8; ++s) {
    for (std::uint32_t i = 0; i < kN; ++i)
      agents.wellbeing[i] += shift * 0.02f * float(int(i % 7) - 3);
    writer.on_step(s, agents, {});
  }
  writer.on_finish(8);
}

}  // namespace wellsim::test
