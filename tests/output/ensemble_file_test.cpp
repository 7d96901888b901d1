// The ensemble file (output/ensemble_file.hpp): what is written reads back, a file appears
// under its name only once finished, and a damaged or foreign file is refused in one line that
// names the file and the problem.
#include "output/ensemble_file.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "output/h5_util.hpp"
#include "sim/errors.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
namespace h5 = output::h5;
using Catch::Contains;
using Catch::StartsWith;

namespace {

/// Two factors, named against alphabetical order (the file must keep design order), three
/// points, two scenarios, two outcomes, series of 3 steps.
output::EnsembleHeader small_header() {
  output::EnsembleHeader h;
  h.experiment = "support-sweep";
  h.design = "grid";
  h.baseline = "shock";
  h.scenarios = {"shock", "support"};
  h.factors = {"zeta.rate", "alpha.capacity"};
  h.factor_lo = {0.0, 10.0};
  h.factor_hi = {1.0, 50.0};
  h.points = {{0.0, 10.0}, {0.5, 30.0}, {1.0, 50.0}};
  h.tasks_planned = 7;
  h.outcomes = {"wellbys", "cost"};
  h.outcome_units = {"WELLBY", "GBP"};
  h.outcome_help = {"discounted WELLBYs", "total cost"};
  h.series_steps = 3;
  return h;
}

output::EnsembleRow row(std::uint32_t scenario, std::uint32_t point, std::uint32_t replicate) {
  output::EnsembleRow r;
  const char* names[] = {"shock", "support"};
  r.scenario = names[scenario];
  r.task_id = r.scenario + "-p" + std::to_string(point);
  r.task_id += "-r" + std::to_string(replicate);
  r.scenario_index = scenario;
  r.point = point;
  r.replicate = replicate;
  r.seed = 1000 + replicate;
  r.factors = {0.5 * point, 10.0 + 20.0 * point};
  r.outcomes = {10.0 * point + replicate + scenario * 100, -1.0 * point};
  r.mean_wellbeing = {7.0, 7.1};
  if (point == 2) r.mean_wellbeing.push_back(7.2);
  return r;
}

/// Writes the small ensemble: scenario 1 at every point, two replicates; one incomplete task.
void write_small(const std::string& path, bool overwrite = false) {
  output::EnsembleWriter w(path, small_header(), overwrite);
  for (std::uint32_t p = 0; p < 3; ++p)
    for (std::uint32_t r = 0; r < 2; ++r) w.add(row(1, p, r));
  w.add_incomplete("shock-p0-r0", "killed after week 12");
  w.finish();
}

h5::File edit(const std::string& path) {
  h5::silence_errors();
  return h5::File(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "cannot open " + path);
}

/// read_ensemble(path) fails with one line that starts with the path and holds `says`.
void refused(const std::string& path, const std::string& says) {
  try {
    output::read_ensemble(path);
    FAIL("read " << path << " without complaint");
  } catch (const sim::InputError& e) {
    const std::string m = e.what();
    CHECK_THAT(m, StartsWith(path + ": ") && Contains(says));
    CHECK(m.find('\n') == std::string::npos);
  }
}

}  // namespace

TEST_CASE("an ensemble file reads back as written", "[ensemble][output]") {
  test::TempDir dir("ensemble-round-trip");
  const std::string path = dir.file("e.h5");
  write_small(path);
  const output::Ensemble e = output::read_ensemble(path);
  const output::EnsembleHeader& h = e.header;
  const output::EnsembleHeader want = small_header();
  CHECK(h.experiment == want.experiment);
  CHECK(h.design == "grid");
  CHECK(h.baseline == "shock");
  CHECK(h.scenarios == want.scenarios);
  CHECK(h.factors == want.factors);  // design order, not alphabetical
  CHECK(h.factor_lo == want.factor_lo);
  CHECK(h.factor_hi == want.factor_hi);
  CHECK(h.points == want.points);
  CHECK(h.tasks_planned == 7);
  CHECK(h.outcomes == want.outcomes);
  CHECK(h.outcome_units == want.outcome_units);
  CHECK(h.outcome_help == want.outcome_help);
  CHECK(h.series_steps == 3);
  REQUIRE(e.task_id.size() == 6);
  CHECK(e.task_id[3] == "support-p1-r1");
  CHECK(e.scenario == std::vector<std::string>(6, "support"));
  CHECK(e.status == std::vector<std::string>(6, "complete"));
  CHECK(e.scenario_index == std::vector<std::uint32_t>(6, 1));
  CHECK(e.point == std::vector<std::uint32_t>{0, 0, 1, 1, 2, 2});
  CHECK(e.replicate == std::vector<std::uint32_t>{0, 1, 0, 1, 0, 1});
  CHECK(e.outcome("wellbys") == std::vector<double>{100, 101, 110, 111, 120, 121});
  CHECK(e.outcome("cost") == std::vector<double>{0, 0, -1, -1, -2, -2});
  CHECK(e.incomplete == std::vector<std::string>{"shock-p0-r0"});
  REQUIRE_THROWS_WITH(e.outcome("welbys"),
                      "unknown outcome \"welbys\"; the ensemble's outcomes: wellbys, cost");

  // What readers without our code see: plain columns, the series padded with NaN.
  h5::silence_errors();
  h5::File f(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
  CHECK(h5::read_string_attribute(f, "format") == "wellsim-ensemble");
  CHECK(h5::read_uint_attribute(f, "version") == 1);
  CHECK(h5::read_uint_attribute(f, "tasks_merged") == 6);
  CHECK(h5::read_array<std::uint64_t>(f, "/design/seed") ==
        std::vector<std::uint64_t>{1000, 1001, 1000, 1001, 1000, 1001});
  CHECK(h5::read_array<double>(f, "/design/factors/alpha.capacity")[5] == 50.0);
  CHECK(h5::read_strings(f, "/incomplete/reason") ==
        std::vector<std::string>{"killed after week 12"});
  CHECK(h5::shape(f, "/series/mean_wellbeing") == std::vector<hsize_t>{6, 4});
  std::vector<double> series(24);
  h5::read_raw_rows(f, "/series/mean_wellbeing", H5T_NATIVE_DOUBLE, 0, 6, 4, series.data());
  CHECK(series[0] == 7.0);
  CHECK(series[1] == 7.1);
  CHECK(std::isnan(series[2]));
  CHECK(series[4 * 4 + 2] == 7.2);
  CHECK(std::isnan(series[4 * 4 + 3]));
}

TEST_CASE("an ensemble file appears only when finished, never over an existing one",
          "[ensemble][output]") {
  test::TempDir dir("ensemble-create");
  const std::string path = dir.file("e.h5");
  auto leftovers = [&] {
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
      n += entry.path().filename().string().find(".tmp-") != std::string::npos;
    return n;
  };
  {
    output::EnsembleWriter w(path, small_header(), false);
    w.add(row(1, 0, 0));
    CHECK_FALSE(std::filesystem::exists(path));  // being written under a temporary name
    CHECK(leftovers() == 1);
  }  // abandoned without finish()
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(leftovers() == 0);

  write_small(path);
  CHECK(leftovers() == 0);
  try {
    output::EnsembleWriter w(path, small_header(), false);
    FAIL("replaced an existing file");
  } catch (const sim::InputError& e) {
    CHECK(std::string(e.what()) == path + ": exists; pass --overwrite to replace it");
  }
  CHECK(output::read_ensemble(path).task_id.size() == 6);  // untouched
  {
    output::EnsembleWriter w(path, small_header(), true);
    w.add(row(0, 2, 0));
    w.finish();
  }
  CHECK(output::read_ensemble(path).task_id == std::vector<std::string>{"shock-p2-r0"});
  // Rows that do not fit the header are the caller's bug, refused before they reach the file.
  output::EnsembleWriter w(dir.file("f.h5"), small_header(), false);
  auto bad = row(1, 3, 0);
  CHECK_THROWS_AS(w.add(bad), std::invalid_argument);
  bad = row(1, 0, 0);
  bad.scenario = "shock";
  CHECK_THROWS_AS(w.add(bad), std::invalid_argument);
}

TEST_CASE("a damaged or foreign ensemble file is refused in one line", "[ensemble][output]") {
  test::TempDir dir("ensemble-damaged");
  const std::string path = dir.file("e.h5");
  write_small(path);

  SECTION("a truncated outcome column") {
    const hsize_t four = 4;
    h5::Dataset d(H5Dopen2(edit(path), "/outcomes/cost", H5P_DEFAULT), "open");
    REQUIRE(H5Dset_extent(d, &four) >= 0);
    d.reset();
    refused(path, "/outcomes/cost has 4 entries, /design/task_id has 6");
  }
  SECTION("a truncated design column") {
    const hsize_t five = 5;
    h5::Dataset d(H5Dopen2(edit(path), "/design/replicate", H5P_DEFAULT), "open");
    REQUIRE(H5Dset_extent(d, &five) >= 0);
    d.reset();
    refused(path, "/design/replicate has 5 entries, /design/task_id has 6");
  }
  SECTION("a point index past the design") {
    const std::uint32_t bad[6] = {0, 0, 1, 1, 2, 3};
    h5::Dataset d(H5Dopen2(edit(path), "/design/point", H5P_DEFAULT), "open");
    REQUIRE(H5Dwrite(d, H5T_NATIVE_UINT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, bad) >= 0);
    d.reset();
    refused(path, "/design/point[5] is 3, not a design point (0-2)");
  }
  SECTION("a column of the wrong type") {
    h5::File f = edit(path);
    REQUIRE(H5Ldelete(f, "/outcomes/cost", H5P_DEFAULT) >= 0);
    h5::write_strings(f, "/outcomes/cost", {"a", "b", "c", "d", "e", "f"});
    f.reset();
    refused(path, "/outcomes/cost does not hold floating-point values");
  }
  SECTION("a missing column") {
    REQUIRE(H5Ldelete(edit(path), "/design/seed", H5P_DEFAULT) >= 0);
    refused(path, "missing dataset /design/seed");
  }
  SECTION("a file cut short") {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
    refused(path, "");
  }
  SECTION("a newer version") {
    h5::write_attribute(edit(path), "version", std::uint32_t{2});
    refused(path, "ensemble version 2 is newer than this build reads");
  }
  SECTION("a run file, a plain HDF5 file, a text file") {
    const std::string run = dir.file("run.h5"), plain = dir.file("plain.h5");
    h5::silence_errors();
    {
      h5::File f(H5Fcreate(run.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
      h5::write_attribute(f, "schema", std::string("wellsim-run"));
      h5::File(H5Fcreate(plain.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
    }
    refused(run, "a run file, not an ensemble file");
    refused(plain, "not a wellsim ensemble file (no format attribute)");
    refused(dir.write("notes.h5", "hello\n"), "not an HDF5 file");
    refused(dir.file("absent.h5"), "no such file");
  }
}
