// Assembly of a scenario: see assemble.hpp. Community scenarios (people, life events,
// interventions) are assembled by assemble_community.cpp; opinion scenarios here.
#include "models/assemble.hpp"

#include <algorithm>
#include <chrono>

#include "models/assemble_community.hpp"
#include "models/memory_estimate.hpp"
#include "models/network/sources.hpp"
#include "models/population/initial_wellbeing.hpp"
#include "models/wellbeing/friedkin_johnsen.hpp"
#include "sim/errors.hpp"
#include "sim/timing.hpp"

namespace wellsim::models {

namespace {

/// The rules of an opinion scenario that need its network's shape (its layers, whether it has
/// groups), checked the same way by validate (from the source's declaration or the imported
/// file) and by run (from the tie list): validate passes exactly what run accepts.
void check_network_shape(const sim::Scenario& sc, std::size_t layers, bool groups) {
  const std::string& source = sc.variant("network");
  if (sc.table("network").string("ordering") == "groups" && !groups)
    throw sim::InputError(sim::where(sc.path) + "network.ordering: 'groups' needs a source " +
                          "that knows groups, and this " + source +
                          " network has none; use 'auto' or 'none'");
  const std::vector<double>& weights =
      FriedkinJohnsen::table().read(sc.table("wellbeing")).layer_weights;
  if (weights.empty()) return;
  if (weights.size() != layers)
    throw sim::InputError(sim::where(sc.path) + "wellbeing.layer_weights: expected " +
                          std::to_string(layers) + " weights (one per layer of the " + source +
                          " network), found " + std::to_string(weights.size()));
  if (*std::max_element(weights.begin(), weights.end()) <= 0)
    throw sim::InputError(sim::where(sc.path) +
                          "wellbeing.layer_weights: expected at least one positive weight, "
                          "found all 0 (no tie would count)");
}

/// The layers of a tie list (a source that names none has one).
std::size_t layer_count(const sim::EdgeList& edges) {
  return edges.layer_names.empty() ? 1 : edges.layer_names.size();
}

}  // namespace

void check_scenario(const sim::Scenario& sc) {
  check_community(sc);
  check_memory(sc);
  try {
    check_initial_wellbeing(sc.table("population"));
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }
  const RunSettings run = run_settings(sc);
  if (is_community(sc)) {
    // Built in full: intervention targets are checked against the neighbourhoods, and village
    // files are read, so what the run would refuse is found here (about 0.5 s per 100,000).
    [[maybe_unused]] const Assembled built = assemble_community(sc, run.seed, 0);
    return;
  }
  const NetworkSource* source = find_network_source(sc.variant("network"));
  const auto& net = sc.table("network");
  const SourceContext ctx{sc.path, run.seed, run.replicate};
  if (source->check) source->check(net, ctx);
  // An imported file is read in full (0.1 s per 5M lines), so a malformed line is found by
  // validate rather than by the run; generators are not built, only their keys checked.
  if (!net.has("path")) return check_network_shape(sc, source->layers, source->groups);
  const sim::EdgeList edges = source->build(net, ctx);
  check_network_shape(sc, layer_count(edges), !edges.group.empty());
}

Assembled assemble(const sim::Scenario& sc, std::uint64_t seed, std::uint32_t replicate) {
  if (is_community(sc)) return assemble_community(sc, seed, replicate);
  check_community(sc);
  check_memory(sc);
  Assembled out;
  const std::string& source_name = sc.variant("network");
  const NetworkSource* source = find_network_source(source_name);
  const auto& net_params = sc.table("network");

  auto t0 = std::chrono::steady_clock::now();
  sim::EdgeList edges = source->build(net_params, SourceContext{sc.path, seed, replicate});
  out.build_seconds = sim::seconds_since(t0);
  check_network_shape(sc, layer_count(edges), !edges.group.empty());
  t0 = std::chrono::steady_clock::now();
  sim::Network net;
  sim::AgentStore agents;
  // Freezing and calibration name only the key ("network.ordering: ...", "population: ..."):
  // the scenario is added here so the message says which file to fix.
  try {
    net = sim::freeze(std::move(edges),
                      sim::parse_ordering(net_params.string("ordering"), "network.ordering"));
    out.freeze_seconds = sim::seconds_since(t0);
    agents.resize(net.size());
    assign_initial_wellbeing(agents, net, sc.table("population"), seed, replicate);
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }

  const FriedkinJohnsenParams wb = FriedkinJohnsen::table().read(sc.table("wellbeing"));
  std::fill(agents.susceptibility.begin(), agents.susceptibility.end(),
            static_cast<float>(wb.susceptibility));
  std::vector<float> layer_weights(wb.layer_weights.begin(), wb.layer_weights.end());
  auto model = std::make_unique<FriedkinJohnsen>(net, std::move(layer_weights));
  out.engine = std::make_unique<sim::Engine>(std::move(net), std::move(agents), seed, replicate);
  out.engine->add(std::move(model));
  return out;
}

}  // namespace wellsim::models
