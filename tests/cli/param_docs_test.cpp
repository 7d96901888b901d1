// Every declared parameter reaches the user: `wellsim list`, docs/scenario-reference.md (with
// its unit) — the run file's side is checked in tests/output.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "models/scenario_schema.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// Each declared parameter as (table, variant or "", spec).
std::vector<std::tuple<std::string, std::string, sim::ParamSpec>> every_parameter() {
  std::vector<std::tuple<std::string, std::string, sim::ParamSpec>> out;
  for (const auto& t : models::scenario_schema()) {
    for (const auto& s : t.common) out.emplace_back(t.name, "", s);
    for (const auto& [variant, specs] : t.variants)
      for (const auto& s : specs) out.emplace_back(t.name, variant, s);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "every declared parameter is in `wellsim list` and in the scenario reference with its "
    "unit",
    "[cli][docs]") {
  auto list = test::run_wellsim({"list"});
  REQUIRE(list.status == 0);
  std::ifstream in(test::source_path("docs/scenario-reference.md"));
  std::stringstream doc;
  doc << in.rdbuf();
  const auto params = every_parameter();
  REQUIRE(params.size() > 150);
  std::size_t with_unit = 0;
  for (const auto& [table, variant, spec] : params) {
    INFO(table << (variant.empty() ? "" : "/" + variant) << "." << spec.name);
    CHECK_THAT(list.out, Catch::Contains("  " + spec.name + " = "));
    CHECK_THAT(list.out, Catch::Contains(spec.help));
    // A markdown row starts with the key and ends with "| unit | help |".
    const std::string row = "| `" + spec.name + "` | " + sim::describe(spec.type);
    const auto at = doc.str().find(row);
    REQUIRE(at != std::string::npos);
    if (!spec.unit.empty()) {
      ++with_unit;
      CHECK_THAT(doc.str(), Catch::Contains(" | " + spec.unit + " | " + spec.help + " |"));
      CHECK_THAT(list.out, Catch::Contains(", " + spec.unit + "\n"));
    }
  }
  CHECK(with_unit > 50);
}
