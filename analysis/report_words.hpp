#pragma once
// A comparison in plain words, for the first section of a report a council reads: what the
// policy is, what it changes for whom, how sure we are, what it costs and what it is worth.
//
// Numbers are rounded to what their intervals support (an effect known to ±0.002 is given to
// three decimals, 724 ± 24 WELLBYs as "720"), and ratios that mean nothing (a cost per WELLBY
// of a harmful change, a benefit-cost ratio of a saving) are explained instead of printed.
#include <string>

#include "analysis/comparison.hpp"

namespace wellsim::analysis {

/// The verdict's sentences, plain text (the caller escapes them for HTML).
struct PlainWords {
  std::string what;      ///< what the policy is and changes, against which baseline
  std::string who;       ///< the effect on life satisfaction, and for whom
  std::string how_sure;  ///< what the intervals say, and what they leave out
  std::string cost;      ///< the net cost
  std::string worth;     ///< the value of the wellbeing change and how it compares with the cost
};

/// The comparison `c` in plain words.
PlainWords plain_words(const PolicyComparison& c);

/// `e.mean` rounded to the leading digit of its 95% half-width (two significant figures when
/// it has no interval), with thousands separators: "0.013", "720", "-1,900".
std::string rounded(const Estimate& e);

/// `x` in pounds to two significant figures: "£9.4 million", "£63,000", "-£2,600".
std::string money_words(double x);

/// Why the cost per WELLBY is not a price for `c` (a harmful change, a saving, no cost), or ""
/// when it means what it says.
std::string cost_per_wellby_caveat(const PolicyComparison& c);

/// Why the benefit-cost ratio of `c` does not read as "value per pound", or "" when it does.
std::string bcr_caveat(const PolicyComparison& c);

/// Why the interval of a ratio is left out (its denominator's interval includes zero), or "".
std::string ratio_interval_caveat(const Estimate& denominator, const std::string& what);

}  // namespace wellsim::analysis
