#pragma once
// Small community-model runs for the [viz] tests: a scenario from scenarios/ with 460 people in
// its five neighbourhoods, so a run takes a fraction of a second and still has people, series,
// services with queues and events.
#include <catch2/catch.hpp>
#include <string>

#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

namespace wellsim::test {

/// Runs scenarios/SCENARIO.toml for `steps` weeks with 460 people into `path`.
inline void write_community_run(const std::string& scenario, int steps, const std::string& path) {
  const auto r = run_wellsim({"run", source_path("scenarios/" + scenario + ".toml"), "--set",
                              "population.sizes=[120,100,90,80,70]", "--steps",
                              std::to_string(steps), "--threads", "1", "-o", path, "--quiet"});
  INFO(r.err);
  REQUIRE(r.status == 0);
}

}  // namespace wellsim::test
