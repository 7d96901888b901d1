#include "batch/run_scenario.hpp"

#include <csignal>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "batch/run_info.hpp"
#include "models/assemble.hpp"
#include "models/community/vocabulary.hpp"
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

}  // namespace

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

RunOutcome run_scenario(const sim::Scenario& sc, const RunRequest& request) {
  const models::RunSettings run = models::run_settings(sc);
  // RunWriter refuses too, but only after the network is built; say so before that work.
  output::check_target(request.out, request.overwrite);
  const auto start = std::chrono::steady_clock::now();
  models::Assembled built = models::assemble(sc, run.seed, run.replicate);
  output::RunWriter writer(request.out, run_info(sc, request.threads),
                           writer_options(sc, request.overwrite));
  // The viewer's node positions, stored so replays open instantly (O(n) above 5,000 agents).
  if (models::output_settings(sc).layout) {
    sim::Layout layout = sim::compute_layout(built.engine->network(), run.seed);
    writer.set_layout(std::move(layout.x), std::move(layout.y));
  }
  RunOutcome o;
  o.name = run.name;
  o.seed = run.seed;
  o.replicate = run.replicate;
  o.steps = run.steps;
  o.setup_seconds = seconds_since(start);
  o.build_seconds = built.build_seconds;
  o.freeze_seconds = built.freeze_seconds;
  const auto& agents = built.engine->agents();
  o.agents = agents.size();
  o.ties = built.engine->network().entries() / 2;
  o.mean_before = mean_wellbeing(agents);
  const auto stepping = std::chrono::steady_clock::now();
  try {
    built.engine->run(run.steps, &writer, [&](std::uint32_t done) {
      if (request.on_step) request.on_step(done);
      // Checked after the step is in the file: what stops is the next step, never half of one.
      const int sig = request.stop ? request.stop->load() : 0;
      if (sig != 0 && done < run.steps) throw Interrupted(sig, request.out, done, run.steps);
    });
  } catch (const Interrupted& stopped) {
    writer.interrupt(signal_name(stopped.signal));
    throw;
  }
  o.step_seconds = seconds_since(stepping);
  o.mean_after = mean_wellbeing(agents);
  for (const auto& [name, seconds] : built.engine->timings()) o.timings.emplace_back(name, seconds);
  return o;
}

}  // namespace wellsim::batch
