// The scenario schema: see scenario_schema.hpp. Adding a table means adding a line to
// scenario_schema(); a mechanism's keys are declared in its own file.
#include "models/scenario_schema.hpp"

#include "models/interventions/intervention_registry.hpp"
#include "models/life/life_params.hpp"
#include "models/network/sources.hpp"
#include "models/network/town.hpp"
#include "models/network/villages.hpp"
#include "models/population/census.hpp"
#include "models/population/initial_wellbeing.hpp"
#include "models/population/village_households.hpp"
#include "models/wellbeing/community_wellbeing.hpp"
#include "models/wellbeing/friedkin_johnsen.hpp"

namespace wellsim::models {

const sim::ParamTable<RunSettings>& run_table() {
  return sim::declared<RunSettings>([](sim::ParamTable<RunSettings>& t) {
    t.add("name", &RunSettings::name, "unnamed")
        .help("short name of the scenario, shown by inspect and view");
    t.add("caption", &RunSettings::caption, "")
        .help("one or two sentences: the question the scenario answers (shown in presenter "
              "mode)");
    t.add("seed", &RunSettings::seed, 1).range(0, 9.0e18).help("seed of every random stream");
    t.add("replicate", &RunSettings::replicate, 0).range(0, 4294967295.0)
        .help("replicate number; replicates share the seed");
    t.add("steps", &RunSettings::steps, 52).range(0, 1e7).unit("weeks")
        .help("number of weekly steps to run");
  });
}

const sim::ParamTable<OutputSettings>& output_table() {
  return sim::declared<OutputSettings>([](sim::ParamTable<OutputSettings>& t) {
    t.add("path", &OutputSettings::path, "")
        .help("run file to write; \"\" means runs/<scenario file name>.h5");
    t.add("record_every", &OutputSettings::record_every, 4).range(1, 1e7).unit("steps")
        .help("record every agent's wellbeing every k-th step (and at the last step)");
    t.add("layout", &OutputSettings::layout, true)
        .help("store node positions for the viewer (force-directed below 5,000 people per "
              "neighbourhood: about 3 s for 4,000 people); false for batch runs");
    t.add("compression", &OutputSettings::compression, 0).range(0, 9)
        .help("deflate compression of the run file's arrays: 0 = none (fastest), 1-9 = smaller "
              "files (about half the size) at the cost of compression time");
  });
}

namespace {

using sim::ParamSpec;
using sim::ParamType;

sim::TableSchema run_schema() {
  return {"run", "what to run: seed, replicate and length", run_table().specs(), "", {}, {}, false};
}

sim::TableSchema network_schema() {
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

sim::TableSchema population_schema() {
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

sim::TableSchema life_schema() {
  return {"life", "weekly life events of the community model: hazards, costs and incomes",
          life_params(), "", {}, {}};
}

sim::TableSchema intervention_schema() {
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

sim::TableSchema wellbeing_schema() {
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

sim::TableSchema output_schema() {
  return {"output", "what the run file records", output_table().specs(), "", {}, {}, false};
}

}  // namespace

const sim::ScenarioSchema& scenario_schema() {
  static const sim::ScenarioSchema schema = {run_schema(),       network_schema(),
                                             population_schema(), life_schema(),
                                             wellbeing_schema(),  intervention_schema(),
                                             output_schema()};
  return schema;
}

}  // namespace wellsim::models
