#pragma once
// Small hand-made run files with known answers for the [analysis] tests: every agent's
// wellbeing at every step, a cost series, intervention events and a network, all chosen by the
// test, written with output::RunWriter as `wellsim run` would.
#include <map>
#include <string>
#include <vector>

#include "analysis/comparison.hpp"
#include "output/run_writer.hpp"
#include "sim/agent_store.hpp"
#include "sim/ledger.hpp"
#include "sim/network.hpp"
#include "tests/test_support.hpp"

namespace wellsim::test {

/// One fake run.
struct FakeRun {
  std::string name = "base";                  ///< run.name (the set is keyed by it and seed)
  std::uint64_t seed = 1;                     ///< scenario seed
  std::uint32_t replicate = 0;                ///< replicate number
  std::vector<std::string> interventions;     ///< intervention names in the parameters
  std::vector<std::vector<float>> wellbeing;  ///< [step][agent], step 0 first
  std::vector<double> cost;                   ///< "policy/grant/cost" per step (may be empty)
  std::vector<sim::Event> events;             ///< kinds index into event_kinds
  std::vector<std::string> event_kinds;       ///< e.g. "intervention/grant/start"
  std::vector<std::int64_t> ids;              ///< original ids (default 100 + i)
  sim::Network network;                       ///< default: no ties
  std::map<std::string, std::vector<double>> series;  ///< more series by name, per step
  /// Week-0 ages: when given, the file holds people (/people, one household each); a "death"
  /// event then marks its agent absent from its step on, as [demography] does.
  std::vector<std::uint8_t> ages;
};

/// The person columns and codes of a fake run with `ages` (one-person households).
inline void fake_people(sim::AgentStore& agents, output::WriterOptions& opts,
                        const std::vector<std::uint8_t>& ages) {
  agents.resize_people(ages.size());
  agents.age = ages;
  for (std::size_t i = 0; i < ages.size(); ++i) agents.household[i] = static_cast<std::uint32_t>(i);
  agents.present.assign(ages.size(), 1);
  opts.people_codes = {{"lonely"}, {"child", "employed"}, {"owner"}, {"minority"}};
}

/// A network of `n` agents with the undirected ties `edges`, one neighbourhood "Town".
inline sim::Network fake_network(
    std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
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
  info.effective_scenario = "[run]\nname = \"" + run.name +
                            "\"\nseed = " + std::to_string(run.seed) +
                            "\nreplicate = " + std::to_string(run.replicate) + "\n";
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
  // The typed records `wellsim run` writes beside the text (/parameters, /interventions).
  info.typed_parameters.push_back({"run.name", run.name, sim::ParamType::String, "", "name"});
  for (const auto& name : run.interventions)
    info.interventions.push_back(
        {name, "grant", "micro", 1, output::kToTheEnd, {}, {}, {{"name", sim::ParamValue(name)}}});
  output::WriterOptions opts;
  opts.record_every = 1;
  opts.overwrite = true;
  sim::AgentStore agents;
  agents.resize(n);
  if (!run.ages.empty()) fake_people(agents, opts, run.ages);
  output::RunWriter writer(path, info, opts);

  sim::Network net = run.network.offsets.empty() ? fake_network(n, {}) : run.network;
  net.original_id = run.ids;
  if (net.original_id.empty())
    for (std::size_t i = 0; i < n; ++i)
      net.original_id.push_back(static_cast<std::int64_t>(100 + i));
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
      if (e.step == s) {
        ledger.record(e);
        if (!run.ages.empty() && run.event_kinds[e.kind] == "death") agents.present[e.agent] = 0;
      }
    agents.wellbeing = run.wellbeing[s];
    writer.on_step(s, agents, ledger);
  }
  writer.on_finish(steps);
}

/// `steps`+1 rows of `n` agents all at `value`.
inline std::vector<std::vector<float>> flat(std::size_t steps, std::size_t n, float value) {
  return std::vector<std::vector<float>>(steps + 1, std::vector<float>(n, value));
}

/// Two paired replicates of three people in a line: the policy "grant" reaches person 0 in
/// week 2 and lifts persons 0 and 1 at a cost of 50 (+ replicate) a week; `baseline_name` is the
/// baseline's run.name.
inline analysis::PolicyComparison grant_comparison(const TempDir& dir,
                                                   const std::string& baseline_name = "base") {
  std::vector<std::string> base, pol;
  for (std::uint32_t r = 0; r < 2; ++r) {
    FakeRun b;
    b.name = baseline_name;
    b.replicate = r;
    b.wellbeing = flat(4, 3, 6.0f);
    b.network = fake_network(3, {{0, 1}, {1, 2}});
    b.event_kinds = {"intervention/grant/start"};
    base.push_back(dir.file("b" + std::to_string(r) + ".h5"));
    write_fake(base.back(), b);
    FakeRun p = b;
    p.name = "policy";
    p.interventions = {"grant"};
    p.events = {{2, 0, sim::kNoAgent, 0, 0}};
    p.cost.assign(5, 50.0 + r);
    for (std::size_t s = 2; s <= 4; ++s) p.wellbeing[s] = {6.5f, 6.25f + 0.125f * r, 6.0f};
    pol.push_back(dir.file("p" + std::to_string(r) + ".h5"));
    write_fake(pol.back(), p);
  }
  return analysis::compare(analysis::load_run_set(base), analysis::load_run_set(pol), {});
}

}  // namespace wellsim::test
