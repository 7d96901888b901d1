// The checkpoint file on its own: what is listed comes back exactly, a listing that differs from
// the stored one is refused naming the column, and a failed write leaves nothing behind.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "output/checkpoint_file.hpp"
#include "sim/errors.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

struct Pair {
  std::uint32_t a;
  float b;
};

/// A small state of every shape a mechanism lists: numbers, an empty column, structs, a value.
struct State {
  std::vector<float> wellbeing;
  std::vector<std::uint16_t> empty;
  std::vector<Pair> pairs;
  double level = 0;
  void list(sim::StateVisitor& v) {
    sim::visit(v, "wellbeing", wellbeing);
    sim::visit(v, "empty", empty);
    sim::visit(v, "pairs", pairs);
    sim::visit_value(v, "level", level);
  }
};

State filled() {
  State s;
  s.wellbeing = {7.5f, 0.f, 10.f, -0.f};
  s.pairs = {{1, 0.5f}, {4000000000u, 2.f}};
  s.level = 1.25;
  return s;
}

output::CheckpointHeader header() { return {42, "abc123", 3, output::checkpoint_build()}; }

}  // namespace

TEST_CASE("a checkpoint gives back every column it was given", "[output][checkpoint]") {
  test::TempDir dir("ckpt-roundtrip");
  const std::string path = dir.file("run.h5.checkpoint");
  State saved = filled();
  output::write_checkpoint(path, header(), [&](sim::StateVisitor& v) { saved.list(v); });
  const auto h = output::read_checkpoint_header(path);
  CHECK(h.step == 42);
  CHECK(h.scenario_hash == "abc123");
  CHECK(h.replicate == 3);
  CHECK(h.build == output::checkpoint_build());

  State loaded;
  loaded.empty = {9, 9};  // replaced, not appended to
  output::load_checkpoint(path, [&](sim::StateVisitor& v) { loaded.list(v); });
  CHECK(loaded.wellbeing == saved.wellbeing);
  CHECK(loaded.empty.empty());
  REQUIRE(loaded.pairs.size() == 2);
  CHECK(loaded.pairs[1].a == 4000000000u);
  CHECK(loaded.pairs[1].b == 2.f);
  CHECK(loaded.level == 1.25);
  // Written under a temporary name and renamed: nothing else is left in the folder.
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("a checkpoint is refused by a listing that differs from its own",
          "[output][checkpoint]") {
  test::TempDir dir("ckpt-mismatch");
  const std::string path = dir.file("run.h5.checkpoint");
  State saved = filled();
  output::write_checkpoint(path, header(), [&](sim::StateVisitor& v) { saved.list(v); });
  State into;
  SECTION("another name") {
    auto list = [&](sim::StateVisitor& v) {
      sim::visit(v, "wellbeing", into.wellbeing);
      sim::visit(v, "queue", into.empty);
    };
    CHECK_THROWS_WITH(output::load_checkpoint(path, list),
                      Catch::Contains("column 1 (queue)") && Catch::Contains("holds empty"));
  }
  SECTION("another element size") {
    std::vector<double> wide;
    auto list = [&](sim::StateVisitor& v) { sim::visit(v, "wellbeing", wide); };
    CHECK_THROWS_WITH(output::load_checkpoint(path, list),
                      Catch::Contains("8-byte") || Catch::Contains("4-byte"));
  }
  SECTION("fewer columns than stored") {
    auto list = [&](sim::StateVisitor& v) { sim::visit(v, "wellbeing", into.wellbeing); };
    CHECK_THROWS_WITH(output::load_checkpoint(path, list), Catch::Contains("holds 4 columns"));
  }
  SECTION("more columns than stored") {
    std::vector<float> extra;
    auto list = [&](sim::StateVisitor& v) {
      into.list(v);
      sim::visit(v, "extra", extra);
    };
    CHECK_THROWS_WITH(output::load_checkpoint(path, list), Catch::Contains("column 4 (extra)"));
  }
  SECTION("a value stored as many") {
    auto list = [&](sim::StateVisitor& v) { sim::visit_value(v, "wellbeing", into.level); };
    CHECK_THROWS_AS(output::load_checkpoint(path, list), sim::InputError);
  }
}

TEST_CASE("a checkpoint that cannot be written leaves no file and says why",
          "[output][checkpoint]") {
  if (::geteuid() == 0) {
    // Root writes into read-only folders; /proc refuses everyone.
    State s = filled();
    CHECK_THROWS_AS(output::write_checkpoint("/proc/wellsim.h5.checkpoint", header(),
                                             [&](sim::StateVisitor& v) { s.list(v); }),
                    sim::RuntimeError);
    return;
  }
  test::TempDir dir("ckpt-readonly");
  std::filesystem::permissions(
      dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  State s = filled();
  CHECK_THROWS_AS(output::write_checkpoint(dir.file("run.h5.checkpoint"), header(),
                                           [&](sim::StateVisitor& v) { s.list(v); }),
                  sim::RuntimeError);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("a file that is not a checkpoint is named as such", "[output][checkpoint]") {
  test::TempDir dir("ckpt-foreign");
  const std::string path = dir.file("run.h5.checkpoint");
  std::ofstream(path) << "not hdf5";
  CHECK_THROWS_WITH(output::read_checkpoint_header(path),
                    Catch::Contains(path) && Catch::Contains("not an HDF5 file"));
}
