#pragma once
// The reports of `wellsim compare`: a terminal table, CSV tables, JSON, one HTML page and its PDF.
#include <cstdio>
#include <string>
#include <vector>

#include "analysis/comparison.hpp"

namespace wellsim::analysis {

/// The headline figures by their name in the CSV and JSON reports ("wellbys", "npv_gbp", ...).
std::vector<std::pair<std::string, const Estimate*>> headline(const PolicyComparison& c);

/// Writes the readable comparison table to `out`.
void write_text(std::FILE* out, const PolicyComparison& c);

/// Writes the tables as CSV files into `dir` (created if needed), one row per policy and figure:
/// summary.csv, effect_over_time.csv, horizons.csv, distribution.csv, inequality.csv,
/// who_gains.csv, ripple.csv, domains.csv, services.csv, campaigns.csv, cohorts.csv. Returns
/// the files written.
std::vector<std::string> write_csv(const std::string& dir,
                                   const std::vector<PolicyComparison>& all);

/// Writes every comparison as one JSON document to `path`.
void write_json(const std::string& path, const std::vector<PolicyComparison>& all);

/// The Chart.js file the HTML report inlines (Debian package libjs-chart.js).
inline constexpr const char* kChartJsPath = "/usr/share/javascript/chart.js/chart.min.js";

/// Writes a self-contained HTML report to `path`, inlining the JavaScript at `chart_js` to draw
/// charts; without that file it writes tables only. Returns true when charts were included.
bool write_html(const std::string& path, const std::vector<PolicyComparison>& all,
                const std::string& chart_js = kChartJsPath);

/// The colour of the frame around every chart of the HTML report: the render tests find the
/// charts in screenshots and printed pages by it.
inline constexpr const char* kChartFrameColour = "#8fa8c0";

/// Prints the HTML report `html` to the PDF file `pdf` with headless Chromium (Debian package
/// chromium). Throws sim::RuntimeError naming `pdf` when chromium is missing or fails.
void write_pdf(const std::string& html, const std::string& pdf);

}  // namespace wellsim::analysis
