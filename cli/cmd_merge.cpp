// `wellsim merge`: a sweep directory's complete tasks into one ensemble file.
#include <cstdio>
#include <memory>

#include "batch/merge.hpp"
#include "cli/commands.hpp"
#include "cli/progress.hpp"

namespace wellsim::cli {

namespace {

struct MergeOptions {
  std::string dir, progress = "auto";
  batch::MergeOptions merge;
  double discount = 3.5;
  bool quiet = false;
};

int merge(MergeOptions& o) {
  o.merge.discount_rate = o.discount / 100;
  const ProgressMode mode = o.quiet ? ProgressMode::Never : parse_progress_mode(o.progress);
  std::unique_ptr<Progress> progress;  // made once the number of tasks is known
  const batch::MergeSummary s =
      batch::merge_sweep(o.dir, o.merge, [&](std::uint32_t done, std::uint32_t total) {
        if (!progress) progress = std::make_unique<Progress>("merge (tasks)", total, mode);
        progress->update(done);
      });
  if (progress) progress->finish();
  if (o.quiet) return 0;
  std::printf("wrote %s: %u of %u tasks, outcomes: ", o.merge.out.c_str(), s.merged, s.planned);
  for (std::size_t k = 0; k < s.outcomes.size(); ++k)
    std::printf("%s%s", k ? ", " : "", s.outcomes[k].c_str());
  std::printf("\n");
  if (!s.incomplete.empty()) {
    std::printf("left out %zu incomplete task(s) (listed in /incomplete):\n", s.incomplete.size());
    for (std::size_t k = 0; k < s.incomplete.size() && k < 20; ++k)
      std::printf("  %s  %s\n", s.incomplete[k].first.c_str(), s.incomplete[k].second.c_str());
    if (s.incomplete.size() > 20) std::printf("  ... and %zu more\n", s.incomplete.size() - 20);
  }
  return 0;
}

}  // namespace

void add_merge_command(CLI::App& app, std::function<int()>& handler) {
  static MergeOptions o;
  auto* cmd = app.add_subcommand(
      "merge",
      "gather a sweep's complete tasks into one ensemble HDF5 file: the design table, outcomes "
      "(mean wellbeing at yearly horizons, costs, prevalences, WELLBYs against the baseline) and "
      "each task's mean wellbeing per week; incomplete tasks are listed and left out");
  cmd->add_option("DIR", o.dir, "sweep directory (wellsim sweep -o DIR)")->required();
  cmd->add_option("-o,--output", o.merge.out, "ensemble file to write")->required();
  cmd->add_flag("--overwrite", o.merge.overwrite, "replace the ensemble file if it exists");
  cmd->add_option("--discount", o.discount, "discount rate, % a year (Green Book: 3.5)")
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--wellby-value", o.merge.wellby_value, "GBP per WELLBY (Green Book: 13000)")
      ->check(CLI::Range(0.0, 1e9));
  cmd->add_option("--progress", o.progress,
                  "progress line: auto (only on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-q,--quiet", o.quiet, "print nothing on success");
  cmd->callback([&handler] { handler = [] { return merge(o); }; });
}

}  // namespace wellsim::cli
