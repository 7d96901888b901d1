// The band behind a chart's line when a run has replicates, so one replicate's noise is not
// read as the scenario's effect.
#include "viz/replicate_band.hpp"

#include <algorithm>

#include "analysis/stats.hpp"

namespace wellsim::viz {

ReplicateBand replicate_band(const std::vector<std::vector<double>>& series) {
  ReplicateBand band;
  band.replicates = series.size();
  if (series.size() < 2) return band;
  band.kind = series.size() >= 3 ? BandKind::TInterval : BandKind::MinMax;
  std::size_t weeks = series.front().size();
  for (const auto& s : series) weeks = std::min(weeks, s.size());
  std::vector<double> at(series.size());
  for (std::size_t w = 0; w < weeks; ++w) {
    for (std::size_t k = 0; k < series.size(); ++k) at[k] = series[k][w];
    if (band.kind == BandKind::MinMax) {
      const auto [lo, hi] = std::minmax_element(at.begin(), at.end());
      band.lo.push_back(*lo), band.hi.push_back(*hi);
    } else {
      const analysis::Estimate e = analysis::t_interval(at, 0.95);
      band.lo.push_back(e.lo), band.hi.push_back(e.hi);
    }
  }
  return band;
}

std::string band_label(const ReplicateBand& band) {
  const std::string n = std::to_string(band.replicates);
  switch (band.kind) {
    case BandKind::TInterval: return "95% t-interval of the mean across " + n + " replicates";
    case BandKind::MinMax: return "min-max across " + n + " replicates";
    case BandKind::None: break;
  }
  return "";
}

}  // namespace wellsim::viz
