#include "output/run_reader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "output/h5_util.hpp"
#include "output/schema.hpp"
#include "sim/errors.hpp"
#include "tests/output/run_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using output::RunReader;
namespace h5 = output::h5;

namespace {

/// Opens a run file for editing, to damage it the way a foreign or broken file would be.
h5::File edit(const std::string& path) {
  h5::silence_errors();
  return h5::File(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "cannot open " + path);
}

std::string valid_run(const test::TempDir& dir, const std::string& name) {
  const std::string path = dir.file(name);
  test::write_small_run(path, 3, 3, output::WriterOptions{});
  return path;
}

}  // namespace

TEST_CASE("the reader refuses what is not a readable run file, naming file and problem",
          "[output]") {
  test::TempDir dir("output-reader-errors");

  SECTION("missing file") {
    const std::string path = dir.file("absent.h5");
    REQUIRE_THROWS_AS(RunReader(path), sim::InputError);
    REQUIRE_THROWS_WITH(RunReader(path), path + ": no such file");
  }
  SECTION("a text file") {
    const std::string path = dir.write("notes.h5", "this is not HDF5\n");
    REQUIRE_THROWS_AS(RunReader(path), sim::InputError);
    REQUIRE_THROWS_WITH(RunReader(path), path + ": not an HDF5 file");
  }
  SECTION("an empty file") {
    const std::string path = dir.write("empty.h5", "");
    REQUIRE_THROWS_WITH(RunReader(path), Catch::StartsWith(path + ": empty file"));
  }
  SECTION("an HDF5 file without the schema attribute") {
    const std::string path = dir.file("plain.h5");
    h5::silence_errors();
    h5::File(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
    REQUIRE_THROWS_AS(RunReader(path), sim::InputError);
    REQUIRE_THROWS_WITH(RunReader(path), Catch::StartsWith(path + ": ") &&
                                             Catch::Contains("not a wellsim run file"));
  }
  SECTION("another schema") {
    const std::string path = valid_run(dir, "foreign.h5");
    h5::write_attribute(edit(path), "schema", std::string("someone-else"));
    REQUIRE_THROWS_WITH(RunReader(path),
                        path + ": not a wellsim run file (schema is \"someone-else\")");
  }
  SECTION("a newer schema version") {
    const std::string path = valid_run(dir, "newer.h5");
    h5::write_attribute(edit(path), "schema_version", output::kSchemaVersion + 1);
    REQUIRE_THROWS_AS(RunReader(path), sim::InputError);
    REQUIRE_THROWS_WITH(RunReader(path),
                        path + ": schema version " + std::to_string(output::kSchemaVersion + 1) +
                            " is newer than this build reads (" +
                            std::to_string(output::kSchemaVersion) + "); use a newer wellsim");
  }
  SECTION("a missing dataset") {
    const std::string path = valid_run(dir, "missing.h5");
    H5Ldelete(edit(path), "/steps/median", H5P_DEFAULT);
    REQUIRE_THROWS_AS(RunReader(path), sim::InputError);
    REQUIRE_THROWS_WITH(RunReader(path),
                        path + ": truncated or damaged run file: missing dataset /steps/median");
  }
  SECTION("a neighbour index past the last agent") {
    const std::string path = valid_run(dir, "badindex.h5");
    std::vector<std::uint32_t> neighbours = RunReader(path).network().neighbours;
    REQUIRE(!neighbours.empty());
    neighbours[0] = 4000000;
    {
      h5::File f = edit(path);
      H5Ldelete(f, "/network/neighbours", H5P_DEFAULT);
      h5::Group g(H5Gopen2(f, "/network", H5P_DEFAULT), "open /network");
      h5::write_array<std::uint32_t>(g, "neighbours", neighbours, 0);
    }
    REQUIRE_THROWS_WITH(RunReader(path).network(),
                        path + ": damaged network: /network/neighbours names agent 4000000");
  }
  SECTION("a missing group") {
    const std::string path = valid_run(dir, "nogroup.h5");
    H5Ldelete(edit(path), "/network", H5P_DEFAULT);
    REQUIRE_THROWS_WITH(RunReader(path), Catch::Contains("missing dataset /network/offsets"));
  }
  SECTION("a dataset of the wrong length") {
    const std::string path = valid_run(dir, "short.h5");
    {
      h5::File f = edit(path);
      H5Ldelete(f, "/agents/group", H5P_DEFAULT);
      h5::write_array<std::int32_t>(f, "/agents/group", std::vector<std::int32_t>{1, 2}, 0);
    }
    REQUIRE_THROWS_WITH(RunReader(path),
                        path + ": /agents/group has 2 entries, /agents/original_id has 5");
  }
  SECTION("a file cut short") {
    const std::string path = valid_run(dir, "cut.h5");
    std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
    REQUIRE_THROWS_AS(RunReader(path), sim::InputError);
    REQUIRE_THROWS_WITH(RunReader(path), Catch::StartsWith(path + ": "));
  }
  SECTION("a file made before step 0 was written") {
    const std::string path = dir.file("early.h5");
    // A writer stopped before step 0 leaves nothing: its file never took the name.
    { output::RunWriter writer(path, test::small_info(3), output::WriterOptions{}); }
    CHECK(!std::filesystem::exists(path));
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
      CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
    // Files of older versions (and copies taken mid-write) can still lack step 0.
    {
      output::h5::File f(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                         "create");
      output::h5::write_attribute(f, "schema", std::string(output::kSchemaName));
      output::h5::write_attribute(f, "schema_version", output::kSchemaVersion);
      output::h5::create_group(f, "manifest");
    }
    REQUIRE_THROWS_WITH(RunReader(path),
                        path + ": no complete step: the run stopped before step 0 was written");
  }
  SECTION("an unknown statistic") {
    const std::string path = valid_run(dir, "stat.h5");
    REQUIRE_THROWS_WITH(RunReader(path).stat("mode"),
                        Catch::StartsWith(path + ": no statistic \"mode\" (known: mean, sd,"));
  }
}

TEST_CASE("a run whose counters lag its data reads as its complete steps only", "[output]") {
  // What a kill between a step's data and its steps_completed looks like on disk.
  test::TempDir dir("output-lag");
  const std::string path = dir.file("lag.h5");
  const auto history = test::write_small_run(path, 10, 5, output::WriterOptions{2, 1, false, {}},
                                             /*finish=*/false);
  {
    h5::File f = edit(path);
    h5::Group manifest(H5Gopen2(f, "manifest", H5P_DEFAULT), "open /manifest");
    h5::write_attribute(manifest, "steps_completed", std::uint32_t{3});
  }
  RunReader r(path);
  CHECK(r.steps_completed() == 3);
  CHECK(r.steps() == std::vector<std::int32_t>{0, 1, 2, 3});
  CHECK(r.stat("mean").size() == 4);
  CHECK(r.recorded_steps() == std::vector<std::int32_t>{0, 2});
  CHECK(r.wellbeing_at(1) == history[2]);
  CHECK_THROWS_AS(r.wellbeing_at(2), std::out_of_range);
}

TEST_CASE("an empty string list reads back empty", "[output]") {
  wellsim::test::TempDir dir("empty-list");
  const std::string path = dir.file("e.h5");
  {
    wellsim::output::h5::File f(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                                "create");
    wellsim::output::h5::write_attribute(f, "list", std::vector<std::string>{});
    CHECK(wellsim::output::h5::read_strings_attribute(f, "list").empty());
  }
}
