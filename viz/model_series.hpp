#pragma once
#include <string>
#include <vector>

#include "output/run_reader.hpp"
#include "sim/series_names.hpp"

namespace wellsim::viz {

/// The /series the prevalence chart shows, in this order when present: the problems a policy
/// analyst asks about first, then the unemployment rate.
inline const std::vector<std::string> kKeyPrevalences = [] {
  std::vector<std::string> names;
  for (const auto& d : sim::series::headline_domains()) names.push_back(sim::series::prevalence(d));
  names.push_back(sim::series::kUnemploymentRate);
  return names;
}();

/// The key series (kKeyPrevalences order) that `names` holds; empty for a file without them.
std::vector<std::string> prevalence_series_names(const std::vector<std::string>& names);

/// A chart label for a series name: its last path part with spaces ("food insecure").
std::string series_label(const std::string& name);

/// The services among `names` (those with a `service/<name>/queue` or `.../enrolled` series),
/// in the order their first series appears.
std::vector<std::string> service_names(const std::vector<std::string>& names);

/// One line of a chart: a label and a value per step.
struct NamedSeries {
  std::string label;           ///< as shown in the legend
  std::vector<double> values;  ///< entry s is week s
};

/// One service's weeks: people waiting, people served and places.
struct ServiceSeries {
  std::string name;              ///< the intervention's name
  std::vector<double> queue;     ///< people waiting (empty if the file has no queue series)
  std::vector<double> enrolled;  ///< people served
  std::vector<double> capacity;  ///< places (empty if the file has none)
};

/// The model's series the viewer charts, read once at open: nothing for files without /series
/// (opinion-model and schema-1 runs), so their panels simply do not show.
struct ModelSeries {
  std::vector<NamedSeries> prevalence;  ///< the key prevalences, as shares (0-1)
  std::vector<ServiceSeries> services;  ///< every service with a queue or enrolment
  /// True when there is nothing to chart.
  bool empty() const { return prevalence.empty() && services.empty(); }
};

/// Reads the charted series from `reader` with one read of the series matrix.
ModelSeries read_model_series(const output::RunReader& reader);

}  // namespace wellsim::viz
