#pragma once
// Number formatting shared by the reports.
#include <string>
#include <vector>

#include "analysis/stats.hpp"

namespace wellsim::analysis {

/// `x` with `digits` decimals, "n/a" when not finite.
std::string num(double x, int digits);
/// `x` as money with thousands separators and no pence: "£1,234,567", "-£2,600".
std::string money(double x);
/// "[lo, hi]" with `digits` decimals, or "(no interval)" without one.
std::string interval(const Estimate& e, int digits);
/// "[£lo, £hi]" or "(no interval)".
std::string money_interval(const Estimate& e);
/// `x` with 10 significant digits for CSV, "null" when not finite (as the JSON report has it).
std::string csv_number(double x);
/// `s` with &, <, >, " escaped for HTML.
std::string html_escape(const std::string& s);
/// `parts` joined with `sep` between them.
std::string join(const std::vector<std::string>& parts, const std::string& sep);
/// `s` quoted for CSV when it holds a comma or quote.
std::string csv_field(const std::string& s);

}  // namespace wellsim::analysis
