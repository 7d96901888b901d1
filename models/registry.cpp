// The one explicit list of everything a scenario can name (DESIGN: no self-registering statics,
// which static libraries silently drop). Adding a model or a source means adding a line here.
#include "models/registry.hpp"

#include <chrono>

#include "models/community/assemble_community.hpp"
#include "models/interventions/types.hpp"
#include "models/life/life_params.hpp"
#include "models/network/sources.hpp"
#include "models/network/town.hpp"
#include "models/network/villages.hpp"
#include "models/population/census.hpp"
#include "models/population/initial_wellbeing.hpp"
#include "models/population/village_households.hpp"
#include "models/wellbeing/community_wellbeing.hpp"
#include "models/wellbeing/friedkin_johnsen.hpp"
#include "sim/errors.hpp"
#include "sim/timing.hpp"

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
  // Networks of synthesised people: built with the population (models/community).
  names.push_back("town");
  t.variants["town"] = town_params();
  t.variant_help["town"] =
      "multiplex ties of a census population: household, kin, close friends, friends, "
      "workplace and school (needs population.source = \"census\")";
  names.push_back("villages");
  t.variants["villages"] = villages_params();
  t.variant_help["villages"] =
      "people in the households of a real household network (Banerjee et al. 2013 Karnataka "
      "villages; needs population.source = \"village_households\")";
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
  sim::TableSchema t{"population", "who the people are at week 0", initial_wellbeing_params(),
                     "source", {}, {}};
  t.common.insert(t.common.begin(),
                  {"source", ParamType::Choice,
                   "none: agents with wellbeing only (opinion models); census: synthesise people "
                   "from census marginals; village_households: people in the households of a "
                   "household network file",
                   "", std::string("none"), -1e300, 1e300,
                   {"none", "census", "village_households"}});
  t.variants["none"] = {};
  t.variant_help["none"] = "agents carry wellbeing only (consensus teaching, imported networks)";
  t.variants["census"] = census_params();
  t.variant_help["census"] =
      "neighbourhoods, households, ages, work, incomes, tenure and minority status from "
      "England & Wales Census 2021 and ONS marginals";
  t.variants["village_households"] = village_population_params();
  t.variant_help["village_households"] =
      "people in the households of Banerjee et al.'s Karnataka villages, using their attributes";
  return t;
}

sim::TableSchema life_table() {
  return {"life", "weekly life events of the community model: hazards, costs and incomes",
          life_params(), "", {}, {}};
}

sim::TableSchema intervention_table() {
  sim::TableSchema t{"intervention",
                     "a micro, meso or macro intervention ([[intervention]], one table each)",
                     intervention_common_params(),
                     "type",
                     {},
                     {}};
  for (const auto& type : intervention_types()) {
    t.variants[type.name] = type.params;
    t.variant_help[type.name] = std::string(level_name(type.level)) + ": " + type.help;
  }
  t.repeated = true;
  return t;
}

sim::TableSchema wellbeing_table() {
  return {"wellbeing",
          "how wellbeing changes week by week",
          {{"model", ParamType::Choice, "wellbeing dynamics", "",
            std::string("friedkin_johnsen"), -1e300, 1e300, {"friedkin_johnsen", "community"}}},
          "model",
          {{"friedkin_johnsen", FriedkinJohnsen::params()},
           {"community", CommunityWellbeing::params()}},
          {{"friedkin_johnsen",
            "anchored social influence x(t+1) = L W x(t) + (I - L) u (DeGroot when L = 1)"},
           {"community",
            "life satisfaction moves towards a set point shifted by circumstances (Clark et al. "
            "2018) and towards ties' wellbeing (anchored social influence)"}}};
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

}  // namespace

const sim::ScenarioSchema& scenario_schema() {
  static const sim::ScenarioSchema schema = {run_table(),       network_table(),
                                             population_table(), life_table(),
                                             wellbeing_table(),  intervention_table(),
                                             output_table()};
  return schema;
}

void check_scenario(const sim::Scenario& sc) {
  check_community(sc);
  const auto& population = sc.table("population");
  try {
    if (population.string("wellbeing_distribution") == "ons_responses")
      check_response_shares(population.reals("wellbeing_shares"));
    else if (population.real("wellbeing_sd") > 0)
      calibrate_clipped_normal(population.real("wellbeing_mean"), population.real("wellbeing_sd"));
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }
  const auto& run = sc.table("run");
  if (is_community(sc)) {
    // Built in full: intervention targets are checked against the neighbourhoods, and village
    // files are read, so what the run would refuse is found here (about 0.5 s per 100,000).
    assemble_community(sc, static_cast<std::uint64_t>(run.integer("seed")), 0);
    return;
  }
  const NetworkSource* source = find_network_source(sc.variant("network"));
  const auto& net = sc.table("network");
  const SourceContext ctx{sc.path, static_cast<std::uint64_t>(run.integer("seed")),
                          static_cast<std::uint32_t>(run.integer("replicate"))};
  if (source->check) source->check(net, ctx);
  // An imported file is read in full (0.1 s per 5M lines), so a malformed line is found by
  // validate rather than by the run; generators are not built, only their keys checked.
  if (net.has("path")) source->build(net, ctx);
}

Assembled assemble(const sim::Scenario& sc, std::uint64_t seed, std::uint32_t replicate) {
  if (is_community(sc)) return assemble_community(sc, seed, replicate);
  check_community(sc);
  Assembled out;
  const std::string& source_name = sc.variant("network");
  const NetworkSource* source = find_network_source(source_name);
  const auto& net_params = sc.table("network");

  auto t0 = std::chrono::steady_clock::now();
  sim::EdgeList edges = source->build(net_params, SourceContext{sc.path, seed, replicate});
  out.build_seconds = sim::seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  sim::Network net;
  sim::AgentStore agents;
  // Freezing and calibration name only the key ("network.ordering: ...", "population: ..."):
  // the scenario is added here so the message says which file to fix.
  try {
    net = sim::freeze(std::move(edges), sim::parse_ordering(net_params.string("ordering"),
                                                            "network.ordering"));
    out.freeze_seconds = sim::seconds_since(t0);
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
