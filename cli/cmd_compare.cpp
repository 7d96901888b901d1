// `wellsim compare`: what a policy buys against its baseline, for whom, at what cost.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "analysis/comparison.hpp"
#include "analysis/report.hpp"
#include "analysis/run_set.hpp"
#include "cli/commands.hpp"
#include "sim/errors.hpp"

namespace wellsim::cli {

namespace {

/// Refuses NaN and infinities, which CLI11's range checks let through (every comparison with
/// NaN is false).
CLI::Validator finite_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        const double x = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || !std::isfinite(x)) return "not a finite number: " + text;
        return "";
      },
      "NUMBER");
}

struct CompareOptions {
  std::vector<std::string> files, baseline, policy;
  std::vector<std::uint32_t> horizons;
  std::string csv, json, html, pdf;
  double discount = 3.5, wellby_value = 13000;
  int bootstrap = 0;
  std::uint64_t bootstrap_seed = 20190101;
  std::uint32_t period_weeks = 260;
  bool unpaired = false, quiet = false, include_incomplete = false;
};

const char* kHelp = R"(compare policy runs with their baseline: effect on life satisfaction with 95%
intervals across replicates, WELLBYs and their value (HM Treasury Green Book), costs, who gains,
the ripple through the network, domains and services.

Files of one scenario (the same effective scenario apart from run.replicate) form one
replicate set. The baseline is the files after --baseline, or else the first scenario among the plain arguments; every other scenario,
whether in the plain arguments or after --policy, is a policy compared with it. Replicate r of
the baseline is paired with replicate r of each policy (same seed: common random numbers).

  wellsim run scenarios/cost_of_living_shock.toml --replicates 5 -o runs/shock.h5
  wellsim run scenarios/cost_of_living_support.toml --replicates 5 -o runs/support.h5
  wellsim compare runs/shock_r*.h5 --policy runs/support_r*.h5 --html report.html
  wellsim compare runs/shock_r*.h5 --policy runs/support_r*.h5 --pdf report.pdf
  wellsim compare base.h5 policy.h5                 # one file each
  wellsim compare --baseline b_r0.h5 b_r1.h5 --policy p_r0.h5 p_r1.h5 q_r0.h5 q_r1.h5

Runs that cannot be paired (different seeds, replicates or people) are refused with exit
status 2 unless --unpaired.)";

/// A killed or still-running replicate would shorten every sum it enters (WELLBYs, costs), so it
/// is refused unless the user asks for it, and then named on stderr.
void check_complete(const analysis::RunSet& set, bool include_incomplete) {
  for (const auto& run : set.runs) {
    if (run->status() == "complete") continue;
    const std::string weeks = std::to_string(run->steps_completed()) + " of " +
                              std::to_string(run->steps_planned()) + " weeks";
    if (!include_incomplete)
      throw sim::InputError(run->path() + ": incomplete run (" + weeks +
                            " written); finish it, or pass --include-incomplete to compare the "
                            "weeks it has");
    std::fprintf(stderr, "note: %s is incomplete (%s); compared over the weeks it has\n",
                 run->path().c_str(), weeks.c_str());
  }
}

int compare(const CompareOptions& o) {
  std::vector<analysis::RunSet> sets = analysis::group_run_sets(o.files);
  analysis::RunSet baseline;
  if (!o.baseline.empty()) {
    baseline = analysis::load_run_set(o.baseline);
  } else {
    if (sets.empty()) throw sim::InputError("compare: no run files; see wellsim compare --help");
    baseline = std::move(sets.front());
    sets.erase(sets.begin());
  }
  for (auto& s : analysis::group_run_sets(o.policy)) sets.push_back(std::move(s));
  if (sets.empty())
    throw sim::InputError("compare: no policy runs (only " + baseline.name +
                          "); give policy files after the baseline or with --policy");

  analysis::CompareOptions opt;
  opt.valuation.discount_rate = o.discount / 100.0;
  opt.valuation.wellby_value = o.wellby_value;
  opt.horizons = o.horizons;
  opt.unpaired = o.unpaired;
  check_complete(baseline, o.include_incomplete);
  for (const auto& policy : sets) check_complete(policy, o.include_incomplete);
  opt.bootstrap = o.bootstrap;
  opt.bootstrap_seed = o.bootstrap_seed;
  opt.cohort_period_weeks = o.period_weeks;
  std::vector<analysis::PolicyComparison> all;
  for (const auto& policy : sets) {
    if (policy.key == baseline.key)
      throw sim::InputError("compare: " + policy.runs.front()->path() +
                            " is the baseline scenario itself (same scenario)");
    all.push_back(analysis::compare(baseline, policy, opt));
  }
  if (!o.quiet)
    for (std::size_t k = 0; k < all.size(); ++k) {
      if (k) std::printf("\n\n");
      analysis::write_text(stdout, all[k]);
    }
  if (!o.csv.empty()) {
    auto files = analysis::write_csv(o.csv, all);
    if (!o.quiet) std::printf("\nwrote %zu CSV tables to %s\n", files.size(), o.csv.c_str());
  }
  if (!o.json.empty()) {
    analysis::write_json(o.json, all);
    if (!o.quiet) std::printf("wrote %s\n", o.json.c_str());
  }
  // The PDF is the HTML report printed; without --html it is printed from a file beside it.
  const std::string html = !o.html.empty() || o.pdf.empty() ? o.html : o.pdf + ".html";
  if (!html.empty()) {
    if (!analysis::write_html(html, all))
      std::fprintf(stderr,
                   "wellsim: %s not found: the report has tables only (apt-get install "
                   "libjs-chart.js for charts)\n",
                   analysis::kChartJsPath);
    if (!o.quiet && !o.html.empty()) std::printf("wrote %s\n", o.html.c_str());
  }
  if (!o.pdf.empty()) {
    // The page printed from is not left behind, whether printing works or not.
    struct Remove {
      std::string path;
      ~Remove() {
        std::error_code ignored;
        if (!path.empty()) std::filesystem::remove(path, ignored);
      }
    } page{o.html.empty() ? html : ""};
    analysis::write_pdf(html, o.pdf);
    if (!o.quiet) std::printf("wrote %s\n", o.pdf.c_str());
  }
  return 0;
}

}  // namespace

void add_compare_command(CLI::App& app, std::function<int()>& handler) {
  static CompareOptions o;
  auto* cmd = app.add_subcommand("compare", kHelp);
  cmd->add_option("RUNS", o.files, "run files: the baseline's, then the policies'");
  cmd->add_option("--baseline", o.baseline, "the baseline's run files (one scenario)");
  cmd->add_option("--policy", o.policy, "policy run files (grouped by scenario)");
  cmd->add_flag("--unpaired", o.unpaired,
                "compare as independent samples (Welch intervals) when runs cannot be paired");
  cmd->add_option("--discount", o.discount,
                  "discount rate in % a year (Green Book 3.5; 1.5 for health)")
      ->check(finite_number())
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--wellby-value", o.wellby_value,
                  "GBP per WELLBY, 2019 prices (range 10000-16000)")
      ->check(finite_number())
      ->check(CLI::PositiveNumber);
  cmd->add_option("--horizon", o.horizons, "weeks at which to report the effect (default every 26)")
      ->type_name("WEEK ...");
  cmd->add_option("--bootstrap", o.bootstrap, "also give bootstrap intervals with N resamples")
      ->check(CLI::Range(0, 1000000));
  cmd->add_option("--bootstrap-seed", o.bootstrap_seed, "seed of the bootstrap (deterministic)");
  cmd->add_option("--cohort-period", o.period_weeks,
                  "weeks in each period of the cohort table (default 260: years 1-5, 6-10, ...)")
      ->type_name("WEEKS")
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--csv", o.csv, "write the tables as CSV files into DIR")->type_name("DIR");
  cmd->add_option("--json", o.json, "write everything as JSON to FILE")->type_name("FILE");
  cmd->add_option("--html", o.html, "write a self-contained HTML report to FILE")
      ->type_name("FILE");
  cmd->add_option("--pdf", o.pdf,
                  "write the HTML report printed to PDF (A4) to FILE, with headless chromium")
      ->type_name("FILE");
  cmd->add_flag("-q,--quiet", o.quiet, "no table on the terminal");
  cmd->add_flag("--include-incomplete", o.include_incomplete,
                "compare killed or unfinished runs over the weeks they have (named on stderr)");
  cmd->callback([&handler] { handler = [] { return compare(o); }; });
}

}  // namespace wellsim::cli
