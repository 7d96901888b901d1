// `wellsim sensitivity`: which factors of a sweep move an outcome, read from its ensemble file.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "analysis/sensitivity_report.hpp"
#include "cli/commands.hpp"
#include "output/ensemble_file.hpp"
#include "sim/errors.hpp"

namespace wellsim::cli {

namespace {

struct SensitivityOptions {
  std::string file, csv, json, html;
  analysis::SensitivityRequest request;
  bool quiet = false;
};

const char* kHelp = R"(sensitivity indices of one outcome over an experiment's design, from the
ensemble file of `wellsim merge`. The outcome at a design point is the mean over that point's
replicates of one scenario (default: the only one, else the first that is not the baseline).

Methods: sobol (S1, ST with bootstrap intervals; a Sobol design), morris (mu*, sigma, mu; a
Morris design), src (standardised regression coefficients and R²; any design). auto, the
default, takes the design's own method and always adds src. Sobol and Morris need a task at
every design point.

  wellsim merge runs/sweep -o ensemble.h5
  wellsim sensitivity ensemble.h5 --outcome wellbys
  wellsim sensitivity ensemble.h5 --outcome cost --method src --html sensitivity.html)";

/// Writes `text` to `path`, checking every step: a full disk is an error, not a short file.
void write_file(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  if (!f) throw sim::RuntimeError(path + ": cannot create: " + std::strerror(errno));
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  f.close();
  if (!f) throw sim::RuntimeError(path + ": write failed (disk full?)");
}

/// Writes `text` to stdout and makes sure it got there.
void print(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
    throw sim::RuntimeError(std::string("standard output: write failed: ") + std::strerror(errno));
}

int sensitivity(const SensitivityOptions& o) {
  const output::Ensemble ensemble = output::read_ensemble(o.file);
  analysis::SensitivityReport report;
  try {
    report = analysis::sensitivity_report(ensemble, o.request, o.file);
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(o.file) + e.what());
  }
  if (!o.quiet) print(analysis::sensitivity_text(report));
  const std::pair<const std::string*, std::string (*)(const analysis::SensitivityReport&)>
      outputs[] = {{&o.csv, analysis::sensitivity_csv},
                   {&o.json, analysis::sensitivity_json},
                   {&o.html, analysis::sensitivity_html}};
  for (const auto& [path, format] : outputs) {
    if (path->empty()) continue;
    write_file(*path, format(report));
    if (!o.quiet) print("wrote " + *path + "\n");
  }
  return 0;
}

}  // namespace

void add_sensitivity_command(CLI::App& app, std::function<int()>& handler) {
  static SensitivityOptions o;
  auto* cmd = app.add_subcommand("sensitivity", kHelp);
  cmd->add_option("ENSEMBLE", o.file, "the ensemble file (wellsim merge)")->required();
  cmd->add_option("--outcome", o.request.outcome, "the outcome to explain")->required();
  cmd->add_option("--scenario", o.request.scenario,
                  "the scenario whose tasks are used (default: the only one, else the first "
                  "that is not the baseline)")
      ->type_name("LABEL");
  cmd->add_option("--method", o.request.method, "auto, sobol, morris or src")
      ->check(CLI::IsMember({"auto", "sobol", "morris", "src"}))
      ->default_str("auto");
  cmd->add_option("--resamples", o.request.resamples, "bootstrap resamples of the intervals")
      ->check(CLI::Range(0, 1000000))
      ->default_str("1000");
  cmd->add_option("--seed", o.request.seed, "seed of the bootstrap (deterministic)")
      ->default_str("1");
  cmd->add_option("--csv", o.csv, "write the indices as CSV to FILE")->type_name("FILE");
  cmd->add_option("--json", o.json, "write the indices as JSON to FILE")->type_name("FILE");
  cmd->add_option("--html", o.html, "write a self-contained HTML page with charts to FILE")
      ->type_name("FILE");
  cmd->add_flag("-q,--quiet", o.quiet, "no table on the terminal");
  cmd->callback([&handler] { handler = [] { return sensitivity(o); }; });
}

}  // namespace wellsim::cli
