// Why this file exists: the run file is the one contract between a run and its readers (DESIGN),
// so what they need — typed parameters with units, the interventions, the replicate-set key —
// is written here once, from records the command line fills, instead of being re-derived from
// scenario text by every reader.
#include "output/run_contract.hpp"

#include "output/h5_util.hpp"
#include "output/typed_values.hpp"
#include "sim/hash.hpp"

namespace wellsim::output {

std::string set_key_of(const std::string& effective_scenario) {
  const std::string& text = effective_scenario;
  std::string kept, table;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.front() == '[') table = line;
    if (table == "[run]" && line.rfind("replicate ", 0) == 0) continue;
    kept += line + "\n";
  }
  return sim::fnv1a_hex(kept);
}

std::string intervention_group_name(const std::string& name) {
  std::string out;
  for (char ch : name) out += ch == '/' ? "%2F" : ch == '%' ? "%25" : std::string(1, ch);
  return out == "." ? "%2E" : out;
}

void write_parameters(hid_t file, const std::vector<ParameterRecord>& records) {
  // Attributes rather than a group per parameter: a few hundred groups would add ~1.4 KB each
  // to every run file, attributes a few dozen bytes.
  h5::Group values = h5::create_group(file, "parameters");
  h5::Group types = h5::create_group(values, "type");
  h5::Group units = h5::create_group(values, "unit");
  h5::Group help = h5::create_group(values, "help");
  for (const ParameterRecord& r : records) {
    h5::write_value_attribute(values, r.key, r.value);
    h5::write_attribute(types, r.key, h5::type_name(r.type));
    h5::write_attribute(units, r.key, r.unit);
    h5::write_attribute(help, r.key, r.help);
  }
}

void write_interventions(hid_t file, const std::vector<InterventionRecord>& records) {
  h5::Group all = h5::create_group(file, "interventions");
  std::vector<std::string> names;
  for (const InterventionRecord& r : records) names.push_back(r.name);
  h5::write_attribute(all, "names", names);
  for (const InterventionRecord& r : records) {
    h5::Group g = h5::create_group(all, intervention_group_name(r.name));
    h5::write_attribute(g, "name", r.name);
    h5::write_attribute(g, "type", r.type);
    h5::write_attribute(g, "level", r.level);
    h5::write_attribute(g, "start_week", r.start_week);
    h5::write_attribute(g, "end_week", r.end_week);
    h5::write_attribute(g, "target_neighbourhoods", r.neighbourhoods);
    h5::write_attribute(g, "target_filter", r.filter);
    h5::Group params = h5::create_group(g, "parameters");
    for (const auto& [key, value] : r.parameters) h5::write_value_attribute(params, key, value);
  }
}

}  // namespace wellsim::output
