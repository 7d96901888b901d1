#pragma once
// What the run files say about how a comparison was made, for the report's assumptions and
// provenance: the versions and seeds of each set, and what the policy's scenario changes.
//
// Everything here is read from the files (DESIGN: the run file is the only contract), so a
// report names the parameters that really differed, not the ones the analyst meant to change.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/run_set.hpp"
#include "output/run_records.hpp"

namespace wellsim::analysis {

/// Where one replicate set came from, from the manifests of all its files.
struct SetFacts {
  std::string caption;                    ///< run.caption ("" when the scenario has none)
  std::string scenario_path;              ///< scenario file as given to the first run
  std::string model, network_source;      ///< wellbeing model and network generator
  std::vector<std::string> versions;      ///< distinct wellsim versions
  std::vector<std::string> commits;       ///< distinct git commits
  std::string started, finished;          ///< first start and last finish (UTC)
  std::vector<std::uint64_t> seeds;       ///< distinct scenario seeds
  std::vector<std::uint32_t> replicates;  ///< replicate numbers, in order
  std::uint32_t steps_planned = 0;        ///< weeks each run was meant to take
};

/// A scenario key whose value differs between the baseline and the policy.
struct ParameterChange {
  std::string key;       ///< "table.key", or an intervention's own key
  std::string baseline;  ///< TOML text, "" when the baseline lacks it
  std::string policy;    ///< TOML text, "" when the policy lacks it
  std::string unit;      ///< from the policy's declaration, "" when dimensionless or unknown
};

/// An intervention the policy adds, changes or drops.
struct InterventionChange {
  std::string change;                 ///< "added", "changed" or "removed"
  output::InterventionRecord record;  ///< as the policy has it (the baseline's when removed)
  std::vector<ParameterChange> keys;  ///< its keys that differ (every key when added)
};

/// A wellbeing effect the model used and the evidence docs/model.md gives for it.
struct EffectUsed {
  std::string key;     ///< "wellbeing.effect_unemployed"
  std::string value;   ///< TOML text of the value used
  std::string unit;    ///< its unit ("points", ...)
  std::string source;  ///< from docs/model.md, "" when it gives none
};

/// The facts of `set` (throws nothing: a missing attribute reads as "").
SetFacts set_facts(const RunSet& set);

/// Scenario keys outside [[intervention]] whose values differ, in key order; the run's own
/// name, caption, replicate and output keys are left out (they differ by design).
std::vector<ParameterChange> parameter_changes(const output::RunReader& baseline,
                                               const output::RunReader& policy);

/// Interventions added, changed or removed by the policy, in the policy's scenario order
/// (removed ones last).
std::vector<InterventionChange> intervention_changes(const output::RunReader& baseline,
                                                     const output::RunReader& policy);

/// The wellbeing effects (`wellbeing.effect_*`) `run` used, in key order, with their sources.
std::vector<EffectUsed> effects_used(const output::RunReader& run);

}  // namespace wellsim::analysis
