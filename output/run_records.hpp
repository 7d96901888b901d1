#pragma once
// What a run file says about its scenario in typed form (/parameters, /interventions), so that
// readers never re-derive it from scenario text (DESIGN: the run file is the only contract).
// The command line fills these from the scenario and the models' declarations; output/ only
// stores and reads them, and so needs nothing from models/.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/param_spec.hpp"

namespace wellsim::output {

/// One scenario parameter with its declaration: /parameters/<key> in the run file.
struct ParameterRecord {
  std::string key;        ///< "table.key" or "intervention[k].key" (k from 1)
  sim::ParamValue value;  ///< the value used
  sim::ParamType type = sim::ParamType::String;  ///< its declared type
  std::string unit;                              ///< "" when dimensionless
  std::string help;                              ///< one sentence from its declaration
};

/// `end_week` of an intervention that acts to the end of the run.
inline constexpr std::int64_t kToTheEnd = -1;

/// One `[[intervention]]` of the scenario: /interventions/<name> in the run file.
struct InterventionRecord {
  std::string name;                         ///< its name (the type when the scenario gave none)
  std::string type;                         ///< scenario `type` ("case_management")
  std::string level;                        ///< "micro", "meso" or "macro"
  std::int64_t start_week = 1;              ///< first week it acts
  std::int64_t end_week = kToTheEnd;        ///< last week it acts, kToTheEnd: to the end
  std::vector<std::string> neighbourhoods;  ///< target.neighbourhoods (empty: everywhere)
  std::vector<std::string> filter;          ///< target.filter conditions (empty: everyone)
  /// Every key of its scenario entry (common keys included), typed, by key in key order.
  std::vector<std::pair<std::string, sim::ParamValue>> parameters;
};

}  // namespace wellsim::output
