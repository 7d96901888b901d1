#pragma once
// Scenario text for the tests that run small towns: the [run] and [population] tables of a town
// and [[intervention]] tables, so that each test states only the values it depends on.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace wellsim::test {

/// A town's [run] and [population] tables: `model = "town"`, the seed and weeks, and the
/// neighbourhoods with their sizes; a [run] name when `name` is not empty.
inline std::string town_toml(std::uint64_t seed, unsigned steps,
                             const std::vector<std::string>& neighbourhoods,
                             const std::vector<int>& sizes, const std::string& name = "") {
  std::string t = "[run]\n";
  if (!name.empty()) t += "name = \"" + name + "\"\n";
  t += "model = \"town\"\nseed = " + std::to_string(seed) + "\nsteps = " + std::to_string(steps) +
       "\n[population]\nneighbourhoods = [";
  for (std::size_t k = 0; k < neighbourhoods.size(); ++k)
    t += (k ? ", \"" : "\"") + neighbourhoods[k] + "\"";
  t += "]\nsizes = [";
  for (std::size_t k = 0; k < sizes.size(); ++k) t += (k ? ", " : "") + std::to_string(sizes[k]);
  return t + "]\n";
}

/// One [[intervention]] table: its type and name, then each key with its value as TOML text
/// (`{"capacity", "40"}`, `{"target", "{ neighbourhoods = [\"North\"] }"}`).
inline std::string intervention(const std::string& type, const std::string& name,
                                const std::vector<std::pair<std::string, std::string>>& keys = {}) {
  std::string t = "[[intervention]]\ntype = \"" + type + "\"\nname = \"" + name + "\"\n";
  for (const auto& [key, value] : keys) t += key + " = " + value + "\n";
  return t;
}

}  // namespace wellsim::test
