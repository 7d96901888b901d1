// What `wellsim run` writes for readers (the run file is the only contract downstream): every
// scenario parameter typed with its declared unit and help, the interventions with their levels
// from the registry, and a set key shared by replicates only.
#include "output/run_contract.hpp"

#include <catch2/catch.hpp>

#include "models/assemble.hpp"
#include "models/interventions/intervention_registry.hpp"
#include "output/run_reader.hpp"
#include "sim/scenario.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

const std::vector<std::string> kSmallTown = {"population.sizes=[120,100,90,80,70]"};

/// Runs `scenario` for two steps into `out` with `more` arguments; returns the overrides used.
std::vector<std::string> run_small(const std::string& scenario, const std::string& out,
                                   const std::vector<std::string>& more = {}) {
  std::vector<std::string> args = {
      "run",       test::source_path("scenarios/" + scenario + ".toml"),
      "--set",     kSmallTown[0],
      "--steps",   "2",
      "--threads", "1",
      "-o",        out,
      "--quiet"};
  args.insert(args.end(), more.begin(), more.end());
  const auto r = test::run_wellsim(args);
  INFO(r.err);
  REQUIRE(r.status == 0);
  return {kSmallTown[0], "run.steps=2"};
}

/// The declarations that apply to one table of `sc` (its common keys and its variant's).
std::vector<sim::ParamSpec> declared(const sim::TableSchema& t, const std::string& variant) {
  std::vector<sim::ParamSpec> specs = t.common;
  if (const auto it = t.variants.find(variant); it != t.variants.end())
    specs.insert(specs.end(), it->second.begin(), it->second.end());
  return specs;
}

}  // namespace

TEST_CASE("every scenario parameter is in the run file with its value, unit and help",
          "[cli][output]") {
  test::TempDir dir("cli-contract-parameters");
  const auto overrides = run_small("cost_of_living_support", dir.file("run.h5"));
  const auto& schema = models::scenario_schema();
  const sim::Scenario sc = sim::load_scenario(
      test::source_path("scenarios/cost_of_living_support.toml"), schema, overrides);
  const output::RunReader run(dir.file("run.h5"));
  std::map<std::string, output::ParameterRecord> stored;
  for (auto& p : run.typed_parameters()) stored[p.key] = p;
  std::size_t checked = 0;
  auto check = [&](const std::string& key, const sim::ParamSpec& spec, const sim::ParamSet& v) {
    INFO(key);
    // A selector that run.model sets (network.source of a town) is not part of the scenario.
    if (!v.has(spec.name) && spec.name == "source") return;
    REQUIRE(stored.count(key));
    const auto& p = stored.at(key);
    CHECK(p.unit == spec.unit);
    CHECK(p.help == spec.help);
    CHECK(p.type == spec.type);
    CHECK(p.value == v.values().at(spec.name));
    ++checked;
  };
  for (const sim::TableSchema& t : schema) {
    if (t.repeated) {
      const auto& entries = sc.list(t.name);
      for (std::size_t k = 0; k < entries.size(); ++k)
        for (const auto& spec : declared(t, entries[k].variant))
          check(t.name + "[" + std::to_string(k + 1) + "]." + spec.name, spec, entries[k].values);
      continue;
    }
    if (!sc.tables.count(t.name)) continue;
    const auto v = sc.variants.find(t.name);
    for (const auto& spec : declared(t, v == sc.variants.end() ? "" : v->second))
      check(t.name + "." + spec.name, spec, sc.tables.at(t.name));
  }
  CHECK(checked == stored.size());  // and nothing else
  CHECK(run.run_name() == sc.table("run").string("name"));
}

TEST_CASE("the interventions table holds the scenario's interventions with their levels",
          "[cli][output]") {
  test::TempDir dir("cli-contract-interventions");
  const auto overrides = run_small("youth_safety", dir.file("run.h5"));
  const sim::Scenario sc = sim::load_scenario(test::source_path("scenarios/youth_safety.toml"),
                                              models::scenario_schema(), overrides);
  const auto stored = output::RunReader(dir.file("run.h5")).interventions();
  const auto& entries = sc.list("intervention");
  REQUIRE(stored.size() == entries.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const auto& v = entries[k].values;
    INFO(stored[k].name);
    CHECK(stored[k].type == entries[k].variant);
    CHECK(stored[k].name == (v.string("name").empty() ? entries[k].variant : v.string("name")));
    CHECK(stored[k].level ==
          models::level_name(models::find_intervention_type(entries[k].variant)->level));
    CHECK(stored[k].start_week == v.integer("start_week"));
    CHECK(stored[k].end_week ==
          (v.integer("end_week") >= models::kForever ? output::kToTheEnd : v.integer("end_week")));
    CHECK(stored[k].neighbourhoods == v.strings("target.neighbourhoods"));
    CHECK(stored[k].filter == v.strings("target.filter"));
    CHECK(stored[k].parameters.size() == v.values().size());
  }
}

TEST_CASE("replicates share a set key and other scenarios do not", "[cli][output]") {
  test::TempDir dir("cli-contract-set-key");
  run_small("default", dir.file("d.h5"), {"--replicates", "2"});
  run_small("default", dir.file("seed.h5"), {"--seed", "7"});
  run_small("social_prescribing", dir.file("s.h5"));
  const output::RunReader r0(dir.file("d_r0.h5")), r1(dir.file("d_r1.h5"));
  const output::RunReader other_seed(dir.file("seed.h5")), other(dir.file("s.h5"));
  CHECK(r0.scenario_hash() != r1.scenario_hash());  // the hash covers run.replicate
  CHECK(r0.set_key() == r1.set_key());
  CHECK(r0.set_key() != other_seed.set_key());
  CHECK(r0.set_key() != other.set_key());
  // The same key as files written before it was stored get from their text.
  CHECK(r0.set_key() == output::set_key_of(r0.effective_scenario()));
}
