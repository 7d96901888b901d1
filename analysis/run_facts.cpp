#include "analysis/run_facts.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/evidence.hpp"

namespace wellsim::analysis {

namespace {

/// Keys that differ between any two runs by design, not by policy.
bool incidental(const std::string& key) {
  return key == "run.name" || key == "run.caption" || key == "run.replicate" ||
         key.rfind("output.", 0) == 0 || key.rfind("intervention[", 0) == 0;
}

/// Keys of an intervention shown elsewhere in its row (name, type, weeks, targets).
bool described_by_record(const std::string& key) {
  return key == "name" || key == "type" || key == "start_week" || key == "end_week" ||
         key.rfind("target.", 0) == 0;
}

template <typename T>
void add_distinct(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

/// Units of the typed parameters by key (empty for files without them).
std::map<std::string, std::string> units_of(const output::RunReader& run) {
  std::map<std::string, std::string> units;
  for (const auto& p : run.typed_parameters()) units[p.key] = p.unit;
  return units;
}

/// Every scenario key as TOML text: from the typed /parameters where the file has them, so the
/// text copy in /manifest/parameters is read only from older files (a damaged attribute there
/// is refused, but libhdf5 1.10 then crashes closing the file: read what compare needs only).
std::map<std::string, std::string> parameter_texts(const output::RunReader& run) {
  if (!run.has_typed_parameters()) return run.parameters();
  std::map<std::string, std::string> out;
  for (const auto& p : run.typed_parameters()) out[p.key] = sim::to_text(p.value);
  return out;
}

/// An intervention's keys as TOML text: typed files hold values, older ones the text itself.
std::map<std::string, std::string> key_texts(const output::RunReader& run,
                                             const output::InterventionRecord& r) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : r.parameters)
    out[key] = run.has_interventions_table() ? sim::to_text(value) : std::get<std::string>(value);
  return out;
}

/// The keys of `b` and `p` (either may be empty) whose text differs; `unit_prefix` finds units.
std::vector<ParameterChange> differing(const std::map<std::string, std::string>& b,
                                       const std::map<std::string, std::string>& p,
                                       const std::map<std::string, std::string>& units,
                                       const std::string& unit_prefix) {
  std::set<std::string> keys;
  for (const auto& kv : b) keys.insert(kv.first);
  for (const auto& kv : p) keys.insert(kv.first);
  std::vector<ParameterChange> out;
  for (const auto& key : keys) {
    auto bi = b.find(key), pi = p.find(key);
    const std::string bv = bi == b.end() ? "" : bi->second, pv = pi == p.end() ? "" : pi->second;
    if (bv == pv || described_by_record(key)) continue;
    auto u = units.find(unit_prefix + key);
    out.push_back({key, bv, pv, u == units.end() ? "" : u->second});
  }
  return out;
}

}  // namespace

SetFacts set_facts(const RunSet& set) {
  SetFacts f;
  const output::RunReader& first = *set.runs.front();
  f.caption = first.parameter_string("run.caption");
  f.scenario_path = first.scenario_path();
  f.steps_planned = first.steps_planned();
  for (const auto& run : set.runs) {
    auto m = run->manifest();
    f.model = m["model"];
    f.network_source = m["network_source"];
    add_distinct(f.versions, m["wellsim_version"]);
    add_distinct(f.commits, m["git_commit"]);
    add_distinct(f.seeds, run->seed());
    f.replicates.push_back(run->replicate());
    // ISO 8601 UTC times sort as text.
    if (f.started.empty() || m["started_at"] < f.started) f.started = m["started_at"];
    if (m["finished_at"] > f.finished) f.finished = m["finished_at"];
  }
  return f;
}

std::vector<ParameterChange> parameter_changes(const output::RunReader& baseline,
                                               const output::RunReader& policy) {
  std::map<std::string, std::string> b, p;
  for (const auto& [k, v] : parameter_texts(baseline))
    if (!incidental(k)) b[k] = v;
  for (const auto& [k, v] : parameter_texts(policy))
    if (!incidental(k)) p[k] = v;
  return differing(b, p, units_of(policy), "");
}

std::vector<InterventionChange> intervention_changes(const output::RunReader& baseline,
                                                     const output::RunReader& policy) {
  const auto b = baseline.interventions(), p = policy.interventions();
  const auto units = units_of(policy);
  auto find = [](const std::vector<output::InterventionRecord>& v, const std::string& name) {
    return std::find_if(v.begin(), v.end(), [&](const auto& r) { return r.name == name; });
  };
  std::vector<InterventionChange> out;
  for (std::size_t k = 0; k < p.size(); ++k) {
    auto it = find(b, p[k].name);
    const std::map<std::string, std::string> none;
    const auto before = it == b.end() ? none : key_texts(baseline, *it);
    const auto after = key_texts(policy, p[k]);
    auto keys = differing(before, after, units, "intervention[" + std::to_string(k + 1) + "].");
    // A change of weeks or targets alone leaves no differing key: compare the whole entry.
    if (it != b.end() && before == after) continue;
    out.push_back({it == b.end() ? "added" : "changed", p[k], std::move(keys)});
  }
  for (const auto& r : b)
    if (find(p, r.name) == p.end()) out.push_back({"removed", r, {}});
  return out;
}

std::vector<EffectUsed> effects_used(const output::RunReader& run) {
  const auto units = units_of(run);
  std::vector<EffectUsed> out;
  for (const auto& [key, value] : parameter_texts(run)) {
    if (key.rfind("wellbeing.effect_", 0) != 0) continue;
    auto u = units.find(key);
    out.push_back({key, value, u == units.end() ? "" : u->second, evidence_for_key(key)});
  }
  return out;
}

}  // namespace wellsim::analysis
