// Why this file exists: a stopped run goes on from its checkpoint with nothing but its run file,
// checked at every point against the run and the build that wrote it, so that what comes out
// is the uninterrupted run (docs/reliability.md "Checkpoint and resume").
#include <chrono>
#include <filesystem>

#include "batch/run_scenario.hpp"
#include "batch/run_steps.hpp"
#include "models/assemble.hpp"
#include "output/checkpoint_file.hpp"
#include "output/file_open.hpp"
#include "output/run_reader.hpp"
#include "sim/errors.hpp"

namespace wellsim::batch {

namespace {

/// The step the checkpoint beside `file` holds after checking it is this run's and this
/// build's; 0 (go on from week 0) when there is none.
std::uint32_t checkpoint_step(const std::string& file, const std::string& hash,
                              std::uint32_t replicate) {
  const std::string path = output::checkpoint_path(file);
  if (!std::filesystem::exists(path)) return 0;
  const output::CheckpointHeader h = output::read_checkpoint_header(path);
  if (h.scenario_hash != hash || h.replicate != replicate)
    throw sim::InputError(sim::where(path) + "the checkpoint of another run (scenario hash " +
                          h.scenario_hash + ", replicate " + std::to_string(h.replicate) +
                          "; the run file has " + hash + ", replicate " +
                          std::to_string(replicate) + ")");
  if (h.build != output::checkpoint_build())
    throw sim::InputError(sim::where(path) + "written by wellsim " + h.build + ", not by this " +
                          output::checkpoint_build() +
                          ": resume with that build, or start again with --overwrite");
  return h.step;
}

/// The scenario stored in the open run file `r` (see scenario_of_run).
sim::Scenario scenario_in(const output::RunReader& r, const std::string& run_file) {
  const auto& schema = models::scenario_schema();
  const std::string want = r.scenario_hash();
  const std::string path = r.scenario_path();
  const std::string base = std::filesystem::path(path).parent_path().string();
  try {
    sim::Scenario sc = sim::parse_scenario(r.scenario_text(), path, base, schema, r.overrides());
    if (sc.hash(schema) == want) return sc;
  } catch (const sim::InputError&) {
    // The file it extends moved or changed: the effective form below needs no other file.
  }
  sim::Scenario sc = sim::parse_scenario(r.effective_scenario(), path, base, schema);
  if (sc.hash(schema) != want)
    throw sim::InputError(sim::where(run_file) + "its stored scenario gives hash " +
                          sc.hash(schema) + ", not the recorded " + want);
  return sc;
}

/// Opens a run file to resume it, refused first if a running wellsim holds it: its file is
/// still changing under a reader.
output::RunReader open_idle(const std::string& run_file) {
  (void)output::open_file(run_file, output::Access::ReadIdle);
  return output::RunReader(run_file);
}

}  // namespace

sim::Scenario scenario_of_run(const std::string& run_file) {
  return scenario_in(open_idle(run_file), run_file);
}

RunOutcome resume_run(const RunRequest& request) {
  const std::string& file = request.out;
  const auto start = std::chrono::steady_clock::now();
  sim::Scenario sc;
  bool complete = false;
  {  // one read of the file for its scenario and status, closed before the writer reopens it
    const output::RunReader existing = open_idle(file);
    sc = scenario_in(existing, file);
    complete = existing.status() == "complete";
  }
  const models::RunSettings run = models::run_settings(sc);
  RunOutcome o;
  if (complete) {
    o.name = run.name;
    o.replicate = run.replicate;
    o.steps = run.steps;
    o.already_complete = true;
    return o;
  }
  const std::uint32_t from =
      checkpoint_step(file, sc.hash(models::scenario_schema()), run.replicate);
  models::Assembled built = models::assemble(sc, run.seed, run.replicate);
  o = outcome_of(run, built);
  sim::Engine& engine = *built.engine;
  engine.start(nullptr);  // week 0 as the run had it: the calibration the checkpoint builds on
  if (from > 0)
    output::load_checkpoint(output::checkpoint_path(file),
                            [&](sim::StateVisitor& v) { engine.state(v); });
  // Only now, with the state loaded, is the file cut back to the checkpoint's step.
  auto writer = output::RunWriter::reopen(file, from, writer_options(sc, false));
  o.resumed = true;
  o.resumed_from = from;
  o.setup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  step_run(engine, *writer, sc, request, from, o);
  return o;
}

}  // namespace wellsim::batch
