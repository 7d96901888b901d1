#pragma once
// Who an intervention may reach: a set of neighbourhoods (network groups), a list of
// conditions on a person's circumstances (`target.filter`), all of which must hold, and
// optionally named people and households (`target.people`, `target.households`: a teacher's
// "this person" or "this person's household"), of whom a person must be one.
//
// Why parsed once into a small predicate: services test the target for every person every week
// in the intake scan, so the conditions are compiled to (kind, value) pairs read from the
// struct-of-arrays columns, not string compares. Conditions are read at the moment of the test,
// so "unemployed" follows a person who loses their job during the run.
#include <cstdint>
#include <string>
#include <vector>

#include "models/community/vocabulary.hpp"
#include "sim/agent_store.hpp"
#include "sim/network.hpp"

namespace wellsim::models {

/// One parsed `target.filter` condition.
struct Condition {
  /// What the condition reads.
  enum class Kind : std::uint8_t { Domain, Activity, Trait, AgeAtLeast, AgeBelow, Tenure };
  Kind kind;            ///< which column
  std::uint32_t value;  ///< domain/trait mask, activity, age or tenure code
  bool negate = false;  ///< "!cond": the condition must not hold
};

/// Parses one condition ("unemployed", "age>=65", "tenure=social_rent", "!lonely"); throws
/// std::invalid_argument naming the allowed forms when it is not one.
Condition parse_condition(const std::string& text);

/// The allowed condition forms, for messages and docs ("unemployed, employed, ..., age>=N").
std::string condition_forms();

/// The target keys of an [[intervention]] table, as written.
struct TargetKeys {
  std::vector<std::string> neighbourhoods;  ///< target.neighbourhoods (empty: all)
  std::vector<std::string> filter;          ///< target.filter conditions
  std::vector<double> people;               ///< target.people: ids as the network source gives them
  std::vector<double> households;  ///< target.households: indices as /people/household holds
};

/// Compiled target: neighbourhood mask, conditions, and the named people and households.
class Target {
 public:
  /// Everyone.
  Target() = default;
  /// Builds from the key values; `household_start` gives household h's agents
  /// [household_start[h], household_start[h+1]) (empty: a population without households).
  /// `context` prefixes messages ("FILE:LINE: intervention[2]."); throws sim::InputError for an
  /// unknown neighbourhood, condition, person or household.
  Target(const TargetKeys& keys, const sim::Network& net,
         const std::vector<std::uint32_t>& household_start, const std::string& context);
  /// True when person i is present, in a targeted neighbourhood, meets every condition now, and is
  /// one of the named people or households when any are named.
  bool contains(const sim::AgentStore& a, const sim::Network& net, std::uint32_t i) const {
    if (!a.is_present(i)) return false;  // no one reaches a person who has left ([demography])
    if (!named_.empty() && (i >= named_.size() || !named_[i])) return false;
    if (!groups_.empty()) {
      const std::int32_t g = net.group.empty() ? -1 : net.group[i];
      if (g < 0 || static_cast<std::size_t>(g) >= groups_.size() || !groups_[g]) return false;
    }
    for (const Condition& c : conditions_)
      if (holds(a, i, c) == c.negate) return false;
    return true;
  }
  /// True when group g is targeted (every group when no neighbourhood was named).
  bool has_group(std::size_t g) const {
    return groups_.empty() || (g < groups_.size() && groups_[g]);
  }

 private:
  void mark_named(const TargetKeys& keys, const sim::Network& net,
                  const std::vector<std::uint32_t>& household_start, const std::string& context);
  static bool holds(const sim::AgentStore& a, std::uint32_t i, const Condition& c) {
    switch (c.kind) {
      case Condition::Kind::Domain: return (a.domains[i] & c.value) != 0;
      case Condition::Kind::Activity: return a.activity[i] == c.value;
      case Condition::Kind::Trait: return (a.traits[i] & c.value) != 0;
      case Condition::Kind::AgeAtLeast: return a.age[i] >= c.value;
      case Condition::Kind::AgeBelow: return a.age[i] < c.value;
      case Condition::Kind::Tenure: return a.tenure[i] == c.value;
    }
    return false;
  }
  std::vector<bool> groups_;  // empty = all neighbourhoods
  std::vector<bool> named_;   // per agent: named or in a named household; empty = everyone
  std::vector<Condition> conditions_;
};

}  // namespace wellsim::models
