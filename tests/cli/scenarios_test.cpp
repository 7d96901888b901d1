// Every file in scenarios/ validates and runs a few steps.
#include <catch2/catch.hpp>

#include <filesystem>

#include "output/run_reader.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/smoke_overrides.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

TEST_CASE("every scenario in scenarios/ validates and runs 3 steps", "[cli][scenarios][heavy]") {
  test::TempDir dir("scenarios");
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(test::source_path("scenarios")))
    if (f.path().extension() == ".toml") files.push_back(f.path());
  REQUIRE(files.size() >= 3);
  for (const auto& f : files) {
    INFO(f.string());
    // A country (scenarios/uk.toml) runs at a fraction: same neighbourhoods, fewer people.
    std::vector<std::string> small;
    for (const auto& set : test::smoke_overrides(f.string())) small = {"--set", set};
    auto with = [&](std::vector<std::string> args) {
      args.insert(args.end(), small.begin(), small.end());
      return args;
    };
    auto v = test::run_wellsim(with({"validate", f.string(), "--quiet"}));
    INFO(v.err);
    // A scenario on a real network from ../shared/data runs only where that data is (as the
    // tests of the importers skip there); everything else must validate and run.
    if (v.status != 0 && v.err.find("shared/data") != std::string::npos &&
        test::shared_data(".").empty()) {
      WARN("skipped " << f.filename().string() << ": ../shared/data is not here");
      continue;
    }
    CHECK(v.status == 0);
    std::string out = dir.file(f.stem().string() + ".h5");
    auto r = test::run_wellsim(with({"run", f.string(), "--steps", "3", "-o", out, "--quiet"}));
    INFO(r.err);
    REQUIRE(r.status == 0);
    output::RunReader run(out);
    CHECK(run.steps_completed() == 3);
    CHECK(run.agent_count() > 0);
  }
}
