// The one explicit list of everything a scenario can name (DESIGN: no self-registering statics,
// which static libraries silently drop). Adding a model or a source means adding a line here.
#include "models/registry.hpp"

#include <chrono>

#include "models/network/sources.hpp"
#include "models/population/initial_wellbeing.hpp"
#include "models/wellbeing/friedkin_johnsen.hpp"
#include "sim/errors.hpp"

namespace wellsim::models {

namespace {

using sim::ParamSpec;
using sim::ParamType;

sim::TableSchema run_table() {
  return {"run",
          "what to run: seed, replicate and length",
          {
              {"name", ParamType::String, "short name of the scenario, shown by inspect and view",
               "", std::string("unnamed")},
              {"caption", ParamType::String,
               "one or two sentences: the question the scenario answers (shown in presenter mode)",
               "", std::string("")},
              {"seed", ParamType::Integer, "seed of every random stream", "", std::int64_t{1}, 0,
               9.0e18},
              {"replicate", ParamType::Integer, "replicate number; replicates share the seed", "",
               std::int64_t{0}, 0, 4294967295.0},
              {"steps", ParamType::Integer, "number of weekly steps to run", "weeks",
               std::int64_t{52}, 0, 1e7},
          },
          "",
          {},
          {}};
}

sim::TableSchema network_table() {
  sim::TableSchema t{"network", "who is tied to whom: a generator or an imported file", {}, "source",
                     {}, {}};
  std::vector<std::string> names;
  for (const auto& s : network_sources()) {
    names.push_back(s.name);
    t.variants[s.name] = s.params;
    t.variant_help[s.name] = s.help;
  }
  t.common = {
      {"source", ParamType::Choice, "generator or importer that builds the network", "",
       std::string("watts_strogatz"), -1e300, 1e300, names},
      {"ordering", ParamType::Choice,
       "agent renumbering for memory locality: groups contiguous, or reverse Cuthill-McKee", "",
       std::string("auto"), -1e300, 1e300, {"auto", "groups", "cuthill_mckee", "none"}},
  };
  return t;
}

sim::TableSchema population_table() {
  return {"population", "who the people are at week 0", initial_wellbeing_params(), "", {}, {}};
}

sim::TableSchema wellbeing_table() {
  return {"wellbeing",
          "how wellbeing changes week by week",
          {{"model", ParamType::Choice, "wellbeing dynamics", "",
            std::string("friedkin_johnsen"), -1e300, 1e300, {"friedkin_johnsen"}}},
          "model",
          {{"friedkin_johnsen", FriedkinJohnsen::params()}},
          {{"friedkin_johnsen",
            "anchored social influence x(t+1) = L W x(t) + (I - L) u (DeGroot when L = 1)"}}};
}

sim::TableSchema output_table() {
  return {"output",
          "what the run file records",
          {
              {"path", ParamType::String,
               "run file to write; \"\" means runs/<scenario file name>.h5", "", std::string("")},
              {"record_every", ParamType::Integer,
               "record every agent's wellbeing every k-th step (and at the last step)", "steps",
               std::int64_t{4}, 1, 1e7},
              {"layout", ParamType::Boolean,
               "store node positions for the viewer (force-directed below 5,000 people per "
               "neighbourhood: about 3 s for 4,000 people); false for batch runs",
               "", true},
              {"compression", ParamType::Integer,
               "deflate compression of the run file's arrays: 0 = none (fastest), 1-9 = smaller "
               "files (about half the size) at the cost of compression time",
               "", std::int64_t{0}, 0, 9},
          },
          "",
          {},
          {}};
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

const sim::ScenarioSchema& scenario_schema() {
  static const sim::ScenarioSchema schema = {run_table(), network_table(), population_table(),
                                             wellbeing_table(), output_table()};
  return schema;
}

void check_scenario(const sim::Scenario& sc) {
  const NetworkSource* source = find_network_source(sc.variant("network"));
  const auto& run = sc.table("run");
  const auto& net = sc.table("network");
  const SourceContext ctx{sc.path, static_cast<std::uint64_t>(run.integer("seed")),
                          static_cast<std::uint32_t>(run.integer("replicate"))};
  if (source->check) source->check(net, ctx);
  // An imported file is read in full (0.1 s per 5M lines), so a malformed line is found by
  // validate rather than by the run; generators are not built, only their keys checked.
  if (net.has("path")) source->build(net, ctx);
  const auto& population = sc.table("population");
  if (population.real("wellbeing_sd") > 0) try {
      calibrate_clipped_normal(population.real("wellbeing_mean"), population.real("wellbeing_sd"));
    } catch (const sim::InputError& e) {
      throw sim::InputError(sim::where(sc.path) + e.what());
    }
}

Assembled assemble(const sim::Scenario& sc, std::uint64_t seed, std::uint32_t replicate) {
  Assembled out;
  const std::string& source_name = sc.variant("network");
  const NetworkSource* source = find_network_source(source_name);
  const auto& net_params = sc.table("network");

  auto t0 = std::chrono::steady_clock::now();
  sim::EdgeList edges = source->build(net_params, SourceContext{sc.path, seed, replicate});
  out.build_seconds = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  sim::Network net;
  sim::AgentStore agents;
  // Freezing and calibration name only the key ("network.ordering: ...", "population: ..."):
  // the scenario is added here so the message says which file to fix.
  try {
    net = sim::freeze(std::move(edges), sim::parse_ordering(net_params.string("ordering"),
                                                            "network.ordering"));
    out.freeze_seconds = seconds_since(t0);
    agents.resize(net.size());
    assign_initial_wellbeing(agents, net, sc.table("population"), seed, replicate);
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }

  const auto& wb = sc.table("wellbeing");
  std::fill(agents.susceptibility.begin(), agents.susceptibility.end(),
            static_cast<float>(wb.real("susceptibility")));
  std::vector<float> layer_weights;
  for (double w : wb.reals("layer_weights")) layer_weights.push_back(static_cast<float>(w));
  if (!layer_weights.empty() && layer_weights.size() != net.layer_names.size())
    throw sim::InputError(sc.path + ": wellbeing.layer_weights: expected " +
                          std::to_string(net.layer_names.size()) + " weights (one per layer of the " +
                          source_name + " network), found " + std::to_string(layer_weights.size()));
  auto model = std::make_unique<FriedkinJohnsen>(net, std::move(layer_weights));
  out.engine = std::make_unique<sim::Engine>(std::move(net), std::move(agents), seed, replicate);
  out.engine->add(std::move(model));
  return out;
}

}  // namespace wellsim::models
