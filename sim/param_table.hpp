#pragma once
// ParamTable<Owner>: the parameters of one mechanism, each declared in one line that names the
// member it writes (the ns-3 attribute-accessor habit):
//
//   t.add("relief", &WarmSpace::relief_, 0.5).range(0, 1).help("probability a served week ...");
//
// That line is the parameter's only declaration: its ParamSpec validates scenarios and drives
// `wellsim list`, docs/scenario-reference.md and the run file's typed parameters (name, unit,
// help), and read() copies the validated value into the member. The value's kind follows the
// member's type (integral -> integer, floating -> number, bool, string, lists), so a key cannot
// be declared as one kind and read as another.
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/param_spec.hpp"

namespace wellsim::sim {

/// Finishes one declaration: unit, range, choices and help, in any order.
class ParamDeclaration {
 public:
  /// Refers to entry `index` of `specs` (valid until the next declaration is added).
  ParamDeclaration(std::vector<ParamSpec>& specs, std::size_t index)
      : specs_(&specs), index_(index) {}
  /// Unit shown in docs and stored in the run file ("GBP/week", "1/week", "weeks").
  ParamDeclaration& unit(std::string unit) {
    return edit([&](ParamSpec& s) { s.unit = unit; });
  }
  /// Inclusive bounds of a number, or of every element of a list of numbers.
  ParamDeclaration& range(double min, double max) {
    return edit([&](ParamSpec& s) { s.min = min, s.max = max; });
  }
  /// Inclusive lower bound only.
  ParamDeclaration& at_least(double min) {
    return edit([&](ParamSpec& s) { s.min = min; });
  }
  /// One sentence for users, with the value's source.
  ParamDeclaration& help(std::string help) {
    return edit([&](ParamSpec& s) { s.help = help; });
  }
  /// Makes a string parameter a choice among `names`.
  ParamDeclaration& choices(std::vector<std::string> names) {
    return edit([&](ParamSpec& s) { s.type = ParamType::Choice, s.choices = names; });
  }
  /// Makes a string parameter a file path, resolved against the scenario's folder.
  ParamDeclaration& path() {
    return edit([](ParamSpec& s) { s.type = ParamType::Path; });
  }
  /// Removes the default: a scenario must give the key.
  ParamDeclaration& required() {
    return edit([](ParamSpec& s) { s.fallback.reset(); });
  }

 private:
  template <class F>
  ParamDeclaration& edit(F&& f) {
    f((*specs_)[index_]);
    return *this;
  }
  std::vector<ParamSpec>* specs_;
  std::size_t index_;
};

namespace param_detail {

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

/// The kind of value a member of type M holds.
template <class M>
constexpr ParamType type_of() {
  if constexpr (std::is_same_v<M, bool>)
    return ParamType::Boolean;
  else if constexpr (std::is_integral_v<M>)
    return ParamType::Integer;
  else if constexpr (std::is_floating_point_v<M>)
    return ParamType::Real;
  else if constexpr (std::is_same_v<M, std::string>)
    return ParamType::String;
  else if constexpr (std::is_same_v<M, std::vector<std::string>>)
    return ParamType::StringList;
  else {
    static_assert(IsVector<M>::value && std::is_floating_point_v<typename M::value_type>,
                  "a parameter member is a number, bool, string or a list of them");
    return ParamType::RealList;
  }
}

/// A default written in the declaration as the ParamValue of a member of type M.
template <class M, class D>
ParamValue value_of(const D& d) {
  if constexpr (std::is_same_v<M, bool>)
    return static_cast<bool>(d);
  else if constexpr (std::is_integral_v<M>)
    return static_cast<std::int64_t>(d);
  else if constexpr (std::is_floating_point_v<M>)
    return static_cast<double>(d);
  else if constexpr (std::is_same_v<M, std::string>)
    return std::string(d);
  else if constexpr (std::is_same_v<M, std::vector<std::string>>)
    return M(d);
  else
    return std::vector<double>(d.begin(), d.end());
}

/// Copies a validated value into a member of type M.
template <class M>
void assign(M& out, const ParamSet& set, const std::string& name) {
  if constexpr (std::is_same_v<M, bool>)
    out = set.boolean(name);
  else if constexpr (std::is_integral_v<M>)
    out = static_cast<M>(set.integer(name));
  else if constexpr (std::is_floating_point_v<M>)
    out = static_cast<M>(set.real(name));
  else if constexpr (std::is_same_v<M, std::string>)
    out = set.string(name);
  else if constexpr (std::is_same_v<M, std::vector<std::string>>)
    out = set.strings(name);
  else {
    const auto& v = set.reals(name);
    out.assign(v.begin(), v.end());
  }
}

}  // namespace param_detail

/// Owner of a table whose keys no member holds (selectors, tables read key by key).
struct Unbound {};

/// The parameters of one mechanism or table, declared once and bound to where they are held.
template <class Owner>
class ParamTable {
 public:
  /// Declares a parameter held by `member` (of Owner or a base); its kind follows its type.
  template <class M, class C, class D>
  ParamDeclaration add(std::string name, M C::*member, const D& fallback) {
    static_assert(std::is_base_of_v<C, Owner>, "the member belongs to another class");
    return add_at(
        std::move(name), [member](Owner& o) -> M& { return o.*member; }, fallback);
  }

  /// Declares a parameter held wherever `access(owner)` refers (an array element, a part).
  template <class Access, class D>
  ParamDeclaration add_at(std::string name, Access access, const D& fallback) {
    using M = std::remove_reference_t<std::invoke_result_t<Access, Owner&>>;
    readers_.push_back([access, name](const ParamSet& set, Owner& o) {
      param_detail::assign(access(o), set, name);
    });
    return declare(std::move(name), param_detail::type_of<M>(),
                   param_detail::value_of<M>(fallback));
  }

  /// Declares a choice held by an enum member; each scenario name maps to one value.
  template <class E, class C>
  ParamDeclaration choice(std::string name, E C::*member, std::type_identity_t<E> fallback,
                          std::vector<std::pair<std::string, std::type_identity_t<E>>> names) {
    std::vector<std::string> words;
    std::string fallback_word;
    for (const auto& [word, value] : names) {
      words.push_back(word);
      if (value == fallback) fallback_word = word;
    }
    readers_.push_back([member, name, names](const ParamSet& set, Owner& o) {
      for (const auto& [word, value] : names)
        if (word == set.string(name)) o.*member = value;
    });
    return declare(std::move(name), ParamType::Choice, fallback_word).choices(words);
  }

  /// Declares a parameter that no member holds (a selector, or a key read by hand).
  ParamDeclaration declare(std::string name, ParamType type, std::optional<ParamValue> fallback) {
    ParamSpec spec;
    spec.name = std::move(name);
    spec.type = type;
    spec.fallback = std::move(fallback);
    specs_.push_back(std::move(spec));
    return ParamDeclaration(specs_, specs_.size() - 1);
  }

  /// Adds the parameters of a part held in `member`, read into that part.
  template <class Part, class C>
  void include(Part C::*member, const ParamTable<Part>& part) {
    static_assert(std::is_base_of_v<C, Owner>, "the member belongs to another class");
    specs_.insert(specs_.end(), part.specs().begin(), part.specs().end());
    readers_.push_back(
        [member, part](const ParamSet& set, Owner& o) { part.read(set, o.*member); });
  }

  /// Adds the parameters of a base class's table, read into this owner's base part.
  template <class Base>
  void inherit(const ParamTable<Base>& base) {
    static_assert(std::is_base_of_v<Base, Owner>, "inherit() takes a base class's table");
    specs_.insert(specs_.end(), base.specs().begin(), base.specs().end());
    readers_.push_back([base](const ParamSet& set, Owner& o) { base.read(set, o); });
  }

  /// Every declaration, in the order written (the order of docs and effective scenarios).
  const std::vector<ParamSpec>& specs() const { return specs_; }

  /// Copies every bound parameter of a validated set into `owner`.
  void read(const ParamSet& set, Owner& owner) const {
    for (const auto& r : readers_) r(set, owner);
  }

  /// A new owner holding the set's values (for plain structs of parameters).
  [[nodiscard]] Owner read(const ParamSet& set) const {
    Owner owner{};
    read(set, owner);
    return owner;
  }

 private:
  std::vector<ParamSpec> specs_;
  std::vector<std::function<void(const ParamSet&, Owner&)>> readers_;
};

/// A table of keys that no member holds: declarations only.
using ParamList = ParamTable<Unbound>;

/// The table `declare` fills, built on first use and kept: a mechanism's `table()` is
/// `return sim::declared<T>([](auto& t) { t.add(...); ... });`.
template <class Owner, class Declare>
const ParamTable<Owner>& declared(Declare declare) {
  static const ParamTable<Owner> table = [&] {
    ParamTable<Owner> t;
    declare(t);
    return t;
  }();
  return table;
}

}  // namespace wellsim::sim
