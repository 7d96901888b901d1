#include "sim/scenario.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/errors.hpp"

namespace wellsim::sim {

namespace fs = std::filesystem;

namespace {

/// Where a value came from: a line of the file, or a --set override (which has no line).
struct Origin {
  const std::string& file;
  long line;
  const std::string* override_text;  // non-null when the value came from --set
  std::string prefix() const {
    return override_text ? "--set " + *override_text + ": " : where(file, line);
  }
};

std::string shown(const toml::node& node) {
  std::ostringstream os;
  if (auto s = node.as_string()) {
    os << '\'' << s->get() << '\'';
  } else if (node.is_table()) {
    os << "a table";
  } else if (node.is_array()) {
    os << "a list";
  } else if (node.is_boolean()) {
    os << (*node.value<bool>() ? "true" : "false");
  } else if (node.is_integer()) {
    os << *node.value<std::int64_t>();
  } else if (node.is_floating_point()) {
    // As TOML writes it, so `seed = 1.0` shows as 1.0 (not 1) next to "expected an integer".
    os << to_text(*node.value<double>());
  } else {
    os << "a date or time";
  }
  std::string text = os.str();
  // A multi-line string must not break the message's one line.
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c >= 0 && c < ' ' && c != '\t'; }, '?');
  return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

std::string range_text(const ParamSpec& spec) {
  bool lo = spec.min > -1e299, hi = spec.max < 1e299;
  if (lo && hi) return " in [" + format_number(spec.min) + ", " + format_number(spec.max) + "]";
  if (lo) return " >= " + format_number(spec.min);
  if (hi) return " <= " + format_number(spec.max);
  return "";
}

std::string choices_text(const std::vector<std::string>& choices) {
  std::string s;
  for (std::size_t i = 0; i < choices.size(); ++i) s += (i ? ", " : "") + choices[i];
  return s;
}

class Validator {
 public:
  explicit Validator(const std::string& base_dir) : base_dir_(base_dir) {}

  ParamValue value(const ParamSpec& spec, const toml::node& node, const std::string& key,
                   const Origin& at) const {
    auto fail = [&](const std::string& expected) -> InputError {
      return InputError(at.prefix() + key + ": expected " + expected + ", found " + shown(node));
    };
    switch (spec.type) {
      case ParamType::Integer: {
        auto v = node.value<std::int64_t>();
        if (!node.is_integer() || !v) throw fail("an integer" + range_text(spec));
        if (*v < spec.min || *v > spec.max) throw fail("an integer" + range_text(spec));
        return *v;
      }
      case ParamType::Real: {
        if (!node.is_number()) throw fail("a number" + range_text(spec));
        double v = *node.value<double>();
        if (!(v >= spec.min && v <= spec.max)) throw fail("a number" + range_text(spec));
        return v;
      }
      case ParamType::Boolean:
        if (!node.is_boolean()) throw fail("true or false");
        return *node.value<bool>();
      case ParamType::String:
        if (!node.is_string()) throw fail("a string");
        return *node.value<std::string>();
      case ParamType::Choice: {
        auto v = node.value<std::string>();
        if (!node.is_string() ||
            std::find(spec.choices.begin(), spec.choices.end(), *v) == spec.choices.end())
          throw fail("one of " + choices_text(spec.choices));
        return *v;
      }
      case ParamType::Path: {
        if (!node.is_string()) throw fail("a file path");
        fs::path p = *node.value<std::string>();
        if (p.is_relative() && !at.override_text) p = (fs::path(base_dir_) / p).lexically_normal();
        if (!fs::is_regular_file(p))
          throw InputError(at.prefix() + key + ": file not found: " + p.string());
        return p.lexically_normal().string();
      }
      case ParamType::RealList: {
        auto arr = node.as_array();
        if (!arr) throw fail("a list of numbers" + range_text(spec));
        std::vector<double> out;
        for (const auto& el : *arr) {
          if (!el.is_number()) throw fail("a list of numbers" + range_text(spec));
          double v = *el.value<double>();
          if (!(v >= spec.min && v <= spec.max)) throw fail("a list of numbers" + range_text(spec));
          out.push_back(v);
        }
        return out;
      }
      case ParamType::StringList: {
        auto arr = node.as_array();
        if (!arr) throw fail("a list of strings");
        std::vector<std::string> out;
        for (const auto& el : *arr) {
          if (!el.is_string()) throw fail("a list of strings");
          out.push_back(*el.value<std::string>());
        }
        return out;
      }
    }
    throw fail("a value");
  }

  const std::string& base_dir_;
};

/// Applies "table.key=VALUE" to the parsed document. VALUE is read as TOML when it parses as a
/// value (numbers, booleans, quoted strings, arrays) and as a bare string otherwise.
void apply_override(toml::table& doc, const std::string& text) {
  auto eq = text.find('=');
  auto dot = text.find('.');
  if (eq == std::string::npos || dot == std::string::npos || dot > eq)
    throw InputError("--set " + text + ": expected TABLE.KEY=VALUE, e.g. network.n=1000");
  std::string table = text.substr(0, dot), key = text.substr(dot + 1, eq - dot - 1);
  std::string raw = text.substr(eq + 1);
  if (!doc.contains(table)) doc.insert(table, toml::table{});
  auto* tbl = doc[table].as_table();
  if (!tbl) throw InputError("--set " + text + ": '" + table + "' is not a table");
  try {
    auto parsed = toml::parse("v = " + raw);
    tbl->insert_or_assign(key, *parsed["v"].node());
  } catch (const toml::parse_error&) {
    tbl->insert_or_assign(key, raw);
  }
}

}  // namespace

const ParamSet& Scenario::table(const std::string& name) const {
  auto it = tables.find(name);
  if (it == tables.end()) throw std::logic_error("scenario table '" + name + "' not declared");
  return it->second;
}

const std::string& Scenario::variant(const std::string& table) const {
  auto it = variants.find(table);
  if (it == variants.end()) throw std::logic_error("scenario table '" + table + "' has no variant");
  return it->second;
}

std::string Scenario::effective_toml(const ScenarioSchema& schema) const {
  std::string out;
  for (const auto& ts : schema) {
    auto it = tables.find(ts.name);
    if (it == tables.end()) continue;
    out += (out.empty() ? "[" : "\n[") + ts.name + "]\n";
    auto emit = [&](const std::vector<ParamSpec>& specs) {
      for (const auto& spec : specs)
        if (it->second.has(spec.name))
          out += spec.name + " = " + to_text(it->second.values().at(spec.name)) + "\n";
    };
    emit(ts.common);
    if (!ts.selector.empty()) emit(ts.variants.at(variants.at(ts.name)));
  }
  return out;
}

std::string Scenario::hash(const ScenarioSchema& schema) const {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : effective_toml(schema)) h = (h ^ c) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Scenario parse_scenario(const std::string& text, const std::string& path,
                        const std::string& base_dir, const ScenarioSchema& schema,
                        const std::vector<std::string>& overrides) {
  toml::table doc;
  try {
    doc = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw InputError(where(path, e.source().begin.line) + "TOML syntax error: " +
                     std::string(e.description()));
  }
  for (const auto& o : overrides) apply_override(doc, o);

  Scenario sc;
  sc.path = path;
  sc.text = text;
  sc.overrides = overrides;
  Validator validator(base_dir);

  auto origin_of = [&](const std::string& table, const std::string& key,
                       const toml::node& node) -> Origin {
    for (const auto& o : overrides)
      if (o.rfind(table + "." + key + "=", 0) == 0) return {path, 0, &o};
    return {path, static_cast<long>(node.source().begin.line), nullptr};
  };

  std::vector<ParamSpec> table_names;
  for (const auto& ts : schema) table_names.push_back({ts.name, ParamType::String, "", ""});
  for (const auto& [key, node] : doc) {
    std::string k(key.str());
    if (!find_spec(table_names, k)) {
      std::string near = nearest_name(table_names, k);
      throw InputError(where(path, node.source().begin.line) + k + ": unknown table" +
                       (near.empty() ? "" : "; did you mean [" + near + "]?") +
                       " (tables: " + [&] {
                         std::vector<std::string> n;
                         for (auto& t : table_names) n.push_back(t.name);
                         return choices_text(n);
                       }() + ")");
    }
    if (!node.is_table())
      throw InputError(where(path, node.source().begin.line) + k + ": expected a table [" + k +
                       "], found " + shown(node));
  }

  for (const auto& ts : schema) {
    const toml::table empty;
    const toml::table* tbl = doc[ts.name].as_table();
    if (!tbl) tbl = &empty;
    long table_line = tbl->source().begin.line;
    std::vector<ParamSpec> specs = ts.common;
    if (!ts.selector.empty()) {
      const ParamSpec* sel = find_spec(ts.common, ts.selector);
      std::string chosen = std::get<std::string>(*sel->fallback);
      if (auto node = tbl->get(ts.selector))
        chosen = std::get<std::string>(
            validator.value(*sel, *node, ts.name + "." + ts.selector,
                            origin_of(ts.name, ts.selector, *node)));
      sc.variants[ts.name] = chosen;
      const auto& extra = ts.variants.at(chosen);
      specs.insert(specs.end(), extra.begin(), extra.end());
    }
    ParamSet set;
    for (const auto& [key, node] : *tbl) {
      std::string k(key.str());
      const ParamSpec* spec = find_spec(specs, k);
      Origin at = origin_of(ts.name, k, node);
      if (!spec) {
        std::string near = nearest_name(specs, k);
        std::string context = ts.selector.empty()
                                  ? ""
                                  : " for " + ts.selector + " '" + sc.variants[ts.name] + "'";
        throw InputError(at.prefix() + ts.name + "." + k + ": unknown key" + context +
                         (near.empty() ? "" : "; did you mean '" + near + "'?"));
      }
      set.set(k, validator.value(*spec, node, ts.name + "." + k, at));
    }
    for (const auto& spec : specs) {
      if (set.has(spec.name)) continue;
      if (!spec.fallback)
        throw InputError(where(path, table_line) + ts.name + "." + spec.name +
                         ": missing; expected " + describe(spec.type) + " (" + spec.help + ")");
      set.set(spec.name, *spec.fallback);
    }
    sc.tables[ts.name] = std::move(set);
  }
  return sc;
}

Scenario load_scenario(const std::string& path, const ScenarioSchema& schema,
                       const std::vector<std::string>& overrides) {
  std::ifstream in(path, std::ios::binary);
  if (!in || fs::is_directory(path)) throw InputError(path + ": cannot read scenario file");
  std::ostringstream text;
  text << in.rdbuf();
  fs::path dir = fs::path(path).parent_path();
  return parse_scenario(text.str(), path, dir.empty() ? "." : dir.string(), schema, overrides);
}

}  // namespace wellsim::sim
