// `wellsim inspect RUN.h5`: what is in a run file, for a person.
#include <algorithm>
#include <cstdio>

#include "cli/commands.hpp"
#include "output/run_reader.hpp"
#include "sim/series_names.hpp"

namespace wellsim::cli {

namespace {

int inspect(const std::string& path) {
  output::RunReader run(path);
  auto manifest = run.manifest();
  auto get = [&](const char* k) { return manifest.count(k) ? manifest.at(k) : std::string("?"); };
  std::printf("%s  (wellsim run file, schema v%u)\n", path.c_str(), run.schema_version());
  std::printf("  scenario   %s  %s  hash %s\n", run.run_name().c_str(), run.scenario_path().c_str(),
              run.scenario_hash().c_str());
  for (const auto& o : run.overrides()) std::printf("  override   %s\n", o.c_str());
  std::printf("  status     %s: %u of %u steps complete\n", run.status().c_str(),
              run.steps_completed(), run.steps_planned());
  std::printf("  run        seed %llu, replicate %u, %u threads, %s -> %s\n",
              static_cast<unsigned long long>(run.seed()), run.replicate(), run.threads(),
              get("started_at").c_str(), get("finished_at").c_str());
  std::printf("  build      wellsim %s, commit %s, %s, %s\n", get("wellsim_version").c_str(),
              get("git_commit").c_str(), get("build_type").c_str(), get("compiler").c_str());
  std::printf("  model      %s, network %s\n", get("model").c_str(), get("network_source").c_str());
  sim::Network net = run.network();
  std::printf("  population %zu agents, %zu ties, layers:", run.agent_count(), net.entries() / 2);
  for (const auto& l : net.layer_names) std::printf(" %s", l.c_str());
  std::printf(
      "\n  records    per-step statistics for %zu steps; every agent's wellbeing at %zu "
      "steps (every %u)\n",
      run.steps().size(), run.recorded_steps().size(), run.record_every());
  auto mean = run.stat("mean"), sd = run.stat("sd"), low = run.stat("share_low");
  if (!mean.empty()) {
    std::printf("  wellbeing  week %-5d mean %.3f  SD %.3f  share 0-4 %.1f%%\n", 0, mean.front(),
                sd.front(), 100 * low.front());
    std::printf("             week %-5d mean %.3f  SD %.3f  share 0-4 %.1f%%\n", run.steps().back(),
                mean.back(), sd.back(), 100 * low.back());
  }
  // Headline figures of a community run: key prevalences at the last week and total costs.
  std::string prevalences;
  for (const std::string& d : sim::series::headline_domains()) {
    const std::string n = sim::series::prevalence(d);
    if (!run.has_series(n)) continue;  // only community-model runs record prevalences
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%s %.1f%%", prevalences.empty() ? "" : ", ", d.c_str(),
                  100 * run.series(n).back());
    prevalences += buf;
  }
  if (!prevalences.empty())
    std::printf("  domains    week %d: %s\n", run.steps().back(), prevalences.c_str());
  // Children's wellbeing on its own line: a child measure, not part of the adults' figures.
  if (run.has_series(sim::series::kPopulationPresent)) {  // [demography]: a changing population
    auto total = [&](const char* name) {
      double sum = 0;
      if (run.has_series(name))
        for (double x : run.series(name)) sum += x;
      return sum;
    };
    const auto present = run.series(sim::series::kPopulationPresent);
    std::printf(
        "  people     present week 0 %.0f, week %d %.0f; births %.0f (unplaced %.0f), "
        "deaths %.0f\n",
        present.front(), run.steps().back(), present.back(), total(sim::series::kPopulationBirths),
        total(sim::series::kPopulationBirthsUnplaced), total(sim::series::kPopulationDeaths));
  }
  if (run.has_series(sim::series::kChildrenMean))
    std::printf("  children   ages 10-15, week %d: mean %.3f  share 0-4 %.1f%%\n",
                run.steps().back(), run.series(sim::series::kChildrenMean).back(),
                100 * run.series(sim::series::kChildrenLow).back());
  double total = 0;
  std::string by_item;
  for (const auto& n : run.series_names()) {
    if (!sim::series::is_cost(n)) continue;
    double sum = 0;
    for (double x : run.series(n)) sum += x;
    total += sum;
    if (sum == 0) continue;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s %.0f", by_item.empty() ? "" : ", ",
                  sim::series::owner(n).c_str(), sum);
    by_item += buf;
  }
  if (!by_item.empty())
    std::printf("  costs      GBP %.0f over weeks 0-%d, undiscounted (%s)\n", total,
                run.steps().back(), by_item.c_str());
  return 0;
}

}  // namespace

void add_inspect_command(CLI::App& app, std::function<int()>& handler) {
  static std::string path;
  auto* cmd = app.add_subcommand("inspect", "summarise what is in a run file");
  cmd->add_option("RUN", path, "run file (.h5)")->required();
  cmd->callback([&handler] { handler = [] { return inspect(path); }; });
}

}  // namespace wellsim::cli
