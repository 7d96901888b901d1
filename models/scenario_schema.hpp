#pragma once
// Every table and key a scenario may have: the one source of truth for validation, `wellsim
// list`, docs/scenario-reference.md and the run file's parameter attributes. The tables of the
// mechanisms (life events, wellbeing models, network sources, populations, interventions) are
// declared in their own files; this file lists them and declares the two that belong to the run
// itself, [run] and [output].
#include <cstdint>
#include <string>
#include <vector>

#include "sim/param_table.hpp"
#include "sim/scenario.hpp"

namespace wellsim::models {

/// Every table and key a scenario may have, in the order they are documented.
const sim::ScenarioSchema& scenario_schema();

/// One choice of model: `[run] model = "<name>"` picks the population, the network and the
/// wellbeing dynamics together, so they cannot disagree.
struct ModelChoice {
  std::string name;        ///< value of run.model
  std::string help;        ///< one sentence for `wellsim list` and the docs
  std::string population;  ///< variant of [population]
  std::string network;     ///< network source; "" leaves it to [network] source
  std::string wellbeing;   ///< variant of [wellbeing]
};

/// Every model a scenario can choose, the default first.
const std::vector<ModelChoice>& model_choices();

/// The keys of [run]: what to run.
struct RunSettings {
  std::string name;             ///< short name of the scenario
  std::string caption;          ///< the question it answers (presenter mode)
  std::string model;            ///< a ModelChoice name
  std::uint64_t seed = 1;       ///< seed of every random stream
  std::uint32_t replicate = 0;  ///< replicate number; replicates share the seed
  std::uint32_t steps = 52;     ///< weekly steps to run
};

/// The keys of [output]: what the run file records.
struct OutputSettings {
  std::string path;                ///< run file; "" means runs/<scenario file name>.h5
  std::uint32_t record_every = 4;  ///< per-agent rows every k steps
  bool layout = true;              ///< store node positions for the viewer
  int compression = 0;             ///< deflate level of the arrays, 0 = none
};

/// [run], each key declared once and bound to its RunSettings field.
const sim::ParamTable<RunSettings>& run_table();

/// [output], each key declared once and bound to its OutputSettings field.
const sim::ParamTable<OutputSettings>& output_table();

/// The [run] settings of a validated scenario.
inline RunSettings run_settings(const sim::Scenario& sc) {
  return run_table().read(sc.table("run"));
}

/// The [output] settings of a validated scenario.
inline OutputSettings output_settings(const sim::Scenario& sc) {
  return output_table().read(sc.table("output"));
}

}  // namespace wellsim::models
