#pragma once
#include <map>
#include <string>
#include <vector>

#include "sim/param_spec.hpp"

namespace wellsim::sim {

/// The declared keys of one scenario table, e.g. [network].
///
/// A table may have a selector key (`source` in [network], `model` in [wellbeing]) whose value
/// picks one more set of keys: the parameters of the chosen generator, importer or model.
struct TableSchema {
  std::string name;                                        ///< table name in the TOML file
  std::string help;                                        ///< one sentence for users
  std::vector<ParamSpec> common;                           ///< keys every variant has
  std::string selector;                                    ///< "" or the key that picks a variant
  std::map<std::string, std::vector<ParamSpec>> variants;  ///< keys of each selector value
  std::map<std::string, std::string> variant_help;         ///< one sentence per selector value
  bool repeated = false;  ///< a list of tables ([[intervention]]), each picking its own variant
  /// "" or the key of an earlier table ("run.model") whose value picks this table's variant
  /// through variant_by_choice: one choice of model sets several tables, which then cannot
  /// disagree. A value not in the map leaves the choice to the table's own selector.
  std::string chosen_by;
  std::map<std::string, std::string> variant_by_choice;  ///< chosen_by value -> variant
};

/// One table of a repeated list ([[intervention]]), validated.
struct ListEntry {
  ParamSet values;      ///< every key of its variant, defaults filled in
  std::string variant;  ///< its selector value ("case_management")
  long line = 0;        ///< line of its [[...]] header, for later messages
  std::string file;     ///< file it is written in (a base scenario's entries keep their own)
};

/// Every table a scenario may have, in the order they are documented.
using ScenarioSchema = std::vector<TableSchema>;

/// A parsed and fully validated scenario: every key known, typed, in range, defaults filled in.
struct Scenario {
  std::string path;                             ///< file it came from ("<text>" for strings)
  std::string text;                             ///< the file's text, verbatim
  std::vector<std::string> overrides;           ///< KEY=VALUE overrides applied on top, in order
  std::map<std::string, ParamSet> tables;       ///< validated values by table name
  std::map<std::string, std::string> variants;  ///< selector value by table name
  std::map<std::string, std::vector<ListEntry>> lists;  ///< repeated tables by name, in file order

  /// Values of a table (throws std::logic_error for an undeclared table).
  const ParamSet& table(const std::string& name) const;
  /// The selector value of a table ("watts_strogatz" for [network]).
  const std::string& variant(const std::string& table) const;
  /// The entries of a repeated table (empty when the file has none).
  const std::vector<ListEntry>& list(const std::string& name) const;
  /// The effective scenario as TOML: every table and key with the value used, defaults included.
  std::string effective_toml(const ScenarioSchema& schema) const;
  /// Stable hex hash (FNV-1a 64) of the effective scenario: equal hashes, equal runs per seed.
  std::string hash(const ScenarioSchema& schema) const;
};

/// Reads and validates a scenario file. Paths in it are resolved against the file's folder.
/// Every error is an InputError of one line: "FILE:LINE: KEY: expected ..., found ...".
[[nodiscard]] Scenario load_scenario(const std::string& path, const ScenarioSchema& schema,
                                     const std::vector<std::string>& overrides = {});

/// The same from text; `path` is used in messages and `base_dir` to resolve relative paths.
[[nodiscard]] Scenario parse_scenario(const std::string& text, const std::string& path,
                                      const std::string& base_dir, const ScenarioSchema& schema,
                                      const std::vector<std::string>& overrides = {});

}  // namespace wellsim::sim
