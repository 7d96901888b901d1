// The series chooser's catalogue: statistics are read from /steps and the model's series from
// /series, so a lesson can chart whichever its scenario is about.
#include "viz/series_catalogue.hpp"

#include <algorithm>

#include "sim/errors.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::viz {

namespace {

// The /steps statistics not already on a fixed chart (mean and share_low are), in the order
// the chooser lists them.
const std::vector<ChartableSeries> kStatistics{
    {"sd", "Spread of wellbeing (SD)", false},
    {"median", "Median wellbeing", false},
    {"p10", "10th percentile of wellbeing", false},
    {"p90", "90th percentile of wellbeing", false},
    {"share_high", "High wellbeing (6.5 and above), share", true},
    {"min", "Lowest wellbeing", false},
    {"max", "Highest wellbeing", false},
};

bool is_statistic(const std::string& name) {
  return std::any_of(kStatistics.begin(), kStatistics.end(),
                     [&](const ChartableSeries& s) { return s.name == name; });
}

}  // namespace

std::vector<ChartableSeries> chartable_series(const output::RunReader& reader) {
  std::vector<ChartableSeries> all = kStatistics;
  for (const std::string& name : reader.series_names()) all.push_back({name, name, true});
  return all;
}

std::vector<double> chartable_values(const output::RunReader& reader, const std::string& name) {
  if (is_statistic(name)) return reader.stat(name);
  if (reader.has_series(name)) return reader.series(name);
  std::vector<std::string> names;
  for (const ChartableSeries& s : chartable_series(reader)) names.push_back(s.name);
  const std::string near = sim::nearest_name(names, name);
  throw sim::InputError(
      reader.path() + ": no series \"" + name + "\" to chart" +
      (near.empty() ? " (try sd, median, p10 or p90)" : " (did you mean \"" + near + "\"?)"));
}

}  // namespace wellsim::viz
