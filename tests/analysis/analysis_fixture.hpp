#pragma once
// Small hand-made run files with known answers for the [analysis] tests: every agent's
// wellbeing at every step, a cost series, intervention events and a network, all chosen by the
// test, written with output::RunWriter as `wellsim run` would.
#include <map>
#include <string>
#include <vector>

#include "output/run_writer.hpp"
#include "sim/agent_store.hpp"
#include "sim/ledger.hpp"
#include "sim/network.hpp"

namespace wellsim::test {

/// One fake run.
struct FakeRun {
  std::string name = "base";                     ///< run.name (the set is keyed by it and seed)
  std::uint64_t seed = 1;                        ///< scenario seed
  std::uint32_t replicate = 0;                   ///< replicate number
  std::vector<std::string> interventions;        ///< intervention names in the parameters
  std::vector<std::vector<float>> wellbeing;     ///< [step][agent], step 0 first
  std::vector<double> cost;                      ///< "policy/grant/cost" per step (may be empty)
  std::vector<sim::Event> events;                ///< kinds index into event_kinds
  std::vector<std::string> event_kinds;          ///< e.g. "intervention/grant/start"
  std::vector<std::int64_t> ids;                 ///< original ids (default 100 + i)
  sim::Network network;                          ///< default: no ties
  std::map<std::string, std::vector<double>> series;  ///< more series by name, per step
};

/// A network of `n` agents with the undirected ties `edges`, one neighbourhood "Town".
inline sim::Network fake_network(std::size_t n,
                                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  std::vector<std::vector<std::uint32_t>> adj(n);
  for (auto [a, b] : edges) adj[a].push_back(b), adj[b].push_back(a);
  sim::Network net;
  net.offsets.push_back(0);
  for (auto& row : adj) {
    std::sort(row.begin(), row.end());
    for (auto v : row) net.neighbours.push_back(v), net.layer.push_back(0);
    net.offsets.push_back(net.neighbours.size());
  }
  net.layer_names = {"friendship"};
  net.group.assign(n, 0);
  net.group_names = {"Town"};
  return net;
}

/// Writes `run` to `path` (every step recorded).
inline void write_fake(const std::string& path, FakeRun run) {
  const std::size_t n = run.wellbeing.front().size();
  const auto steps = static_cast<std::uint32_t>(run.wellbeing.size() - 1);
  output::RunInfo info;
  info.scenario_path = run.name + ".toml";
  info.scenario_text = "[run]\nname = \"" + run.name + "\"\n";
  info.effective_scenario = "[run]\nname = \"" + run.name + "\"\nseed = " +
                            std::to_string(run.seed) + "\nreplicate = " +
                            std::to_string(run.replicate) + "\n";
  info.scenario_hash = run.name + std::to_string(run.seed) + "r" + std::to_string(run.replicate);
  info.seed = run.seed;
  info.replicate = run.replicate;
  info.threads = 1;
  info.steps_planned = steps;
  info.model = "community";
  info.network_source = "test";
  info.parameters["run.name"] = "\"" + run.name + "\"";
  for (std::size_t k = 0; k < run.interventions.size(); ++k)
    info.parameters["intervention[" + std::to_string(k + 1) + "].name"] =
        "\"" + run.interventions[k] + "\"";
  output::WriterOptions opts;
  opts.record_every = 1;
  opts.overwrite = true;
  output::RunWriter writer(path, info, opts);

  sim::Network net = run.network.offsets.empty() ? fake_network(n, {}) : run.network;
  net.original_id = run.ids;
  if (net.original_id.empty())
    for (std::size_t i = 0; i < n; ++i) net.original_id.push_back(static_cast<std::int64_t>(100 + i));
  sim::AgentStore agents;
  agents.resize(n);
  agents.wellbeing = run.wellbeing[0];
  agents.initial_wellbeing = run.wellbeing[0];
  sim::Ledger ledger;
  const auto cost = ledger.add_series("policy/grant/cost");
  std::vector<std::pair<std::size_t, const std::vector<double>*>> more;
  for (const auto& [name, values] : run.series) more.emplace_back(ledger.add_series(name), &values);
  for (const auto& k : run.event_kinds) ledger.add_event_kind(k);
  writer.on_start(net, agents, ledger);
  for (std::uint32_t s = 1; s <= steps; ++s) {
    ledger.begin_step();
    ledger.set(cost, s < run.cost.size() ? run.cost[s] : 0.0);
    for (const auto& [k, values] : more) ledger.set(k, s < values->size() ? (*values)[s] : 0.0);
    for (const auto& e : run.events)
      if (e.step == s) ledger.record(e);
    agents.wellbeing = run.wellbeing[s];
    writer.on_step(s, agents, ledger);
  }
  writer.on_finish(steps);
}

/// `steps`+1 rows of `n` agents all at `value`.
inline std::vector<std::vector<float>> flat(std::size_t steps, std::size_t n, float value) {
  return std::vector<std::vector<float>>(steps + 1, std::vector<float>(n, value));
}

}  // namespace wellsim::test
