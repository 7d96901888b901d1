// Builds output::RunInfo for `wellsim run`: the bridge from models/ (the scenario schema and the
// intervention registry) to the run file, kept above output and models so output/ never includes
// models/ (DESIGN layering).
#include "batch/run_info.hpp"

#include <map>

#include "models/assemble.hpp"
#include "models/interventions/intervention_registry.hpp"

namespace wellsim::batch {

namespace {

/// The declarations of table `name` that apply with selector value `variant` ("" for none).
std::vector<sim::ParamSpec> specs_of(const sim::ScenarioSchema& schema, const std::string& name,
                                     const std::string& variant) {
  for (const sim::TableSchema& t : schema) {
    if (t.name != name) continue;
    std::vector<sim::ParamSpec> specs = t.common;
    if (const auto it = t.variants.find(variant); it != t.variants.end())
      specs.insert(specs.end(), it->second.begin(), it->second.end());
    return specs;
  }
  return {};
}

/// One record per value of `values`, described by `specs` (a key without a declaration, which
/// validation rules out, is stored as a string without unit or help).
void add_records(std::vector<output::ParameterRecord>& out, const std::string& prefix,
                 const sim::ParamSet& values, const std::vector<sim::ParamSpec>& specs) {
  for (const auto& [key, value] : values.values()) {
    output::ParameterRecord r;
    r.key = prefix + key;
    r.value = value;
    if (const sim::ParamSpec* spec = sim::find_spec(specs, key)) {
      r.type = spec->type;
      r.unit = spec->unit;
      r.help = spec->help;
    }
    out.push_back(std::move(r));
  }
}

}  // namespace

std::vector<output::ParameterRecord> parameter_records(const sim::Scenario& sc,
                                                       const sim::ScenarioSchema& schema) {
  std::vector<output::ParameterRecord> out;
  for (const auto& [table, values] : sc.tables) {
    const auto v = sc.variants.find(table);
    add_records(out, table + ".", values,
                specs_of(schema, table, v == sc.variants.end() ? "" : v->second));
  }
  for (const auto& [table, entries] : sc.lists)
    for (std::size_t k = 0; k < entries.size(); ++k)
      add_records(out, table + "[" + std::to_string(k + 1) + "].", entries[k].values,
                  specs_of(schema, table, entries[k].variant));
  return out;
}

std::vector<output::InterventionRecord> intervention_records(const sim::Scenario& sc) {
  std::vector<output::InterventionRecord> out;
  for (const sim::ListEntry& e : sc.list("intervention")) {
    const sim::ParamSet& v = e.values;
    output::InterventionRecord r;
    r.type = e.variant;
    r.name = models::intervention_name(e);
    if (const models::InterventionType* type = models::find_intervention_type(r.type))
      r.level = models::level_name(type->level);
    r.start_week = v.integer("start_week");
    r.end_week =
        v.integer("end_week") >= models::kForever ? output::kToTheEnd : v.integer("end_week");
    r.neighbourhoods = v.strings("target.neighbourhoods");
    r.filter = v.strings("target.filter");
    for (const auto& [key, value] : v.values()) r.parameters.emplace_back(key, value);
    out.push_back(std::move(r));
  }
  return out;
}

output::RunInfo run_info(const sim::Scenario& sc, unsigned threads) {
  const auto& schema = models::scenario_schema();
  const models::RunSettings run = models::run_settings(sc);
  output::RunInfo info;
  info.scenario_path = sc.path;
  info.scenario_text = sc.text;
  info.effective_scenario = sc.effective_toml(schema);
  info.scenario_hash = sc.hash(schema);
  info.overrides = sc.overrides;
  info.seed = run.seed;
  info.replicate = run.replicate;
  info.threads = threads;
  info.steps_planned = run.steps;
  info.model = sc.variant("wellbeing");
  info.network_source = sc.variant("network");
  for (const auto& [table, values] : sc.tables)
    for (const auto& [key, value] : values.values())
      info.parameters[table + "." + key] = sim::to_text(value);
  for (const auto& [table, entries] : sc.lists)
    for (std::size_t k = 0; k < entries.size(); ++k)
      for (const auto& [key, value] : entries[k].values.values())
        info.parameters[table + "[" + std::to_string(k + 1) + "]." + key] = sim::to_text(value);
  info.typed_parameters = parameter_records(sc, schema);
  info.interventions = intervention_records(sc);
  return info;
}

}  // namespace wellsim::batch
