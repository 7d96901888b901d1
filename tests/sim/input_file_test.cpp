// sim/input_file.hpp: the one reader of users' scenario and network files, and the scenario
// values issue 14's fuzzing found silently accepted (sim/scenario.cpp).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "models/assemble.hpp"
#include "sim/errors.hpp"
#include "sim/input_file.hpp"
#include "sim/scenario.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

sim::Scenario parse(const std::string& text) {
  return sim::parse_scenario(text, "t.toml", ".", models::scenario_schema());
}

const char* kNet = "[network]\nsource = \"watts_strogatz\"\nn = 100\nk = 4\n";

}  // namespace

TEST_CASE("read_input_file reads regular files within the limit", "[reliability][sim]") {
  test::TempDir dir("input-file");
  const auto file = dir.write("a.txt", "hello\n");
  CHECK(sim::read_input_file(file, "test file", 6) == "hello\n");
  CHECK(sim::read_input_file(dir.write("empty.txt", ""), "test file", 6).empty());
  REQUIRE_THROWS_WITH(sim::read_input_file(file, "test file", 5),
                      Contains("a.txt: cannot read test file: 6 bytes, over the limit of 5 bytes "
                               "for a test file (docs/reliability.md, Input limits)"));
  REQUIRE_THROWS_WITH(sim::read_input_file(dir.file("none"), "test file", 5),
                      Contains("none: cannot read test file: No such file or directory"));
  REQUIRE_THROWS_WITH(sim::read_input_file("/dev/null", "test file", 5),
                      Contains("/dev/null: cannot read test file: it is a device"));
  REQUIRE_THROWS_WITH(sim::read_input_file(dir.path().string(), "test file", 5),
                      Contains("cannot read test file: it is a folder"));
  // A pipe with no writer: opened without blocking and refused before any read.
  const auto fifo = dir.file("fifo");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  REQUIRE_THROWS_WITH(sim::read_input_file(fifo, "test file", 5),
                      Contains("fifo: cannot read test file: it is a pipe"));
}

TEST_CASE("line lengths and byte counts are reported in one line", "[reliability][sim]") {
  CHECK(sim::format_bytes(512) == "512 bytes");
  CHECK(sim::format_bytes(16 << 20) == "16 MiB");
  CHECK(sim::format_bytes((std::uint64_t{3} << 30) + (std::uint64_t{1} << 29)) == "3.5 GiB");
  const std::string ok = "a\n" + std::string(sim::kMaxLineBytes, 'x') + "\n";
  CHECK_NOTHROW(sim::check_line_lengths(ok, "f", "test file"));
  const std::string bad = "a\nb\n" + std::string(sim::kMaxLineBytes + 1, 'x');
  REQUIRE_THROWS_WITH(sim::check_line_lengths(bad, "f", "test file"),
                      Contains("f:3: line of 1.0 MiB, over the limit of 1 MiB per line of a test "
                               "file"));
}

TEST_CASE("paths in messages stay on one line and short", "[reliability][sim]") {
  CHECK(sim::where("a\nb.toml", 3) == "a?b.toml:3: ");
  CHECK(sim::where("plain.toml") == "plain.toml: ");
  const std::string shown = sim::shown_path(std::string(5000, 'a') + "z");
  CHECK(shown.size() == 243);
  CHECK(shown.substr(117, 9) == "aaa...aaa");
  CHECK(shown.back() == 'z');
}

TEST_CASE("a real key refuses integers a double cannot hold exactly", "[reliability][sim]") {
  const std::string net = kNet;
  CHECK(
      parse(net + "[wellbeing]\nsusceptibility = 1\n").table("wellbeing").real("susceptibility") ==
      1.0);
  REQUIRE_THROWS_WITH(parse(net + "[wellbeing]\nsusceptibility = 9223372036854775807\n"),
                      Contains("t.toml:6: wellbeing.susceptibility: expected a number in [0, 1], "
                               "found 9223372036854775807"));
  // 2^53 + 1 is the first integer a double rounds; list elements are checked the same way.
  REQUIRE_THROWS_WITH(parse(net + "[wellbeing]\nlayer_weights = [9007199254740993]\n"),
                      Contains("wellbeing.layer_weights: expected a list of numbers"));
  CHECK(
      parse(net + "[wellbeing]\nlayer_weights = [2]\n").table("wellbeing").reals("layer_weights") ==
      std::vector<double>{2.0});
}

TEST_CASE("an empty inline table does not silently leave a key at its default",
          "[reliability][sim]") {
  const std::string net = kNet;
  REQUIRE_THROWS_WITH(parse(net + "[run]\nsteps = {}\n"),
                      Contains("t.toml:6: run.steps: expected an integer"));
  REQUIRE_THROWS_WITH(parse(net + "[run]\nnope = {}\n"),
                      Contains("t.toml:6: run.nope: unknown key"));
}

TEST_CASE("paths with control characters are refused", "[reliability][sim]") {
  REQUIRE_THROWS_WITH(
      parse("[network]\nsource = \"edge_list\"\npath = \"ties.txt\\u0000x\"\n"),
      Contains("t.toml:3: network.path: expected a file path, found a control character (code "
               "0) in 'ties.txt?x'"));
  REQUIRE_THROWS_WITH(parse("extends = \"base.toml\\nx\"\n"),
                      Contains("t.toml:1: extends: expected a file path, found a control "
                               "character (code 10)"));
}
