#pragma once
// Pieces shared by the files that write the HTML report (report_html*.cpp): table cells, chart
// canvases and JavaScript literals. Internal to analysis/.
#include <ostream>
#include <string>
#include <vector>

#include "analysis/comparison.hpp"

namespace wellsim::analysis::html {

/// Numbers as a JavaScript array literal (NaN as null).
std::string js_array(const std::vector<double>& v);
/// A string as a JavaScript literal, escaped.
std::string js_string(const std::string& s);
/// Strings as a JavaScript array literal, escaped.
std::string js_strings(const std::vector<std::string>& v);
/// Intervals as a JavaScript array of [lo, hi] pairs (null without an interval): the data of a
/// floating bar, drawn over the estimate's bar as its error bar.
std::string js_intervals(const std::vector<Estimate>& v, double scale = 1);

/// Two cells: the mean and its interval, `digits` decimals.
std::string cell(const Estimate& e, int digits);
/// Two cells: the mean and its interval as money.
std::string money_cell(const Estimate& e);
/// Two cells: a share as a percentage and its interval in percent too.
std::string percent_cell(const Estimate& share, int digits);

/// A section heading with the id the table of contents links to.
std::string heading(const std::string& id, const std::string& title);

/// A framed canvas `id` and the script that draws `config` (a Chart.js configuration) on it;
/// "" when the page has no charts.
std::string chart(bool charts, const std::string& id, const std::string& config);

/// The dataset of error bars for `intervals`: thin dark floating bars over the estimates.
std::string error_bars(const std::vector<Estimate>& intervals, double scale = 1);

/// The charted sections of one comparison: effect over time, distribution shift, who gains,
/// ripple by distance, cost-effectiveness. `p` prefixes element ids.
void effect_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts);
void distribution_section(std::ostream& o, const PolicyComparison& c, const std::string& p,
                          bool charts);
void who_gains_section(std::ostream& o, const PolicyComparison& c, const std::string& p,
                       bool charts);
void ripple_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts);
void cost_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts);
/// Children at the start and everyone else by period (nothing when the comparison has no cohorts).
void cohorts_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts);

/// The sections for readers who do not read charts: the plain-words verdict, domains and
/// services, assumptions and caveats, provenance with every file.
void summary_section(std::ostream& o, const PolicyComparison& c, const std::string& p);
void domains_section(std::ostream& o, const PolicyComparison& c, const std::string& p);
void assumptions_section(std::ostream& o, const PolicyComparison& c, const std::string& p);
void provenance_section(std::ostream& o, const PolicyComparison& c, const std::string& p);

}  // namespace wellsim::analysis::html
