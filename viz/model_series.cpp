// The model's series the viewer charts (key prevalences, service queues), looked up by the
// names of sim/series_names.hpp so the viewer and the models cannot drift apart.
#include "viz/model_series.hpp"

#include <algorithm>

namespace wellsim::viz {

namespace {

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::vector<std::string> prevalence_series_names(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& key : kKeyPrevalences)
    if (has(names, key)) out.push_back(key);
  return out;
}

std::string series_label(const std::string& name) {
  std::string s = name.substr(name.find_last_of('/') + 1);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::vector<std::string> service_names(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  namespace series = sim::series;
  for (const std::string& n : names) {
    if (n.rfind(series::kService, 0) != 0) continue;
    const std::string service = series::owner(n), what = series::metric(n);
    if (service.empty() || (what != series::kQueue && what != series::kEnrolled)) continue;
    if (!has(out, service)) out.push_back(service);
  }
  return out;
}

ModelSeries read_model_series(const output::RunReader& reader) {
  ModelSeries m;
  const std::vector<std::string>& names = reader.series_names();
  if (names.empty()) return m;
  const std::vector<double>& all = reader.series_matrix();
  const std::size_t width = names.size(), steps = all.size() / width;
  auto column = [&](const std::string& name) {
    std::vector<double> out;
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) return out;
    const auto k = static_cast<std::size_t>(it - names.begin());
    out.reserve(steps);
    for (std::size_t s = 0; s < steps; ++s) out.push_back(all[s * width + k]);
    return out;
  };
  for (const std::string& name : prevalence_series_names(names))
    m.prevalence.push_back({series_label(name), column(name)});
  for (const std::string& service : service_names(names)) {
    namespace series = sim::series;
    m.services.push_back({service, column(series::service(service, series::kQueue)),
                          column(series::service(service, series::kEnrolled)),
                          column(series::service(service, series::kCapacity))});
  }
  return m;
}

}  // namespace wellsim::viz
