#pragma once
// The band drawn behind a chart's line when the run has replicates: where the mean over time of
// the scenario lies, not just of the one replicate shown. With 3 or more replicates it is the
// 95% Student t interval of the mean across replicates, week by week (what analysis/ reports
// for an effect, so the viewer and the report agree); with 2 a t interval has one degree of
// freedom and is uselessly wide, so the band is then just their range (min to max).
#include <cstddef>
#include <string>
#include <vector>

namespace wellsim::viz {

/// What a ReplicateBand's bounds are.
enum class BandKind {
  None,       ///< fewer than 2 replicates: no band
  MinMax,     ///< 2 replicates: the lowest and highest value each week
  TInterval,  ///< 3 or more: the 95% t interval of the mean across replicates
};

/// Lower and upper bound of a band, one pair per week from week 0.
struct ReplicateBand {
  BandKind kind = BandKind::None;  ///< what the bounds are
  std::size_t replicates = 0;      ///< how many series it rests on
  std::vector<double> lo;          ///< lower bound per week
  std::vector<double> hi;          ///< upper bound per week
};

/// The band across `series` (one value per week from week 0 each), over the weeks every series
/// has (a replicate that stopped early shortens the band, it does not fake its weeks).
ReplicateBand replicate_band(const std::vector<std::vector<double>>& series);

/// Says what the band is, e.g. "95% t-interval of the mean across 5 replicates" or "min-max
/// across 2 replicates"; "" for no band.
std::string band_label(const ReplicateBand& band);

}  // namespace wellsim::viz
