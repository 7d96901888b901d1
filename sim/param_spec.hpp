#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace wellsim::sim {

/// The kinds of value a parameter takes.
enum class ParamType { Integer, Real, Boolean, String, Choice, Path, RealList, StringList };

/// A parameter's value once validated.
using ParamValue = std::variant<std::int64_t, double, bool, std::string, std::vector<double>,
                                std::vector<std::string>>;

/// One parameter, declared once (the ns-3 attribute habit): the declaration drives scenario
/// validation, `wellsim list`, docs/scenario-reference.md and the attributes of the run file.
/// Declare it with a ParamTable (sim/param_table.hpp), which also binds it to its member.
struct ParamSpec {
  std::string name;                                       ///< key in the scenario table
  ParamType type = ParamType::Real;                       ///< what kind of value
  std::string help;                                       ///< one sentence for users
  std::string unit;                                       ///< "" when dimensionless
  std::optional<ParamValue> fallback;                     ///< default; empty means required
  double min = -std::numeric_limits<double>::infinity();  ///< inclusive lower bound (numbers)
  double max = std::numeric_limits<double>::infinity();   ///< inclusive upper bound
  std::vector<std::string> choices;                       ///< allowed values of a Choice

  /// True when a lower bound is declared.
  bool has_min() const { return min > -std::numeric_limits<double>::infinity(); }
  /// True when an upper bound is declared.
  bool has_max() const { return max < std::numeric_limits<double>::infinity(); }
};

/// Human name of a type, as used in error messages ("an integer", "a number", ...).
std::string describe(ParamType type);

/// Shortest text that reads back as the same double ("0.1", "1e+07", "4294967295").
[[nodiscard]] std::string format_number(double x);

/// A value rendered as TOML ("0.5", "\"auto\"", "[1, 2]").
[[nodiscard]] std::string to_text(const ParamValue& value);

/// The parameters of one table of a scenario after validation: every declared key has a value.
class ParamSet {
 public:
  /// Sets a validated value.
  void set(const std::string& name, ParamValue value) { values_[name] = std::move(value); }
  /// True if the key is present.
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  /// Integer value of a key (throws std::logic_error if absent or another type).
  std::int64_t integer(const std::string& name) const;
  /// Real value of a key; integers are widened.
  double real(const std::string& name) const;
  /// Boolean value of a key.
  bool boolean(const std::string& name) const;
  /// String value of a String, Choice or Path key (paths already resolved).
  const std::string& string(const std::string& name) const;
  /// List-of-numbers value of a key.
  const std::vector<double>& reals(const std::string& name) const;
  /// List-of-strings value of a key.
  const std::vector<std::string>& strings(const std::string& name) const;
  /// All values by key, in key order (for manifests and run-file attributes).
  const std::map<std::string, ParamValue>& values() const { return values_; }

 private:
  const ParamValue& at(const std::string& name) const;
  std::map<std::string, ParamValue> values_;
};

/// The spec of `name` in `specs`, or nullptr.
[[nodiscard]] const ParamSpec* find_spec(const std::vector<ParamSpec>& specs,
                                         const std::string& name);

/// The declared name closest to `name` by edit distance, or "" if none is plausibly meant.
[[nodiscard]] std::string nearest_name(const std::vector<ParamSpec>& specs,
                                       const std::string& name);

/// The name of `names` closest to `name` by edit distance, or "" if none is plausibly meant.
[[nodiscard]] std::string nearest_name(const std::vector<std::string>& names,
                                       const std::string& name);

}  // namespace wellsim::sim
