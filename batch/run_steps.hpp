#pragma once
// What a fresh run (run_scenario) and a resumed one (resume_run) share once their engine and
// writer are ready: the stepping with its checkpoints, and the writer's options.
#include <cstdint>

#include "batch/run_scenario.hpp"
#include "models/assemble.hpp"
#include "output/run_writer.hpp"
#include "sim/engine.hpp"
#include "sim/scenario.hpp"

namespace wellsim::batch {

/// The writer options of scenario `sc` (its [output] table and the community's code names).
output::WriterOptions writer_options(const sim::Scenario& sc, bool overwrite);

/// What the summary lines say of a run built and about to step (week 0's mean wellbeing).
RunOutcome outcome_of(const models::RunSettings& run, const models::Assembled& built);

/// Steps `engine` from step `done` to the scenario's last into `writer`, saving a checkpoint
/// beside `request.out` every `request.checkpoint_every` steps and when `request.stop` is set
/// (then throws Interrupted, the file marked interrupted); a run that completes removes its
/// checkpoint. Fills the step time, final mean and timings of `o`.
void step_run(sim::Engine& engine, output::RunWriter& writer, const sim::Scenario& sc,
              const RunRequest& request, std::uint32_t done, RunOutcome& o);

}  // namespace wellsim::batch
