#pragma once
#include <string>
#include <vector>

namespace wellsim::test {

/// The overrides that make a scenario file small enough for a smoke test: none for a town,
/// `population.scale=...` giving about 100,000 people for a country (scenarios/uk.toml).
std::vector<std::string> smoke_overrides(const std::string& scenario_path);

}  // namespace wellsim::test
