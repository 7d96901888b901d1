#include "batch/run_scenario.hpp"

#include <csignal>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "batch/run_info.hpp"
#include "batch/run_steps.hpp"
#include "models/assemble.hpp"
#include "models/community/vocabulary.hpp"
#include "output/checkpoint_file.hpp"
#include "output/file_install.hpp"
#include "output/run_writer.hpp"
#include "sim/errors.hpp"
#include "sim/layout.hpp"

namespace wellsim::batch {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double mean_wellbeing(const sim::AgentStore& agents) {
  double sum = 0;
  for (float x : agents.wellbeing) sum += x;
  return sum / static_cast<double>(std::max<std::size_t>(1, agents.size()));
}

}  // namespace

RunOutcome outcome_of(const models::RunSettings& run, const models::Assembled& built) {
  RunOutcome o;
  o.name = run.name;
  o.seed = run.seed;
  o.replicate = run.replicate;
  o.steps = run.steps;
  o.build_seconds = built.build_seconds;
  o.freeze_seconds = built.freeze_seconds;
  o.agents = built.engine->agents().size();
  o.ties = built.engine->network().entries() / 2;
  o.mean_before = mean_wellbeing(built.engine->agents());
  return o;
}

output::WriterOptions writer_options(const sim::Scenario& sc, bool overwrite) {
  const models::OutputSettings table = models::output_settings(sc);
  output::WriterOptions w;
  w.record_every = table.record_every;
  w.compression = table.compression;
  w.overwrite = overwrite;
  w.people_codes = {models::domain_names(), models::activity_names(), models::tenure_names(),
                    models::trait_names()};
  return w;
}

std::string signal_name(int signal) {
  if (signal == SIGINT) return "SIGINT";
  if (signal == SIGTERM) return "SIGTERM";
  std::string name = "signal ";
  return name += std::to_string(signal);
}

Interrupted::Interrupted(int sig, std::string path, std::uint32_t done, std::uint32_t steps)
    : std::runtime_error(path + ": interrupted by " + signal_name(sig) + " after step " +
                         std::to_string(done) + " of " + std::to_string(steps)),
      signal(sig),
      file(std::move(path)),
      step(done),
      planned(steps) {}

void step_run(sim::Engine& engine, output::RunWriter& writer, const sim::Scenario& sc,
              const RunRequest& request, std::uint32_t done, RunOutcome& o) {
  const models::RunSettings run = models::run_settings(sc);
  const std::string checkpoint = output::checkpoint_path(request.out);
  const output::CheckpointHeader id{0, sc.hash(models::scenario_schema()), run.replicate,
                                    output::checkpoint_build()};
  auto save = [&](std::uint32_t step) {
    output::CheckpointHeader at = id;
    at.step = step;
    output::write_checkpoint(checkpoint, at, [&](sim::StateVisitor& v) { engine.state(v); });
  };
  const auto stepping = std::chrono::steady_clock::now();
  try {
    engine.run_from(done, run.steps, &writer, [&](std::uint32_t step) {
      if (request.on_step) request.on_step(step);
      if (step == run.steps) return;
      // Checked after the step is in the file: what stops is the next step, never half of one.
      const int sig = request.stop ? request.stop->load() : 0;
      if (sig != 0) {
        save(step);
        throw Interrupted(sig, request.out, step, run.steps);
      }
      if (request.checkpoint_every > 0 && step % request.checkpoint_every == 0) save(step);
    });
  } catch (const Interrupted& stopped) {
    writer.interrupt(signal_name(stopped.signal));
    throw;
  }
  // Complete: nothing is left to resume.
  std::error_code ec;
  std::filesystem::remove(checkpoint, ec);
  o.step_seconds = seconds_since(stepping);
  o.mean_after = mean_wellbeing(engine.agents());
  for (const auto& [name, seconds] : engine.timings()) o.timings.emplace_back(name, seconds);
}

RunOutcome run_scenario(const sim::Scenario& sc, const RunRequest& request) {
  const models::RunSettings run = models::run_settings(sc);
  // RunWriter refuses too, but only after the network is built; say so before that work.
  output::check_target(request.out, request.overwrite);
  const auto start = std::chrono::steady_clock::now();
  models::Assembled built = models::assemble(sc, run.seed, run.replicate);
  output::RunWriter writer(request.out, run_info(sc, request.threads),
                           writer_options(sc, request.overwrite));
  // The viewer's node positions, stored so replays open instantly (sim/layout.hpp).
  if (models::output_settings(sc).layout) {
    sim::Layout layout = sim::compute_layout(built.engine->network(), run.seed);
    writer.set_layout(std::move(layout.x), std::move(layout.y));
  }
  RunOutcome o = outcome_of(run, built);
  built.engine->start(&writer);
  // The file now has its name; a checkpoint left by an earlier run of this name is not its own.
  std::error_code ec;
  std::filesystem::remove(output::checkpoint_path(request.out), ec);
  o.setup_seconds = seconds_since(start);
  step_run(*built.engine, writer, sc, request, 0, o);
  return o;
}

}  // namespace wellsim::batch
