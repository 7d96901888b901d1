#pragma once
#include <string>
#include <vector>

#include "output/run_reader.hpp"

namespace wellsim::viz {

/// A per-week series the viewer's chooser offers: a statistic of /steps (named as there: "sd",
/// "median") or a /series of the model (named by its path: "prevalence/lonely").
struct ChartableSeries {
  std::string name;   ///< what `--chart` and chartable_values take
  std::string label;  ///< what the chooser shows
  /// The chart's axis starts at 0: a share, a count (not a level of wellbeing, whose changes
  /// would be flattened against a 0-10 axis, nor the spread, whose changes in a community run
  /// are hundredths of its size).
  bool from_zero = true;
};

/// What the chooser offers for `reader`: the spread (SD) first — a consensus lesson's point is
/// the spread falling — then the other statistics the fixed charts lack, then every /series.
std::vector<ChartableSeries> chartable_series(const output::RunReader& reader);

/// Series `name`'s value at every complete week; a name the file lacks is a sim::InputError
/// naming the file and the nearest name it has.
std::vector<double> chartable_values(const output::RunReader& reader, const std::string& name);

}  // namespace wellsim::viz
