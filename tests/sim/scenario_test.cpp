#include <catch2/catch.hpp>

#include "models/assemble.hpp"
#include "sim/errors.hpp"
#include "sim/scenario.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

const char* kGood = R"(
[run]
seed = 7
steps = 10

[network]
source = "watts_strogatz"
n = 100
k = 4
p = 0.2
)";

sim::Scenario parse(const std::string& text, const std::vector<std::string>& overrides = {}) {
  return sim::parse_scenario(text, "t.toml", ".", models::scenario_schema(), overrides);
}

}  // namespace

TEST_CASE("a valid scenario is typed and filled with defaults", "[sim][scenario]") {
  auto sc = parse(kGood);
  CHECK(sc.table("run").integer("seed") == 7);
  CHECK(sc.table("network").integer("n") == 100);
  CHECK(sc.table("network").real("p") == 0.2);
  CHECK(sc.variant("network") == "watts_strogatz");
  CHECK(sc.table("population").real("wellbeing_mean") == 7.45);
  CHECK(sc.table("wellbeing").real("susceptibility") == 0.5);
  CHECK(sc.table("output").integer("record_every") == 4);
}

TEST_CASE("the effective scenario reads back to the same scenario", "[sim][scenario]") {
  const auto& schema = models::scenario_schema();
  auto sc = parse(kGood);
  auto again = parse(sc.effective_toml(schema));
  CHECK(again.effective_toml(schema) == sc.effective_toml(schema));
  CHECK(again.hash(schema) == sc.hash(schema));
  CHECK(parse(kGood, {"run.seed=8"}).hash(schema) != sc.hash(schema));
}

TEST_CASE("overrides with --set reach any key by its dotted path", "[sim][scenario]") {
  auto sc = parse(
      kGood, {"network.n=250", "run.name=town", "wellbeing.susceptibility=1", "network.p=0.5"});
  CHECK(sc.table("network").integer("n") == 250);
  CHECK(sc.table("run").string("name") == "town");
  CHECK(sc.table("wellbeing").real("susceptibility") == 1.0);
  CHECK(sc.table("network").real("p") == 0.5);
}

TEST_CASE("scenario errors name file, line, key, expected and found", "[sim][scenario]") {
  auto bad = [](const std::string& text) { return parse(text); };
  SECTION("unknown key suggests the nearest") {
    REQUIRE_THROWS_WITH(
        bad("[network]\nsource = \"watts_strogatz\"\nn = 10\nkk = 4\n"),
        Contains("t.toml:4: network.kk: unknown key") && Contains("did you mean 'k'?"));
  }
  SECTION("unknown table") {
    REQUIRE_THROWS_WITH(bad("[netwrok]\nn = 1\n"),
                        Contains("t.toml:1: netwrok: unknown table; did you mean [network]?"));
  }
  SECTION("wrong type") {
    REQUIRE_THROWS_WITH(
        bad("[run]\nsteps = \"ten\"\n"),
        Contains("t.toml:2: run.steps: expected an integer") && Contains("found 'ten'"));
  }
  SECTION("out of range") {
    REQUIRE_THROWS_WITH(
        parse(std::string(kGood) + "[wellbeing]\nsusceptibility = 1.5\n"),
        Contains("t.toml:12: wellbeing.susceptibility: expected a number in [0, 1], "
                 "found 1.5"));
  }
  SECTION("bad choice lists the choices") {
    REQUIRE_THROWS_WITH(bad("[network]\nsource = \"smallworld\"\n"),
                        Contains("t.toml:2: network.source: expected one of watts_strogatz"));
  }
  SECTION("missing required key") {
    REQUIRE_THROWS_WITH(bad("[network]\nsource = \"watts_strogatz\"\n"),
                        Contains("t.toml:1: network.n: missing; expected an integer"));
  }
  SECTION("missing file") {
    REQUIRE_THROWS_WITH(bad("[network]\nsource = \"edge_list\"\npath = \"nope.txt\"\n"),
                        Contains("t.toml:3: network.path: file not found: nope.txt"));
  }
  SECTION("TOML syntax") {
    REQUIRE_THROWS_WITH(bad("[run]\nseed = = 3\n"), Contains("t.toml:2: TOML syntax error"));
  }
  SECTION("a key of another source is unknown for this one") {
    REQUIRE_THROWS_WITH(bad("[network]\nsource = \"erdos_renyi\"\nn = 10\nk = 4\n"),
                        Contains("network.k: unknown key for source 'erdos_renyi'"));
  }
  SECTION("list of the wrong element type") {
    REQUIRE_THROWS_WITH(parse(std::string(kGood) + "[wellbeing]\nlayer_weights = [1, \"a\"]\n"),
                        Contains("t.toml:12: wellbeing.layer_weights: expected a list of numbers"));
  }
}

TEST_CASE("override errors name the override", "[sim][scenario]") {
  REQUIRE_THROWS_WITH(parse(kGood, {"network.n"}),
                      Contains("--set network.n: expected TABLE.KEY=VALUE"));
  REQUIRE_THROWS_WITH(parse(kGood, {"network.n=abc"}),
                      Contains("--set network.n=abc: network.n: expected an integer"));
  REQUIRE_THROWS_WITH(parse(kGood, {"network.q=1"}),
                      Contains("--set network.q=1: network.q: unknown key"));
}

TEST_CASE("load_scenario resolves paths against the scenario's folder", "[sim][scenario]") {
  test::TempDir dir("scenario");
  dir.write("ties.txt", "0 1\n1 2\n");
  auto path = dir.write("s.toml", "[network]\nsource = \"edge_list\"\npath = \"ties.txt\"\n");
  auto sc = sim::load_scenario(path, models::scenario_schema());
  CHECK(sc.table("network").string("path") == dir.file("ties.txt"));
  REQUIRE_THROWS_WITH(sim::load_scenario(dir.file("absent.toml"), models::scenario_schema()),
                      Contains("absent.toml: cannot read scenario file"));
}
