#pragma once
// One policy set against one baseline set: every figure the reports show, computed once.
//
// Each figure is computed per replicate (per pair when paired) and then summarised across
// replicates with analysis/stats: a mean and its 95% interval. The reports (text, CSV, JSON,
// HTML) only format this structure.
#include <array>
#include <string>
#include <vector>

#include "analysis/pairing.hpp"
#include "analysis/ripple.hpp"
#include "analysis/run_facts.hpp"
#include "analysis/run_set.hpp"
#include "analysis/stats.hpp"
#include "analysis/wellby.hpp"

namespace wellsim::analysis {

/// What to compute.
struct CompareOptions {
  Valuation valuation;                  ///< WELLBY value and discount rate
  std::vector<std::uint32_t> horizons;  ///< weeks to report the effect at (empty: every 26)
  bool unpaired = false;                ///< compare as independent samples
  int bootstrap = 0;                    ///< bootstrap resamples for headline intervals (0: none)
  std::uint64_t bootstrap_seed = 20190101;  ///< seed of the bootstrap's generator
  std::uint32_t cohort_period_weeks = 260;  ///< length of a period of the cohort table (5 years)
};

/// The effect by a given week.
struct Horizon {
  std::uint32_t week = 0;  ///< row (weeks since the start)
  Estimate effect;         ///< difference in mean life satisfaction at that week
  Estimate wellbys;        ///< discounted WELLBYs accumulated up to that week
};

/// A level in both runs and its change.
struct Level {
  std::string name;     ///< what is measured
  double week0 = 0;     ///< baseline at week 0 (mean over replicates)
  double baseline = 0;  ///< baseline at the last week (mean over replicates)
  double policy = 0;    ///< policy at the last week (mean over replicates)
  Estimate change;      ///< policy − baseline
};

/// Effect within one group of people.
struct GroupEffect {
  std::string split;       ///< "age band", ...
  std::string category;    ///< "65+", ...
  std::size_t people = 0;  ///< people in the group (first replicate)
  double baseline = 0;     ///< baseline group mean at the last recorded week
  Estimate effect;         ///< policy − baseline group mean
};

/// A service's queue and waiting time, averaged over the weeks.
struct ServiceRow {
  std::string name;                                   ///< service (intervention) name
  bool policy_own = false;                            ///< true when the policy adds or changes it
  double queue_baseline = 0, queue_policy = 0;        ///< mean people waiting per week
  double wait_baseline = 0, wait_policy = 0;          ///< mean wait of those admitted (weeks)
  double enrolled_baseline = 0, enrolled_policy = 0;  ///< mean people served per week
};

/// An advocacy campaign of the policy runs: how often it won its change and what the runs were
/// worth when it did and when it failed (the headline WELLBYs already average over both).
struct CampaignRow {
  std::string name;                ///< the campaign (intervention) name
  std::string wins;                ///< the change it campaigns for ("" when the file lacks it)
  Estimate success;                ///< share of policy replicates won by the last week (Wilson)
  std::vector<double> by_horizon;  ///< share won by each week of `horizons`, in that order
  double success_baseline = 0;     ///< the same share in the baseline runs (NaN: it has none)
  double mean_win_week = 0;        ///< mean win week of the replicates that won (NaN: none)
  Estimate wellbys_expected;       ///< WELLBYs over every pair, failed campaigns included
  Estimate wellbys_won;            ///< WELLBYs of the pairs in which it won (paired only)
  Estimate wellbys_failed;         ///< WELLBYs of the pairs in which it failed (paired only)
};

/// The effect on one cohort (fixed at week 0) over one period of the run.
struct CohortRow {
  std::string cohort;            ///< "children at the start (0-15)" or "everyone else (16+)"
  std::uint32_t first_week = 0;  ///< first week (row) of the period
  std::uint32_t last_week = 0;   ///< last week of the period
  double people = 0;    ///< baseline people of the cohort present, mean over the period's weeks
  double baseline = 0;  ///< baseline mean life satisfaction over the cohort's person-weeks present
  Estimate effect;      ///< policy − baseline mean over person-weeks present
  Estimate wellbys;     ///< discounted WELLBYs over the cohort's person-weeks in the period
};

/// "years 1-5" for a period of whole years, "weeks 1-100" otherwise.
std::string period_label(std::uint32_t first_week, std::uint32_t last_week);

/// Everything `wellsim compare` reports for one policy.
struct PolicyComparison {
  std::string baseline_name, policy_name;                 ///< scenario names
  std::vector<std::string> baseline_paths, policy_paths;  ///< the files
  bool paired = true;                                     ///< paired by common random numbers
  int replicates = 0;               ///< pairs (paired) or the smaller set's size
  std::size_t population = 0;       ///< people in the policy runs
  std::uint32_t last_step = 0;      ///< last week both sides have
  std::uint32_t recorded_step = 0;  ///< week of the per-person rows used (who gains, ripple)
  Valuation valuation;              ///< as used
  std::vector<std::string> policy_interventions;         ///< added or changed by the policy
  std::vector<std::string> notes;                        ///< caveats worth printing
  SetFacts baseline_facts, policy_facts;                 ///< versions, seeds, dates of each set
  std::vector<ParameterChange> parameter_changes;        ///< scenario keys that differ
  std::vector<InterventionChange> intervention_changes;  ///< interventions added/changed/removed
  std::vector<EffectUsed> effects_used;  ///< the policy's wellbeing effects and their sources

  std::vector<double> baseline_mean, policy_mean;  ///< mean life satisfaction per week
  std::vector<Estimate> effect;                    ///< difference per week, with interval
  Estimate final_effect;                           ///< difference at last_step
  Estimate average_effect;                         ///< difference averaged over weeks 1..last_step
  Estimate wellbys;                                ///< discounted WELLBYs
  Estimate value;                                  ///< monetised WELLBYs at the central value (GBP)
  double value_low = 0, value_high = 0;            ///< at the ends of the WELLBY value range (mean)
  Estimate cost;             ///< discounted net cost, policy − baseline (GBP)
  Estimate cost_per_wellby;  ///< cost / WELLBYs (GBP)
  Estimate npv;              ///< value − cost (GBP)
  Estimate bcr;              ///< value / cost
  std::vector<std::pair<std::string, Estimate>> bootstrap;  ///< bootstrap intervals, if asked
  std::vector<Horizon> horizons;  ///< the effect at chosen weeks (always includes the last)

  std::array<double, 11> dist_baseline{}, dist_policy{};  ///< share at each rounded score 0..10
  std::vector<Level> inequality;                          ///< SD, share 0-4, income-quintile gap
  std::vector<GroupEffect> groups;                        ///< who gains

  bool has_recipients = false;                 ///< some agent had a start event of the policy
  std::array<double, kRings> ring_people{};    ///< mean people per ring
  std::array<Estimate, kRings> ring_effect{};  ///< mean per-person difference per ring
  Estimate spillover_share;                    ///< share of the total effect on non-recipients
  std::vector<std::string> layer_names;        ///< tie layers of the network
  std::vector<double> layer_people;            ///< mean one-hop people per tie layer
  std::vector<Estimate> layer_effect;          ///< their mean difference per tie layer
  Estimate total_points;                       ///< summed per-person difference (points)

  /// Domain prevalences at the last week (shares): need, then "<domain> after relief" for a
  /// domain some service relieved.
  std::vector<Level> prevalence;
  std::vector<Level> prevalence_average;  ///< the same averaged over weeks 1..last_step
  std::vector<ServiceRow> services;       ///< queues and waits
  std::vector<CampaignRow> campaigns;     ///< advocacy campaigns of the policy runs

  /// Children at the start and everyone else by period (runs with people only), cohort-major.
  std::vector<CohortRow> cohorts;
  std::uint32_t cohort_every = 0;  ///< weeks between the per-person rows the cohort table reads
};

/// Compares `policy` with `baseline`; throws sim::InputError when they cannot be paired (and
/// options.unpaired is not set).
PolicyComparison compare(const RunSet& baseline, const RunSet& policy,
                         const CompareOptions& options);

/// Total discounted-able cost per week of a run: the sum of its service/*/cost and
/// policy/*/cost series (zeros when it has none).
std::vector<double> cost_series(const output::RunReader& run);

/// Names of interventions in `policy` that `baseline` lacks or configures differently, from
/// their stored parameters ("intervention[k].name" and siblings).
std::vector<std::string> policy_interventions(const output::RunReader& baseline,
                                              const output::RunReader& policy);

}  // namespace wellsim::analysis
