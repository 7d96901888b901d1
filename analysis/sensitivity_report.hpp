#pragma once
// What `wellsim sensitivity` reports: the sensitivity indices of one outcome of an ensemble
// (output/ensemble_file.hpp), and that report as text, CSV, JSON and a self-contained HTML page.
//
// The outcome at a design point is the mean of that point's replicates of one scenario, so the
// estimators (analysis/sensitivity.hpp) see one value per point in design order. The format
// functions build strings only: the command line decides where they go and checks the writes.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/sensitivity.hpp"
#include "output/ensemble_file.hpp"

namespace wellsim::analysis {

/// What to compute.
struct SensitivityRequest {
  std::string outcome;          ///< an outcome of the ensemble
  std::string scenario;         ///< empty: the only scenario, else the first that is not baseline
  std::string method = "auto";  ///< auto (sobol/morris by design, plus src), sobol, morris, src
  int resamples = 1000;         ///< bootstrap resamples of the intervals
  std::uint64_t seed = 1;       ///< seed of the bootstrap
  double level = 0.95;          ///< interval level
};

/// The indices of one outcome and what they were computed from.
struct SensitivityReport {
  std::string source;  ///< the ensemble file
  std::string experiment, design, outcome, unit, help;
  std::string scenario;                ///< the scenario whose tasks were used
  std::string scenario_choice;         ///< why that one ("the only scenario", ...)
  std::uint32_t base = 0, levels = 0;  ///< Sobol N / Morris r, Morris p
  std::vector<std::string> factors;
  std::size_t points = 0, points_used = 0, tasks_used = 0;
  std::uint32_t replicates_min = 0, replicates_max = 0;  ///< tasks per point used
  int resamples = 0;
  std::uint64_t seed = 1;
  double level = 0.95;
  bool has_sobol = false, has_morris = false, has_src = false;
  std::vector<SobolIndex> sobol;
  std::vector<MorrisIndex> morris;
  RegressionResult src;
};

/// Computes the report. Throws sim::InputError (one line) for an unknown outcome, scenario or
/// method, a method the design cannot support, or — for Sobol and Morris, which need every
/// point — points without a task, naming how many and the first.
SensitivityReport sensitivity_report(const output::Ensemble& ensemble,
                                     const SensitivityRequest& request, const std::string& source);

/// The report as a text table for the terminal.
std::string sensitivity_text(const SensitivityReport& r);
/// The report as CSV: outcome,scenario,method,factor,index,value,lo,hi — one row per factor
/// and index (and one "R2" row for the regression).
std::string sensitivity_csv(const SensitivityReport& r);
/// The report as JSON (NaN as null).
std::string sensitivity_json(const SensitivityReport& r);
/// The report as one self-contained HTML page: inline SVG bar charts with interval whiskers
/// (S1 and ST, or μ*, and the SRCs) and the tables; no scripts, no network.
std::string sensitivity_html(const SensitivityReport& r);

/// Bar colours of the HTML charts, as "#rrggbb" (the render test looks for them).
inline constexpr const char* kFirstOrderColour = "#1f77b4";
inline constexpr const char* kTotalColour = "#ff7f0e";
inline constexpr const char* kMuStarColour = "#2ca02c";
inline constexpr const char* kSrcColour = "#9467bd";

}  // namespace wellsim::analysis
