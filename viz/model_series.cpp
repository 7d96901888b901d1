// Chooses and orders the /series the prevalence chart draws: the problems an analyst asks about
// first, whatever order the run file stores them in.
#include "viz/model_series.hpp"

#include <algorithm>

namespace wellsim::viz {

namespace {

constexpr const char* kService = "service/";

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
  const std::string prefix = kService;
  for (const std::string& n : names) {
    if (n.rfind(prefix, 0) != 0) continue;
    const std::size_t slash = n.rfind('/');
    if (slash <= prefix.size()) continue;
    const std::string what = n.substr(slash + 1);
    if (what != "queue" && what != "enrolled") continue;
    const std::string service = n.substr(prefix.size(), slash - prefix.size());
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
    const std::string at = std::string(kService) + service + "/";
    m.services.push_back(
        {service, column(at + "queue"), column(at + "enrolled"), column(at + "capacity")});
  }
  return m;
}

}  // namespace wellsim::viz
