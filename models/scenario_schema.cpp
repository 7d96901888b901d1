// The scenario schema: see scenario_schema.hpp. Adding a table means adding a line to
// scenario_schema(); a mechanism's keys are declared in its own file.
#include "models/scenario_schema.hpp"

#include <map>

#include "models/community/access.hpp"
#include "models/interventions/intervention_registry.hpp"
#include "models/life/demography.hpp"
#include "models/life/family.hpp"
#include "models/life/life_params.hpp"
#include "models/life/neighbours.hpp"
#include "models/network/sources.hpp"
#include "models/population/census.hpp"
#include "models/population/initial_wellbeing.hpp"
#include "models/population/village_households.hpp"
#include "models/wellbeing/community_wellbeing.hpp"
#include "models/wellbeing/friedkin_johnsen.hpp"

namespace wellsim::models {

const std::vector<ModelChoice>& model_choices() {
  static const std::vector<ModelChoice> models = {
      {"opinion",
       "agents with wellbeing only on a generated or imported network ([network] source), "
       "Friedkin-Johnsen influence: consensus teaching, real networks",
       "none", "", "friedkin_johnsen"},
      {"town",
       "a synthesised census town: people, households, multiplex ties, life events, community "
       "wellbeing and interventions",
       "census", "town", "community"},
      {"villages",
       "people in the households of Banerjee et al.'s 38 Karnataka villages, with the community "
       "model's life events, wellbeing and interventions",
       "village_households", "villages", "community"},
  };
  return models;
}

const sim::ParamTable<RunSettings>& run_table() {
  return sim::declared<RunSettings>([](sim::ParamTable<RunSettings>& t) {
    t.add("name", &RunSettings::name, "unnamed")
        .help("short name of the scenario, shown by inspect and view");
    t.add("caption", &RunSettings::caption, "")
        .help(
            "one or two sentences: the question the scenario answers (shown in presenter "
            "mode)");
    std::vector<std::string> models;
    std::string help = "the model: ";
    for (const auto& m : model_choices()) {
      models.push_back(m.name);
      help += (m.name == model_choices().front().name ? "" : "; ") + m.name + ": " + m.help;
    }
    t.add("model", &RunSettings::model, models.front()).choices(models).help(help);
    t.add("seed", &RunSettings::seed, 1).range(0, 9.0e18).help("seed of every random stream");
    t.add("replicate", &RunSettings::replicate, 0)
        .range(0, 4294967295.0)
        .help("replicate number; replicates share the seed");
    t.add("steps", &RunSettings::steps, 52)
        .range(0, 1e7)
        .unit("weeks")
        .help("number of weekly steps to run");
  });
}

const sim::ParamTable<OutputSettings>& output_table() {
  return sim::declared<OutputSettings>([](sim::ParamTable<OutputSettings>& t) {
    t.add("path", &OutputSettings::path, "")
        .help("run file to write; \"\" means runs/<scenario file name>.h5");
    t.add("record_every", &OutputSettings::record_every, 4)
        .range(1, 1e7)
        .unit("steps")
        .help("record every agent's wellbeing every k-th step (and at the last step)");
    t.add("layout", &OutputSettings::layout, true)
        .help(
            "store node positions for the viewer (force-directed up to 200,000 people: "
            "about 0.7 s for 20,000 people, 2 s for 100,000); false for batch runs");
    t.add("compression", &OutputSettings::compression, 0)
        .range(0, 9)
        .help(
            "deflate compression of the run file's arrays: 0 = none (fastest), 1-9 = smaller "
            "files (about half the size) at the cost of compression time");
  });
}

namespace {

using sim::ParamType;

/// A table with its common keys; selector, variants and model choice are set by the caller.
sim::TableSchema table(std::string name, std::string help, std::vector<sim::ParamSpec> common) {
  sim::TableSchema t;
  t.name = std::move(name);
  t.help = std::move(help);
  t.common = std::move(common);
  return t;
}

sim::TableSchema run_schema() {
  return table("run", "what to run: the model, seed, replicate and length", run_table().specs());
}

/// Which variant of a table each model picks, for the tables a model sets.
std::map<std::string, std::string> variant_by_model(std::string ModelChoice::*part) {
  std::map<std::string, std::string> out;
  for (const auto& m : model_choices())
    if (!(m.*part).empty()) out[m.name] = m.*part;
  return out;
}

sim::TableSchema network_schema() {
  sim::TableSchema t = table("network", "who is tied to whom: a generator or an imported file", {});
  t.selector = "source";
  std::vector<std::string> selectable;
  for (const auto& s : network_sources()) {
    if (s.selectable()) selectable.push_back(s.name);
    t.variants[s.name] = s.params;
    t.variant_help[s.name] = s.help;
  }
  sim::ParamList common;
  common.declare("source", ParamType::Choice, std::string("watts_strogatz"))
      .choices(selectable)
      .help("generator or importer that builds the network (run.model = \"opinion\")");
  common.declare("ordering", ParamType::Choice, std::string("auto"))
      .choices({"auto", "groups", "cuthill_mckee", "none"})
      .help("agent renumbering for memory locality: groups contiguous, or reverse Cuthill-McKee");
  t.common = common.specs();
  t.chosen_by = "run.model";
  t.variant_by_choice = variant_by_model(&ModelChoice::network);
  return t;
}

sim::TableSchema population_schema() {
  sim::TableSchema t =
      table("population", "who the people are at week 0", initial_wellbeing_params());
  t.variants["none"] = {};
  t.variant_help["none"] = "agents carry wellbeing only (consensus teaching, imported networks)";
  t.variants["census"] = census_params();
  t.variant_help["census"] =
      "neighbourhoods, households, ages, work, incomes, tenure and minority status from "
      "England & Wales Census 2021 and ONS marginals";
  t.variants["village_households"] = village_population_params();
  t.variant_help["village_households"] =
      "people in the households of Banerjee et al.'s Karnataka villages, using their attributes";
  t.chosen_by = "run.model";
  t.variant_by_choice = variant_by_model(&ModelChoice::population);
  return t;
}

sim::TableSchema life_schema() {
  return table("life", "weekly life events of the community model: hazards, costs and incomes",
               life_params());
}

sim::TableSchema family_schema() {
  return table("family", "relationship distress and domestic abuse in households (community model)",
               family_params());
}

sim::TableSchema demography_schema() {
  return table("demography", "ageing and deaths at ONS life-table rates (community model)",
               demography_params());
}

sim::TableSchema neighbours_schema() {
  return table("neighbours", "households' trouble with neighbours (community model)",
               neighbours_params());
}

sim::TableSchema intervention_schema() {
  sim::TableSchema t = table(
      "intervention", "a micro, meso or macro intervention ([[intervention]], one table each)",
      intervention_common_params());
  t.selector = "type";
  for (const auto& type : intervention_types()) {
    t.variants[type.name] = type.params;
    t.variant_help[type.name] = std::string(level_name(type.level)) + ": " + type.help;
  }
  t.repeated = true;
  return t;
}

sim::TableSchema wellbeing_schema() {
  sim::TableSchema t = table("wellbeing", "how wellbeing changes week by week", {});
  t.variants = {{"friedkin_johnsen", FriedkinJohnsen::params()},
                {"community", CommunityWellbeing::params()}};
  t.variant_help = {
      {"friedkin_johnsen",
       "anchored social influence x(t+1) = L W x(t) + (I - L) u (DeGroot when L = 1)"},
      {"community",
       "life satisfaction moves towards a set point shifted by circumstances (Clark et al. 2018) "
       "and towards ties' wellbeing (anchored social influence)"}};
  t.chosen_by = "run.model";
  t.variant_by_choice = variant_by_model(&ModelChoice::wellbeing);
  return t;
}

sim::TableSchema access_schema() {
  return table("access",
               "travel times between neighbourhoods and how uptake of a located service falls "
               "with them (community model; off without travel times)",
               Access::table().specs());
}

sim::TableSchema output_schema() {
  return table("output", "what the run file records", output_table().specs());
}

}  // namespace

const sim::ScenarioSchema& scenario_schema() {
  static const sim::ScenarioSchema schema = {
      run_schema(),       network_schema(),      population_schema(), life_schema(),
      wellbeing_schema(), intervention_schema(), access_schema(),     output_schema(),
      family_schema(),    demography_schema(),   neighbours_schema()};
  return schema;
}

}  // namespace wellsim::models
