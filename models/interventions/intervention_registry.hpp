#pragma once
// The one explicit registry of intervention types (DESIGN extension points: no self-registering
// statics, which static libraries drop silently). A type's entry holds its scenario `type`, its
// level, one sentence of help, its own keys and its factory; the keys every type has are
// declared once in intervention_common_params(). The scenario schema, `wellsim list` and the
// docs are generated from these declarations.
#include <memory>
#include <string>
#include <vector>

#include "models/interventions/intervention.hpp"
#include "sim/engine.hpp"
#include "sim/param_spec.hpp"
#include "sim/scenario.hpp"

namespace wellsim::models {

/// One intervention type.
struct InterventionType {
  std::string name;                    ///< scenario `type`
  Level level;                         ///< micro, meso or macro
  std::string help;                    ///< one sentence for `wellsim list` and the docs
  std::vector<sim::ParamSpec> params;  ///< its own keys (the common keys are separate)
  std::unique_ptr<sim::Mechanism> (*make)(const InterventionSetup&);  ///< builds one
};

/// Every type, micro first, then meso, then macro.
const std::vector<InterventionType>& intervention_types();

/// Keys every [[intervention]] has: `type` (the selector: a Choice of every type, no default),
/// name, weeks, target, uptake, capacity, queue, duration and costs.
const std::vector<sim::ParamSpec>& intervention_common_params();

/// The type called `name`, or nullptr.
const InterventionType* find_intervention_type(const std::string& name);

/// Name of a level ("micro").
const char* level_name(Level level);

/// An intervention's name: its `name` key, or its type when none is given (its series, events,
/// random stream and --set address all use this).
std::string intervention_name(const sim::ListEntry& entry);

/// Checks the rules that span keys or entries, without the network: distinct names (two
/// interventions with one name would share a stream and series), end_week >= start_week, target
/// filters that parse, no per-participant costs or targets on macro policies, campaigns that
/// name a change they can win (check_campaigns). Throws
/// sim::InputError "FILE:LINE: intervention[i].KEY: ...".
void check_interventions(const std::vector<sim::ListEntry>& entries,
                         const std::string& scenario_path);

/// Builds the mechanism of entry `index` (1-based) after check_interventions; throws
/// sim::InputError for targets the network does not have.
std::unique_ptr<sim::Mechanism> make_intervention(const InterventionSetup& setup);

}  // namespace wellsim::models
