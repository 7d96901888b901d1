// Why this file exists: RunReader's typed view of the scenario — /parameters, /interventions,
// the replicate-set key and the series check — kept apart from run_reader.cpp (the layout
// checks and per-step data). Files written before these were stored (schema 2 without them)
// read through one legacy path here, so no reader elsewhere touches scenario text.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "output/h5_util.hpp"
#include "output/run_contract.hpp"
#include "output/run_reader.hpp"
#include "output/typed_values.hpp"
#include "sim/errors.hpp"

namespace wellsim::output {

namespace {

/// A string parameter as stored in /manifest/parameters (TOML text) without its quotes: only
/// for files written before /parameters existed.
std::string legacy_unquote(const std::string& text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return text;
  std::string out;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' && i + 2 < text.size()) ++i;  // \" and \\ as sim::to_text writes them
    out += text[i];
  }
  return out;
}

/// An intervention week stored as text before /interventions existed; a week at or beyond the
/// models' "forever" (10^6) means to the end, as it did in the scenario.
std::int64_t legacy_week(const std::string& text, std::int64_t fallback) {
  try {
    const std::int64_t w = std::stoll(text);
    return w >= 1000000 ? kToTheEnd : w;
  } catch (const std::exception&) {
    return fallback;
  }
}

}  // namespace

bool RunReader::has_typed_parameters() const {
  return H5Lexists(file_, "parameters", H5P_DEFAULT) > 0;
}

bool RunReader::has_interventions_table() const {
  return H5Lexists(file_, "interventions", H5P_DEFAULT) > 0;
}

namespace {

/// Attribute `key` of the /parameters subgroup `group` ("unit"), or an error naming both.
std::string parameter_text(hid_t parameters, const char* group, const std::string& key) {
  h5::Group g(H5Gopen2(parameters, group, H5P_DEFAULT),
              std::string("missing group /parameters/") + group);
  if (!h5::has_attribute(g, key))
    throw h5::Error("/parameters/" + std::string(group) + " has no entry for " + key);
  return h5::read_string_attribute(g, key);
}

sim::ParamType parse_type(const std::string& name) {
  for (auto t : {sim::ParamType::Integer, sim::ParamType::Real, sim::ParamType::Boolean,
                 sim::ParamType::String, sim::ParamType::Choice, sim::ParamType::Path,
                 sim::ParamType::RealList, sim::ParamType::StringList})
    if (h5::type_name(t) == name) return t;
  throw h5::Error("/parameters/type: unknown type \"" + name + "\"");
}

}  // namespace

std::vector<ParameterRecord> RunReader::typed_parameters() const {
  if (!has_typed_parameters()) return {};
  return h5::translate<sim::InputError>(path_, [&] {
    std::vector<ParameterRecord> out;
    h5::Group all(H5Gopen2(file_, "parameters", H5P_DEFAULT), "cannot open /parameters");
    for (const std::string& key : h5::attribute_names(all)) {
      ParameterRecord r;
      r.key = key;
      r.value = h5::read_value_attribute(all, key);
      r.type = parse_type(parameter_text(all, "type", key));
      r.unit = parameter_text(all, "unit", key);
      r.help = parameter_text(all, "help", key);
      out.push_back(std::move(r));
    }
    return out;
  });
}

std::string RunReader::parameter_string(const std::string& key) const {
  if (has_typed_parameters()) {
    return h5::translate<sim::InputError>(path_, [&] {
      h5::Group all(H5Gopen2(file_, "parameters", H5P_DEFAULT), "cannot open /parameters");
      if (!h5::has_attribute(all, key)) return std::string();
      const sim::ParamValue v = h5::read_value_attribute(all, key);
      if (const auto* s = std::get_if<std::string>(&v)) return *s;
      return sim::to_text(v);
    });
  }
  const auto params = parameters();
  const auto it = params.find(key);
  return it == params.end() ? std::string() : legacy_unquote(it->second);
}

std::string RunReader::run_name() const {
  const std::string name = parameter_string("run.name");
  return name.empty() ? std::filesystem::path(scenario_path()).stem().string() : name;
}

std::vector<InterventionRecord> RunReader::interventions() const {
  if (!has_interventions_table()) return legacy_interventions();
  return h5::translate<sim::InputError>(path_, [&] {
    std::vector<InterventionRecord> out;
    h5::Group all(H5Gopen2(file_, "interventions", H5P_DEFAULT), "cannot open /interventions");
    for (const std::string& name : h5::read_strings_attribute(all, "names")) {
      const std::string at = intervention_group_name(name);
      h5::Group g(H5Gopen2(all, at.c_str(), H5P_DEFAULT), "missing group /interventions/" + at);
      InterventionRecord r;
      r.name = h5::read_string_attribute(g, "name");
      r.type = h5::read_string_attribute(g, "type");
      r.level = h5::read_string_attribute(g, "level");
      r.start_week = std::get<std::int64_t>(h5::read_value_attribute(g, "start_week"));
      r.end_week = std::get<std::int64_t>(h5::read_value_attribute(g, "end_week"));
      r.neighbourhoods = h5::read_strings_attribute(g, "target_neighbourhoods");
      r.filter = h5::read_strings_attribute(g, "target_filter");
      h5::Group params(H5Gopen2(g, "parameters", H5P_DEFAULT),
                       "missing group /interventions/" + at + "/parameters");
      for (const std::string& key : h5::attribute_names(params))
        r.parameters.emplace_back(key, h5::read_value_attribute(params, key));
      out.push_back(std::move(r));
    }
    return out;
  });
}

std::vector<InterventionRecord> RunReader::legacy_interventions() const {
  // "intervention[k].key" -> TOML text, grouped by k in scenario order.
  std::map<int, std::map<std::string, std::string>> by_index;
  for (const auto& [key, value] : parameters()) {
    if (key.rfind("intervention[", 0) != 0) continue;
    const auto close = key.find("].");
    if (close == std::string::npos) continue;
    by_index[std::atoi(key.c_str() + 13)][key.substr(close + 2)] = value;
  }
  std::vector<InterventionRecord> out;
  for (const auto& [k, text] : by_index) {
    auto get = [&text = text](const char* key) {  // clang 14: no captured bindings
      const auto it = text.find(key);
      return it == text.end() ? std::string() : it->second;
    };
    InterventionRecord r;
    r.type = legacy_unquote(get("type"));
    r.name = legacy_unquote(get("name"));
    if (r.name.empty()) r.name = r.type;
    r.start_week = std::max<std::int64_t>(0, legacy_week(get("start_week"), 1));
    r.end_week = legacy_week(get("end_week"), kToTheEnd);
    for (const auto& [key, value] : text) r.parameters.emplace_back(key, value);
    out.push_back(std::move(r));
  }
  return out;
}

std::string RunReader::set_key() const {
  const std::string stored = h5::translate<sim::InputError>(path_, [&] {
    h5::Object scenario(H5Oopen(file_, "/scenario", H5P_DEFAULT), "cannot open /scenario");
    return h5::has_attribute(scenario, "set_key") ? h5::read_string_attribute(scenario, "set_key")
                                                  : std::string();
  });
  return stored.empty() ? set_key_of(effective_scenario()) : stored;
}

bool RunReader::has_series(const std::string& name) const {
  return std::find(series_names_.begin(), series_names_.end(), name) != series_names_.end();
}

}  // namespace wellsim::output
