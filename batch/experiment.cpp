#include "batch/experiment.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "models/interventions/intervention_registry.hpp"
#include "models/scenario_schema.hpp"
#include "sim/errors.hpp"
#include "sim/hash.hpp"

namespace wellsim::batch {

namespace fs = std::filesystem;

namespace {

using sim::InputError;

/// Messages located in the experiment file.
struct Source {
  std::string path;
  [[noreturn]] void fail(const toml::node& at, const std::string& what) const {
    throw InputError(sim::where(path, at.source().begin.line) + what);
  }
  [[noreturn]] void fail(long line, const std::string& what) const {
    throw InputError(sim::where(path, line) + what);
  }
};

std::string read_text(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw InputError(path + ": cannot read experiment file (not a regular file)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read experiment file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Fails on any key of `table` not in `known`, naming it and its line.
void check_keys(const Source& src, const toml::table& table, const std::string& where,
                const std::set<std::string>& known) {
  for (const auto& [key, node] : table) {
    if (known.count(std::string(key.str()))) continue;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    src.fail(node, where + "." + std::string(key.str()) + ": unknown key (known: " + list + ")");
  }
}

template <typename T>
T integer_in(const Source& src, const toml::table& t, const std::string& where,
             const std::string& key, T fallback, std::int64_t lo, std::int64_t hi) {
  const toml::node* node = t.get(key);
  if (!node) return fallback;
  const auto v = node->value_exact<std::int64_t>();
  if (!v || *v < lo || *v > hi)
    src.fail(*node, where + "." + key + ": expected an integer in [" + std::to_string(lo) + ", " +
                        std::to_string(hi) + "]");
  return static_cast<T>(*v);
}

double number_in(const Source& src, const toml::node& node, const std::string& what) {
  const auto v = node.value<double>();
  if (!v || !std::isfinite(*v)) src.fail(node, what + ": expected a finite number");
  return *v;
}

/// The shortest text that reads back as `value`, always a TOML real ("50.0", not "50").
std::string real_text(double value) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  std::string text(buf, r.ptr);
  return text.find_first_of(".en") == std::string::npos ? text + ".0" : text;
}

/// A value as --set reads it: TOML text, strings bare.
std::string value_text(const Source& src, const toml::node& node, const std::string& what) {
  if (const auto* s = node.as_string()) return s->get();
  if (const auto b = node.value_exact<bool>()) return *b ? "true" : "false";
  if (const auto i = node.value_exact<std::int64_t>()) return std::to_string(*i);
  if (const auto d = node.value_exact<double>()) return real_text(*d);
  if (const auto* a = node.as_array()) {
    std::string text = "[";
    for (const toml::node& item : *a) {
      const std::string v = value_text(src, item, what);
      text += (text.size() > 1 ? ", " : "") + (item.is_string() ? "\"" + v + "\"" : v);
    }
    return text + "]";
  }
  src.fail(node, what + ": expected a number, boolean, string or list");
}

/// Flattens `[set]` (dotted keys make nested tables) into "a.b.c=VALUE" overrides.
void flatten_sets(const Source& src, const toml::table& t, const std::string& prefix,
                  std::vector<std::string>& out) {
  for (const auto& [key, node] : t) {
    const std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = node.as_table()) {
      flatten_sets(src, *sub, name, out);
      continue;
    }
    if (name.find('.') == std::string::npos)
      src.fail(node, "set." + name + ": expected a dotted parameter name such as run.steps");
    out.push_back(name + "=" + value_text(src, node, "set." + name));
  }
}

std::vector<ExperimentScenario> read_scenarios(const Source& src, const toml::table& exp) {
  const toml::array* list = exp["scenarios"].as_array();
  if (!list || list->empty())
    src.fail(exp.source().begin.line,
             "experiment.scenarios: expected a non-empty list of scenario files");
  std::vector<ExperimentScenario> out;
  for (const toml::node& item : *list) {
    const auto file = item.value<std::string>();
    if (!file) src.fail(item, "experiment.scenarios: expected file names (strings)");
    fs::path p(*file);
    if (p.is_relative()) p = fs::path(src.path).parent_path() / p;
    // Absolute, so a task's file records the same scenario path wherever the sweep was started
    // (here, in a Slurm array element, on an MPI rank).
    ExperimentScenario sc{p.stem().string(), fs::absolute(p).lexically_normal().string()};
    for (const auto& other : out)
      if (other.label == sc.label)
        src.fail(item, "experiment.scenarios: two scenarios named '" + sc.label +
                           "' (file stems must differ)");
    out.push_back(sc);
  }
  return out;
}

void read_header(const Source& src, const toml::table& doc, Experiment& e) {
  const toml::table* exp = doc["experiment"].as_table();
  if (!exp) src.fail(1, "missing [experiment] table (name, scenarios, replicates, ...)");
  check_keys(src, *exp, "experiment", {"name", "scenarios", "baseline", "replicates", "seed"});
  e.name = exp->get("name") ? exp->get("name")->value<std::string>().value_or("") : "";
  if (e.name.empty()) e.name = fs::path(src.path).stem().string();
  e.scenarios = read_scenarios(src, *exp);
  e.replicates = integer_in<std::uint32_t>(src, *exp, "experiment", "replicates", 1, 1, 100000);
  e.seed = integer_in<std::uint64_t>(src, *exp, "experiment", "seed", 1, 0, INT64_MAX);
  if (const toml::node* b = exp->get("baseline")) {
    const auto label = b->value<std::string>().value_or("");
    for (std::size_t i = 0; i < e.scenarios.size(); ++i)
      if (e.scenarios[i].label == label) e.baseline = i;
    if (!e.baseline)
      src.fail(*b, "experiment.baseline: '" + label + "' is not one of the scenarios' stems");
  }
}

void read_design(const Source& src, const toml::table& doc, Experiment& e) {
  const toml::table* d = doc["design"].as_table();
  if (!d) return;  // a grid over the factors' values (none: one point)
  check_keys(src, *d, "design", {"kind", "points", "levels", "seed"});
  if (const toml::node* k = d->get("kind")) {
    try {
      e.design.kind = design_kind_of(k->value<std::string>().value_or(""));
    } catch (const InputError& err) {
      src.fail(*k, std::string(err.what()));
    }
  }
  e.design.points = integer_in<std::uint32_t>(src, *d, "design", "points", 0, 1, 10000000);
  e.design.levels = integer_in<std::uint32_t>(src, *d, "design", "levels", 4, 2, 1000);
  e.design.seed = integer_in<std::uint64_t>(src, *d, "design", "seed", 1, 0, INT64_MAX);
}

Factor read_factor(const Source& src, const toml::table& t, const std::string& where) {
  check_keys(src, t, where, {"name", "values", "min", "max", "steps", "integer"});
  Factor f;
  f.name = t["name"].value<std::string>().value_or("");
  if (f.name.find('.') == std::string::npos)
    src.fail(t, where +
                    ".name: expected a dotted parameter name such as "
                    "intervention.warm_spaces.capacity");
  if (const toml::array* values = t["values"].as_array()) {
    for (const toml::node& v : *values) f.values.push_back(number_in(src, v, f.name));
    if (f.values.empty()) src.fail(t, "factor " + f.name + ": values is empty");
  } else {
    if (!t.get("min") || !t.get("max"))
      src.fail(t, "factor " + f.name + ": give values = [...] or min and max");
    f.min = number_in(src, *t.get("min"), f.name + ".min");
    f.max = number_in(src, *t.get("max"), f.name + ".max");
    if (!(f.min < f.max)) src.fail(t, "factor " + f.name + ": min must be below max");
  }
  f.steps = integer_in<std::uint32_t>(src, t, where, "steps", 0, 2, 1000000);
  f.integer = t["integer"].value<bool>().value_or(false);
  return f;
}

/// The value `name` ("network.n", "intervention.warm_spaces.capacity") has in `sc`, or nullptr.
const sim::ParamValue* value_in(const sim::Scenario& sc, const std::string& name) {
  const auto dot = name.find('.');
  const std::string table = name.substr(0, dot), rest = name.substr(dot + 1);
  if (table == "intervention") {
    const auto dot2 = rest.find('.');
    if (dot2 == std::string::npos) return nullptr;
    for (const sim::ListEntry& entry : sc.list(table)) {
      if (models::intervention_name(entry) != rest.substr(0, dot2)) continue;
      const auto& values = entry.values.values();
      const auto it = values.find(rest.substr(dot2 + 1));
      return it == values.end() ? nullptr : &it->second;
    }
    return nullptr;
  }
  const auto t = sc.tables.find(table);
  if (t == sc.tables.end()) return nullptr;
  const auto it = t->second.values().find(rest);
  return it == t->second.values().end() ? nullptr : &it->second;
}

/// True when `sc` has the intervention an "intervention.NAME.KEY" factor names (any other
/// factor applies to every scenario).
bool factor_applies(const sim::Scenario& sc, const std::string& name) {
  if (name.rfind("intervention.", 0) != 0) return true;
  const std::string rest = name.substr(std::string("intervention.").size());
  const std::string wanted = rest.substr(0, rest.find('.'));
  for (const sim::ListEntry& entry : sc.list("intervention"))
    if (models::intervention_name(entry) == wanted) return true;
  return false;
}

/// Loads scenario `s` with the experiment's fixed overrides and `extra`.
sim::Scenario load_with(const Experiment& e, std::size_t s, std::vector<std::string> extra) {
  std::vector<std::string> overrides = e.sets;
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  return sim::load_scenario(e.scenarios[s].path, models::scenario_schema(), overrides);
}

/// Checks one factor against every scenario: where it applies, that both ends of its range are
/// accepted; an integer parameter makes the factor integer.
void check_factor(const Source& src, const Experiment& e, ExperimentFactor& ef,
                  const std::vector<sim::Scenario>& loaded) {
  Factor& f = ef.factor;
  ef.applies.assign(e.scenarios.size(), false);
  for (std::size_t s = 0; s < loaded.size(); ++s) {
    if (!factor_applies(loaded[s], f.name)) continue;
    ef.applies[s] = true;
    const sim::ParamValue* v = value_in(loaded[s], f.name);
    if (v && std::holds_alternative<std::int64_t>(*v)) f.integer = true;
    const double lo = f.values.empty() ? f.min : f.values.front();
    const double hi = f.values.empty() ? f.max : f.values.back();
    try {
      (void)load_with(e, s, {factor_override(f, lo)});
      (void)load_with(e, s, {factor_override(f, hi)});
    } catch (const InputError& err) {
      src.fail(ef.line,
               "factor " + f.name + " in scenario " + e.scenarios[s].label + ": " + err.what());
    }
  }
  if (std::find(ef.applies.begin(), ef.applies.end(), true) == ef.applies.end())
    src.fail(ef.line, "factor " + f.name + ": no scenario of the experiment has that " +
                          "intervention (check its name: intervention.NAME.KEY)");
}

/// Loads every scenario (with [set]), checks every factor and the design, and hashes the lot.
void check_experiment(const Source& src, Experiment& e) {
  std::vector<sim::Scenario> loaded;
  std::string identity = e.text;
  for (std::size_t s = 0; s < e.scenarios.size(); ++s) {
    try {
      loaded.push_back(load_with(e, s, {}));
    } catch (const InputError& err) {
      src.fail(0, "scenario " + e.scenarios[s].label + ": " + err.what());
    }
    identity += loaded.back().hash(models::scenario_schema());
  }
  for (ExperimentFactor& ef : e.factors) check_factor(src, e, ef, loaded);
  std::vector<Factor> factors;
  for (const auto& ef : e.factors) factors.push_back(ef.factor);
  try {
    if (!factors.empty()) (void)make_design(e.design, factors);
  } catch (const InputError& err) {
    src.fail(0, std::string("design: ") + err.what());
  }
  e.hash = sim::fnv1a_hex(identity);
}

}  // namespace

std::string factor_override(const Factor& f, double value) {
  if (f.integer) return f.name + "=" + std::to_string(std::llround(value));
  return f.name + "=" + real_text(value);
}

Experiment load_experiment(const std::string& path) {
  Experiment e;
  e.path = path;
  e.text = read_text(path);
  const Source src{path};
  toml::table doc;
  try {
    doc = toml::parse(e.text, path);
  } catch (const toml::parse_error& err) {
    throw InputError(sim::where(path, err.source().begin.line) + std::string(err.description()));
  }
  check_keys(src, doc, "experiment file", {"experiment", "set", "design", "factor"});
  read_header(src, doc, e);
  if (const toml::table* set = doc["set"].as_table()) flatten_sets(src, *set, "", e.sets);
  read_design(src, doc, e);
  if (const toml::array* factors = doc["factor"].as_array()) {
    for (std::size_t i = 0; i < factors->size(); ++i) {
      const toml::table* t = (*factors)[i].as_table();
      if (!t) src.fail((*factors)[i], "factor: expected [[factor]] tables");
      ExperimentFactor ef;
      ef.factor = read_factor(src, *t, "factor[" + std::to_string(i + 1) + "]");
      ef.line = t->source().begin.line;
      for (const auto& other : e.factors)
        if (other.factor.name == ef.factor.name)
          src.fail(*t, "factor " + ef.factor.name + ": given twice");
      e.factors.push_back(std::move(ef));
    }
  }
  check_experiment(src, e);
  return e;
}

}  // namespace wellsim::batch
