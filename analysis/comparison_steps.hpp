#pragma once
// Private to analysis/comparison*.cpp: what the steps of `compare` share, so that the campaign
// steps (comparison_campaigns.cpp) can live in a file of their own.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "analysis/comparison.hpp"

namespace wellsim::analysis::compare_steps {

/// Summarises per-replicate values of both sides as one difference, paired or not.
struct Summary {
  bool paired;
  Estimate diff(const std::vector<double>& b, const std::vector<double>& p) const {
    if (!paired) return welch_interval(b, p);
    std::vector<double> d(b.size());
    for (std::size_t k = 0; k < b.size(); ++k) d[k] = p[k] - b[k];
    return t_interval(d);
  }
  /// A figure that only exists per pair (ratios): an interval when paired, the ratio of the
  /// means otherwise.
  /// A pair with a zero denominator (a campaign that failed gains no WELLBYs) has no ratio of
  /// its own: then too it is the ratio of the means (the expected values), with no interval.
  Estimate ratio(const std::vector<double>& num, const std::vector<double>& den) const {
    const bool zero = std::find(den.begin(), den.end(), 0.0) != den.end();
    if (paired && !zero) {
      std::vector<double> r;
      for (std::size_t k = 0; k < num.size(); ++k) r.push_back(num[k] / den[k]);
      return t_interval(r);
    }
    Estimate e;
    e.n = static_cast<int>(num.size());
    e.mean = mean_of(num) / mean_of(den);
    e.lo = e.hi = std::numeric_limits<double>::quiet_NaN();
    return e;
  }
};

/// The two sides of a comparison and how their per-replicate figures are summarised.
struct Sides {
  const RunSet& baseline;
  const RunSet& policy;
  const Pairing& pairing;
  Summary summary;
  std::uint32_t last;  // last week both sides have
};

/// Per-replicate WELLBYs and costs, and their per-pair differences (the means' difference when
/// unpaired), which the ratios, the net present value and the bootstrap share.
struct Money {
  std::vector<double> wellbys_baseline, wellbys_policy, cost_baseline, cost_policy;
  std::vector<double> wellby_gain, cost_increase;
};

/// An interval of `values`, NaN throughout when there are none (a ring or layer nobody is in).
Estimate interval_or_nan(const std::vector<double>& values, bool empty);

/// The advocacy campaigns' rows (comparison_campaigns.cpp) and the notes they need.
void add_campaigns(PolicyComparison& c, const Sides& s, const Money& m);

/// The cohort table (comparison_cohorts.cpp): children at the start and everyone else, by
/// periods of `period_weeks`.
void add_cohorts(PolicyComparison& c, const Sides& s, const CompareOptions& opt);

}  // namespace wellsim::analysis::compare_steps
