#include "sim/scenario.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <optional>
#include <sstream>
#include <string_view>

#include "sim/errors.hpp"
#include "sim/hash.hpp"
#include "sim/input_file.hpp"

namespace wellsim::sim {

namespace fs = std::filesystem;

namespace {

/// Where a value came from: a line of the file, or a --set override (which has no line).
struct Origin {
  std::string file;
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
  const bool lo = spec.has_min(), hi = spec.has_max();
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

/// A number as a double; empty for a non-number and for an integer that a double cannot hold
/// exactly (9223372036854775807 would silently become 9223372036854775808).
std::optional<double> real_of(const toml::node& node) {
  if (node.is_floating_point()) return node.value<double>();
  if (!node.is_integer()) return std::nullopt;
  const std::int64_t i = *node.value<std::int64_t>();
  constexpr std::int64_t kExact = std::int64_t{1} << 53;  // every integer up to 2^53 is a double
  if (i < -kExact || i > kExact) return std::nullopt;
  return static_cast<double>(i);
}

/// A path written in a scenario; a control character (a NUL would end the name early, so
/// "default.toml\u0000x" would read default.toml) is refused.
fs::path checked_path(const std::string& text, const std::string& context) {
  for (char c : text)
    if (c >= 0 && c < ' ')
      throw InputError(context + ": expected a file path, found a control character (code " +
                       std::to_string(static_cast<int>(c)) + ") in '" + shown_path(text) + "'");
  return text;
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
        const auto v = real_of(node);
        if (!v || !(*v >= spec.min && *v <= spec.max)) throw fail("a number" + range_text(spec));
        return *v;
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
        fs::path p = checked_path(*node.value<std::string>(), at.prefix() + key);
        // Relative to the file the value is written in (a base scenario may live elsewhere).
        const fs::path dir = fs::path(at.file).parent_path();
        if (p.is_relative() && !at.override_text)
          p = ((at.file.empty() || dir.empty() ? fs::path(base_dir_) : dir) / p).lexically_normal();
        std::error_code ec;  // a name too long for the file system is "not found" too
        if (!fs::is_regular_file(p, ec))
          throw InputError(at.prefix() + key +
                           (fs::exists(p, ec) ? ": not a regular file (a device, pipe or folder): "
                                              : ": file not found: ") +
                           shown_path(p.string()));
        return p.lexically_normal().string();
      }
      case ParamType::RealList: {
        auto arr = node.as_array();
        if (!arr) throw fail("a list of numbers" + range_text(spec));
        std::vector<double> out;
        for (const auto& el : *arr) {
          const auto v = real_of(el);
          if (!v || !(*v >= spec.min && *v <= spec.max))
            throw fail("a list of numbers" + range_text(spec));
          out.push_back(*v);
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

/// VALUE of a --set as a TOML node: read as TOML when it parses as a value (numbers, booleans,
/// quoted strings, arrays) and as a bare string otherwise.
toml::node_view<toml::node> parsed_value(const std::string& raw, toml::table& holder) {
  try {
    holder = toml::parse("v = " + raw);
  } catch (const toml::parse_error&) {
    holder = toml::table{};
    holder.insert("v", raw);
  }
  return holder["v"];
}

/// The identity of an entry of a repeated table: its `name`, or its selector value when unnamed
/// (an intervention's name defaults to its type).
std::string entry_name(const toml::table& entry, const std::string& selector) {
  if (auto name = entry["name"].value<std::string>(); name && !name->empty()) return *name;
  return entry[selector].value<std::string>().value_or("");
}

/// Applies "table.key=VALUE" to the parsed document, or "list.NAME.key=VALUE" to the entry of a
/// repeated table ([[intervention]]) called NAME.
void apply_override(toml::table& doc, const std::string& text, const ScenarioSchema& schema) {
  auto eq = text.find('=');
  auto dot = text.find('.');
  if (eq == std::string::npos || dot == std::string::npos || dot > eq)
    throw InputError("--set " + text + ": expected TABLE.KEY=VALUE, e.g. network.n=1000");
  std::string table = text.substr(0, dot), key = text.substr(dot + 1, eq - dot - 1);
  toml::table holder;
  const auto value = parsed_value(text.substr(eq + 1), holder);
  const TableSchema* ts = nullptr;
  for (const auto& t : schema)
    if (t.name == table) ts = &t;
  if (!ts || !ts->repeated) {
    if (!doc.contains(table)) doc.insert(table, toml::table{});
    auto* tbl = doc[table].as_table();
    if (!tbl) throw InputError("--set " + text + ": '" + table + "' is not a table");
    tbl->insert_or_assign(key, *value.node());
    return;
  }
  const auto name_end = key.find('.');
  if (name_end == std::string::npos)
    throw InputError("--set " + text + ": expected " + table + ".NAME.KEY=VALUE, naming the [[" +
                     table + "]] entry by its name");
  const std::string name = key.substr(0, name_end);
  key = key.substr(name_end + 1);
  std::vector<std::string> names;
  if (auto* entries = doc[table].as_array()) {
    for (auto& node : *entries) {
      auto* entry = node.as_table();
      if (!entry) continue;
      names.push_back(entry_name(*entry, ts->selector));
      if (names.back() != name) continue;
      entry->insert_or_assign(key, *value.node());
      return;
    }
  }
  throw InputError("--set " + text + ": no [[" + table + "]] named '" + name + "'" +
                   (names.empty() ? "" : " (names: " + choices_text(names) + ")"));
}

/// The file a node was read from (a base scenario's nodes keep their own file).
std::string file_of(const toml::node& node, const std::string& fallback) {
  const auto& src = node.source().path;
  return src && !src->empty() ? *src : fallback;
}

std::string read_file(const std::string& path) {
  std::string text = read_input_file(path, "scenario file", kMaxScenarioBytes);
  check_line_lengths(text, path, "scenario file");
  return text;
}

toml::table parse_toml(const std::string& text, const std::string& path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw InputError(where(path, e.source().begin.line) +
                     "TOML syntax error: " + std::string(e.description()));
  }
}

/// The selector key of repeated table `name` ("type" for [[intervention]]), "" if none.
std::string selector_of(const ScenarioSchema& schema, std::string_view name) {
  for (const auto& t : schema)
    if (t.name == name) return t.selector;
  return "";
}

/// A policy's [[list]] entries over its base's: an entry whose name (or, unnamed, selector
/// value) matches an inherited entry overrides that entry's keys in place; the others are
/// appended. An override may not change the entry's type.
void merge_entries(toml::array& base, toml::array& mine, const std::string& selector,
                   const std::string& path) {
  for (auto&& v : mine) {
    toml::table* entry = v.as_table();
    toml::table* inherited = nullptr;
    if (entry)
      for (auto& b : base)
        if (b.is_table() && !entry_name(*entry, selector).empty() &&
            entry_name(*b.as_table(), selector) == entry_name(*entry, selector))
          inherited = b.as_table();
    if (!inherited) {
      base.push_back(std::move(v));
      continue;
    }
    const auto was = (*inherited)[selector].value<std::string>();
    const auto now = (*entry)[selector].value<std::string>();
    if (!selector.empty() && was && now && *was != *now)
      throw InputError(where(path, entry->source().begin.line) + selector + ": '" + *now +
                       "' for '" + entry_name(*entry, selector) + "', which the base scenario " +
                       "declares as '" + *was + "'; an entry with an inherited name overrides " +
                       "its keys and keeps its " + selector + " (give a new name to add one)");
    for (auto&& [k, x] : *entry) inherited->insert_or_assign(k, std::move(x));
  }
}

/// Applies `extends = "base.toml"`: the base scenario (itself possibly extending another) with
/// this file's tables merged over it key by key and its [[lists]] merged by entry name (see
/// merge_entries).
toml::table resolve_extends(toml::table doc, const std::string& path, int depth,
                            const ScenarioSchema& schema) {
  const toml::node* ext = doc.get("extends");
  if (!ext) return doc;
  if (!ext->is_string())
    throw InputError(where(path, ext->source().begin.line) +
                     "extends: expected the path of a base scenario, found " + shown(*ext));
  const long line = ext->source().begin.line;
  fs::path base = checked_path(*ext->value<std::string>(), where(path, line) + "extends");
  if (base.is_relative()) base = fs::path(path).parent_path() / base;
  const std::string base_path = base.lexically_normal().string();
  if (depth >= 8)
    throw InputError(where(path, ext->source().begin.line) +
                     "extends: more than 8 levels of base scenarios (a cycle?) at " + base_path);
  std::error_code ec;
  if (!fs::is_regular_file(base, ec))
    throw InputError(where(path, line) + "extends: file not found: " + shown_path(base_path));
  toml::table merged =
      resolve_extends(parse_toml(read_file(base_path), base_path), base_path, depth + 1, schema);
  // Nodes are moved, not copied: toml++ copies a node without its source position, and every
  // message must still name the file and line a value was written on.
  for (auto&& [key, node] : doc) {
    if (key.str() == "extends") continue;
    toml::node* mine = merged.get(key.str());
    if (mine && mine->is_table() && node.is_table()) {
      for (auto&& [k, v] : *node.as_table()) mine->as_table()->insert_or_assign(k, std::move(v));
    } else if (mine && mine->is_array_of_tables() && node.is_array_of_tables()) {
      merge_entries(*mine->as_array(), *node.as_array(), selector_of(schema, key.str()), path);
    } else {
      merged.insert_or_assign(key, std::move(node));
    }
  }
  return merged;
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

const std::vector<ListEntry>& Scenario::list(const std::string& name) const {
  static const std::vector<ListEntry> kNone;
  auto it = lists.find(name);
  return it == lists.end() ? kNone : it->second;
}

std::string Scenario::effective_toml(const ScenarioSchema& schema) const {
  std::string out;
  auto emit = [&](const ParamSet& set, const std::vector<ParamSpec>& specs) {
    for (const auto& spec : specs)
      if (set.has(spec.name)) out += spec.name + " = " + to_text(set.values().at(spec.name)) + "\n";
  };
  for (const auto& ts : schema) {
    if (ts.repeated) {
      auto it = lists.find(ts.name);
      if (it == lists.end()) continue;
      for (const auto& e : it->second) {
        out += (out.empty() ? "[[" : "\n[[") + ts.name + "]]\n";
        emit(e.values, ts.common);
        if (!ts.selector.empty()) emit(e.values, ts.variants.at(e.variant));
      }
      continue;
    }
    auto it = tables.find(ts.name);
    if (it == tables.end()) continue;
    out += (out.empty() ? "[" : "\n[") + ts.name + "]\n";
    emit(it->second, ts.common);
    if (variants.count(ts.name)) emit(it->second, ts.variants.at(variants.at(ts.name)));
  }
  return out;
}

std::string Scenario::hash(const ScenarioSchema& schema) const {
  return fnv1a_hex(effective_toml(schema));
}

namespace {

/// A table's keys with inline and dotted sub-tables flattened: `target = { neighbourhoods = [..] }`
/// and `target.neighbourhoods = [..]` both become the key "target.neighbourhoods".
void flatten(const toml::table& tbl, const std::string& prefix,
             std::vector<std::pair<std::string, const toml::node*>>& out) {
  for (const auto& [key, node] : tbl) {
    std::string k = prefix + std::string(key.str());
    // An empty table (`capacity = {}`) is kept as the key's value, so it is refused as "expected
    // an integer, found a table" rather than silently leaving the default.
    if (auto sub = node.as_table(); sub && !sub->empty())
      flatten(*sub, k + ".", out);
    else
      out.emplace_back(k, &node);
  }
}

/// Refuses a top-level key that names no table, or a table written in the wrong form.
void check_table_names(const toml::table& doc, const ScenarioSchema& schema,
                       const std::string& path) {
  std::vector<std::string> table_names;
  for (const auto& ts : schema) table_names.push_back(ts.name);
  for (const auto& [key, node] : doc) {
    std::string k(key.str());
    const TableSchema* ts = nullptr;
    for (const auto& t : schema)
      if (t.name == k) ts = &t;
    if (!ts) {
      std::string near = nearest_name(table_names, k);
      throw InputError(where(file_of(node, path), node.source().begin.line) + k +
                       ": unknown table" + (near.empty() ? "" : "; did you mean [" + near + "]?") +
                       " (tables: " + choices_text(table_names) + ")");
    }
    if (ts->repeated ? !node.is_array_of_tables() : !node.is_table())
      throw InputError(where(file_of(node, path), node.source().begin.line) + k + ": expected " +
                       (ts->repeated ? "one or more [[" + k + "]] tables" : "a table [" + k + "]") +
                       ", found " + shown(node));
  }
}

/// Where a key's value was written: its file and line, or the --set override that gave it.
using OriginOf = std::function<Origin(const std::string&, const std::string&, const toml::node&)>;

/// Validates one table against its schema: picks its variant, checks every key, fills defaults.
class TableValidator {
 public:
  TableValidator(const Scenario& sc, const Validator& values, OriginOf origin_of)
      : sc_(sc), values_(values), origin_of_(std::move(origin_of)) {}

  /// `label` names the table in messages ("network", "intervention[2]"), `table_line` is where
  /// a missing key is reported; `chosen` receives the variant.
  ParamSet operator()(const TableSchema& ts, const toml::table& tbl, const std::string& label,
                      long table_line, std::string& chosen) const {
    const std::vector<ParamSpec> specs = declared_keys(ts, tbl, label, table_line, chosen);
    std::vector<std::pair<std::string, const toml::node*>> keys;
    flatten(tbl, "", keys);
    ParamSet set;
    for (const auto& [k, node] : keys) {
      const ParamSpec* spec = find_spec(specs, k);
      const Origin at = origin_of_(ts.name, k, *node);
      if (!spec) throw unknown_key(ts, label, k, at, specs, chosen);
      set.set(k, values_.value(*spec, *node, label + "." + k, at));
    }
    for (const auto& spec : specs) {
      if (set.has(spec.name)) continue;
      if (!spec.fallback)
        throw InputError(where(file_of(tbl, sc_.path), table_line) + label + "." + spec.name +
                         ": missing; expected " + describe(spec.type) + " (" + spec.help + ")");
      set.set(spec.name, *spec.fallback);
    }
    return set;
  }

 private:
  /// The keys the table may have once its variant is chosen.
  std::vector<ParamSpec> declared_keys(const TableSchema& ts, const toml::table& tbl,
                                       const std::string& label, long table_line,
                                       std::string& chosen) const {
    std::vector<ParamSpec> specs;
    if (const std::string* fixed = fixed_variant(ts)) {
      chosen = *fixed;
      if (!ts.selector.empty())
        if (auto node = tbl.get(ts.selector))
          throw InputError(origin_of_(ts.name, ts.selector, *node).prefix() + label + "." +
                           ts.selector + ": set by " + ts.chosen_by + " = \"" + chooser_value(ts) +
                           "\"; remove it");
      for (const auto& s : ts.common)
        if (s.name != ts.selector) specs.push_back(s);
    } else {
      specs = ts.common;
      if (ts.selector.empty()) return specs;
      chosen = selected(ts, tbl, label, table_line);
    }
    const auto& extra = ts.variants.at(chosen);
    specs.insert(specs.end(), extra.begin(), extra.end());
    return specs;
  }

  /// The value of the key that picks this table's variant ("town" for run.model).
  std::string chooser_value(const TableSchema& ts) const {
    const auto dot = ts.chosen_by.find('.');
    return sc_.table(ts.chosen_by.substr(0, dot)).string(ts.chosen_by.substr(dot + 1));
  }

  /// The variant fixed by chosen_by, or nullptr when the table's own selector decides.
  const std::string* fixed_variant(const TableSchema& ts) const {
    if (ts.chosen_by.empty()) return nullptr;
    auto it = ts.variant_by_choice.find(chooser_value(ts));
    if (it != ts.variant_by_choice.end()) return &it->second;
    if (ts.selector.empty())
      throw std::logic_error("table " + ts.name + " has no variant for " + ts.chosen_by + " = " +
                             chooser_value(ts));
    return nullptr;
  }

  /// The variant the table's own selector key picks (its default when absent).
  std::string selected(const TableSchema& ts, const toml::table& tbl, const std::string& label,
                       long table_line) const {
    const ParamSpec* sel = find_spec(ts.common, ts.selector);
    if (auto node = tbl.get(ts.selector))
      return std::get<std::string>(values_.value(*sel, *node, label + "." + ts.selector,
                                                 origin_of_(ts.name, ts.selector, *node)));
    if (sel->fallback) return std::get<std::string>(*sel->fallback);
    throw InputError(where(file_of(tbl, sc_.path), table_line) + label + "." + ts.selector +
                     ": missing; expected one of " + choices_text(sel->choices));
  }

  InputError unknown_key(const TableSchema& ts, const std::string& label, const std::string& k,
                         const Origin& at, const std::vector<ParamSpec>& specs,
                         const std::string& chosen) const {
    const std::string near = nearest_name(specs, k);
    std::string context;
    if (fixed_variant(ts))
      context = " for " + ts.chosen_by + " = '" + chooser_value(ts) + "'";
    else if (!ts.selector.empty())
      context = " for " + ts.selector + " '" + chosen + "'";
    return InputError(at.prefix() + label + "." + k + ": unknown key" + context +
                      (near.empty() ? "" : "; did you mean '" + near + "'?"));
  }

  const Scenario& sc_;
  const Validator& values_;
  OriginOf origin_of_;
};

}  // namespace

Scenario parse_scenario(const std::string& text, const std::string& path,
                        const std::string& base_dir, const ScenarioSchema& schema,
                        const std::vector<std::string>& overrides) {
  toml::table doc = resolve_extends(parse_toml(text, path), path, 0, schema);
  for (const auto& o : overrides) apply_override(doc, o, schema);

  Scenario sc;
  sc.path = path;
  sc.text = text;
  sc.overrides = overrides;
  Validator validator(base_dir);

  auto origin_of = [&](const std::string& table, const std::string& key,
                       const toml::node& node) -> Origin {
    for (const auto& o : overrides)
      if (o.rfind(table + "." + key + "=", 0) == 0) return {path, 0, &o};
    return {file_of(node, path), static_cast<long>(node.source().begin.line), nullptr};
  };

  check_table_names(doc, schema, path);
  const TableValidator validate(sc, validator, origin_of);

  for (const auto& ts : schema) {
    if (ts.repeated) {
      auto& entries = sc.lists[ts.name];
      const toml::array* arr = doc[ts.name].as_array();
      if (!arr) continue;
      for (std::size_t k = 0; k < arr->size(); ++k) {
        const toml::table& tbl = *arr->get(k)->as_table();
        ListEntry e;
        e.line = tbl.source().begin.line;
        e.file = file_of(tbl, path);
        e.values =
            validate(ts, tbl, ts.name + "[" + std::to_string(k + 1) + "]", e.line, e.variant);
        entries.push_back(std::move(e));
      }
      continue;
    }
    const toml::table empty;
    const toml::table* tbl = doc[ts.name].as_table();
    if (!tbl) tbl = &empty;
    std::string chosen;
    sc.tables[ts.name] = validate(ts, *tbl, ts.name, tbl->source().begin.line, chosen);
    if (!chosen.empty()) sc.variants[ts.name] = chosen;
  }
  return sc;
}

Scenario load_scenario(const std::string& path, const ScenarioSchema& schema,
                       const std::vector<std::string>& overrides) {
  const std::string text = read_file(path);
  fs::path dir = fs::path(path).parent_path();
  return parse_scenario(text, path, dir.empty() ? "." : dir.string(), schema, overrides);
}

}  // namespace wellsim::sim
