#pragma once
// Who an intervention may reach: a set of neighbourhoods (network groups) and a list of
// conditions on a person's circumstances (`target.filter`), all of which must hold.
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

/// Compiled target: neighbourhood mask plus conditions.
class Target {
 public:
  /// Everyone.
  Target() = default;
  /// Builds from the key values. `context` prefixes messages ("FILE:LINE: intervention[2].");
  /// throws sim::InputError for an unknown neighbourhood or condition.
  Target(const std::vector<std::string>& neighbourhoods, const std::vector<std::string>& filter,
         const sim::Network& net, const std::string& context);
  /// True when person i is in a targeted neighbourhood and meets every condition now.
  bool contains(const sim::AgentStore& a, const sim::Network& net, std::uint32_t i) const {
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
  std::vector<Condition> conditions_;
};

}  // namespace wellsim::models
