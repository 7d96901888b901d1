#pragma once
// What `wellsim run` tells the writer about a scenario: output::RunInfo filled from the scenario
// and the models' declarations (units, help, intervention levels), so the run file carries them
// and no reader has to consult models/ or scenario text.
#include "output/run_info.hpp"
#include "sim/scenario.hpp"

namespace wellsim::batch {

/// The RunInfo of scenario `sc` run with `threads` worker threads.
output::RunInfo run_info(const sim::Scenario& sc, unsigned threads);

/// Every parameter of `sc` as a typed record with the unit and help of its declaration in
/// `schema`, keyed "table.key" and "intervention[k].key" (k from 1), in key order.
std::vector<output::ParameterRecord> parameter_records(const sim::Scenario& sc,
                                                       const sim::ScenarioSchema& schema);

/// The scenario's `[[intervention]]` entries as records, in scenario order, with each type's
/// level from the models' registry.
std::vector<output::InterventionRecord> intervention_records(const sim::Scenario& sc);

}  // namespace wellsim::batch
