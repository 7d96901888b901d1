// Finding a run's replicates by name: STEM_rK.h5 beside STEM_r0.h5, nothing else.
#include "viz/replicate_files.hpp"

#include <catch2/catch.hpp>

#include "tests/test_support.hpp"

using namespace wellsim::viz;

TEST_CASE("replicate file names split into stem and number", "[viz]") {
  const auto a = parse_replicate_name("shock_r12.h5");
  REQUIRE(a);
  CHECK(a->stem == "shock");
  CHECK(a->replicate == 12);
  const auto b = parse_replicate_name("my_run_r_r0.h5");
  REQUIRE(b);
  CHECK(b->stem == "my_run_r");
  CHECK(b->replicate == 0);
  for (const char* name : {"shock.h5", "shock_r.h5", "_r1.h5", "shock_r1.h5.tmp", "shock_r1.txt",
                           "shock_rx1.h5", "shockr1.h5", "shock_r1a.h5", "shock_r1234567890.h5"})
    CHECK_FALSE(parse_replicate_name(name));
}

TEST_CASE("discovery picks exactly the same-stem replicate files", "[viz]") {
  const std::vector<std::string> folder{"d_r2.h5", "d_r0.h5",  "d_r10.h5",  "d_r1.h5.partial",
                                        "d.h5",    "dd_r1.h5", "x_d_r1.h5", "d_r1.txt",
                                        "d_r1.h5", "notes.md", "d_rA.h5",   "e_r0.h5"};
  CHECK(replicate_siblings("runs/d_r0.h5", folder) ==
        std::vector<std::string>{"runs/d_r0.h5", "runs/d_r1.h5", "runs/d_r2.h5", "runs/d_r10.h5"});
  // Without a folder, in the current one; the viewed file counts even if the listing lacks it.
  CHECK(replicate_siblings("d_r3.h5", {"d_r1.h5", "e_r1.h5"}) ==
        std::vector<std::string>{"d_r1.h5", "d_r3.h5"});
  // A file not named like a replicate has no siblings.
  CHECK(replicate_siblings("runs/d.h5", folder) == std::vector<std::string>{"runs/d.h5"});
}

TEST_CASE("a folder lists its regular files only", "[viz]") {
  wellsim::test::TempDir dir("viz-list-folder");
  dir.write("b_r1.h5", "x");
  dir.write("a_r0.h5", "x");
  std::filesystem::create_directory(dir.path() / "c_r2.h5");
  CHECK(list_folder(dir.path().string()) == std::vector<std::string>{"a_r0.h5", "b_r1.h5"});
  CHECK(list_folder(dir.file("missing")).empty());
}
