// A run file opened as netCDF-4 by xarray (engine "h5netcdf", Debian python3-xarray and
// python3-h5netcdf) without our code: tests/cli/xarray_open.py checks the named dimensions,
// coordinates, units and values of every group against what RunReader read (issue 15).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "output/run_reader.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// A small town with a layout and a support package: every group of the format is present.
std::vector<std::string> town_run(const std::string& out, int steps) {
  return {"run",     test::source_path("scenarios/cost_of_living_support.toml"),
          "--set",   "population.sizes=[60, 50, 40, 30, 20]",
          "--set",   "output.layout=true",
          "--steps", std::to_string(steps),
          "-o",      out,
          "-q"};
}

/// What RunReader reads, for the Python side to compare with xarray's view.
nlohmann::json expected(const std::string& path) {
  output::RunReader r(path);
  const std::size_t last = r.recorded_steps().size() - 1;
  return {{"steps_completed", r.steps_completed()},
          {"status", r.status()},
          {"step", r.steps()},
          {"mean", r.stat("mean")},
          {"share_low", r.stat("share_low")},
          {"recorded", r.recorded_steps()},
          {"last_values", r.wellbeing_at(last)},
          {"original_id", r.original_ids()},
          {"group", r.groups()},
          {"neighbourhoods", r.group_names()},
          {"disposable", r.people_values("disposable")},
          {"homeless", r.series("prevalence/homeless")},
          {"events", r.events().step.size()}};
}

void check_with_xarray(const std::string& run, const std::string& dir) {
  const std::string json = dir + "/expected.json";
  std::ofstream(json) << expected(run).dump();
  const std::string cmd = "/usr/bin/python3 " + test::source_path("tests/cli/xarray_open.py") +
                          " " + run + " " + json + " 2>&1";
  INFO(cmd);
  CHECK(std::system(cmd.c_str()) == 0);
}

}  // namespace

TEST_CASE("xarray opens every group of a run file with named dimensions and coordinates",
          "[cli][xarray]") {
  if (std::system("/usr/bin/python3 -c 'import xarray, h5netcdf' >/dev/null 2>&1") != 0)
    FAIL(
        "xarray or h5netcdf missing for /usr/bin/python3: scripts/install-deps.sh installs "
        "python3-xarray and python3-h5netcdf");
  test::TempDir dir("cli-xarray");
  SECTION("a complete run") {
    const std::string run = dir.file("town.h5");
    REQUIRE(test::run_wellsim(town_run(run, 30)).status == 0);
    check_with_xarray(run, dir.path().string());
  }
  SECTION("a killed run") {
    const std::string run = dir.file("killed.h5");
    auto args = town_run(run, 100000);
    args.back() = "--progress";  // instead of -q: the kill waits for the progress line
    args.push_back("always");
    REQUIRE(test::kill_wellsim_after(args, 40));
    check_with_xarray(run, dir.path().string());
  }
}
