// [[table]] lists and inline sub-tables in scenarios, on a schema made for the test so the
// behaviour is pinned independently of the model's tables.
#include <catch2/catch.hpp>

#include "sim/errors.hpp"
#include "sim/scenario.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

sim::ScenarioSchema list_schema() {
  using sim::ParamType;
  sim::TableSchema run{"run", "", {{"steps", ParamType::Integer, "", "", std::int64_t{5}, 0, 100}},
                       "",    {}, {}};
  sim::TableSchema item{
      "item",
      "a repeated table",
      {{"type",
        ParamType::Choice,
        "kind of item",
        "",
        std::nullopt,
        -1e300,
        1e300,
        {"hub", "bank"}},
       {"start_week", ParamType::Integer, "", "", std::int64_t{1}, 0, 1000},
       {"target.areas", ParamType::StringList, "", "", std::vector<std::string>{}}},
      "type",
      {{"hub", {{"places", ParamType::Integer, "", "", std::int64_t{10}, 0, 99}}},
       {"bank", {{"relief", ParamType::Real, "", "", 0.5, 0.0, 1.0}}}},
      {},
      true};
  return {run, item};
}

sim::Scenario parse(const std::string& text, const std::vector<std::string>& overrides = {}) {
  return sim::parse_scenario(text, "t.toml", ".", list_schema(), overrides);
}

}  // namespace

TEST_CASE("repeated tables are validated one by one, in file order", "[sim][scenario]") {
  auto sc = parse(R"([run]
steps = 3

[[item]]
type = "hub"
places = 4
target = { areas = ["Bacup", "Weir"] }

[[item]]
type = "bank"
target.areas = ["Weir"]
)");
  const auto& items = sc.list("item");
  REQUIRE(items.size() == 2);
  CHECK(items[0].variant == "hub");
  CHECK(items[0].values.integer("places") == 4);
  CHECK(items[0].values.integer("start_week") == 1);  // default filled in
  CHECK(items[0].values.strings("target.areas") == std::vector<std::string>{"Bacup", "Weir"});
  CHECK(items[0].line == 4);
  CHECK(items[1].variant == "bank");
  CHECK(items[1].values.real("relief") == 0.5);
  CHECK(items[1].values.strings("target.areas") == std::vector<std::string>{"Weir"});
  CHECK(parse("[run]\n").list("item").empty());
}

TEST_CASE("the effective scenario of a list reads back as the same scenario", "[sim][scenario]") {
  auto sc = parse(
      "[[item]]\ntype = \"hub\"\ntarget = { areas = [\"A\"] }\n[[item]]\ntype = "
      "\"bank\"\nrelief = 0.25\n");
  const std::string text = sc.effective_toml(list_schema());
  CHECK_THAT(text, Contains("[[item]]\ntype = \"hub\"\nstart_week = 1\ntarget.areas = [\"A\"]"));
  auto again = parse(text);
  CHECK(again.effective_toml(list_schema()) == text);
  CHECK(again.list("item")[1].values.real("relief") == 0.25);
}

TEST_CASE("errors in a repeated table name the entry, line and key", "[sim][scenario]") {
  CHECK_THROWS_WITH(parse("[[item]]\nplaces = 3\n"),
                    "t.toml:1: item[1].type: missing; expected one of hub, bank");
  CHECK_THROWS_WITH(parse("[[item]]\ntype = \"hub\"\n[[item]]\ntype = \"bank\"\nplaces = 3\n"),
                    "t.toml:5: item[2].places: unknown key for type 'bank'");
  CHECK_THROWS_WITH(parse("[[item]]\ntype = \"hub\"\ntarget = { aeras = [\"A\"] }\n"),
                    Contains("t.toml:3: item[1].target.aeras: unknown key for type 'hub'; did you "
                             "mean 'target.areas'?"));
  CHECK_THROWS_WITH(parse("[[item]]\ntype = \"shop\"\n"),
                    "t.toml:2: item[1].type: expected one of hub, bank, found 'shop'");
  CHECK_THROWS_WITH(parse("[item]\ntype = \"hub\"\n"),
                    "t.toml:1: item: expected one or more [[item]] tables, found a table");
  CHECK_THROWS_WITH(parse("[run]\n", {"item.places=3"}),
                    Contains("--set item.places=3: [[item]] entries cannot be overridden"));
}

TEST_CASE("extends merges a base scenario under this one", "[sim][scenario]") {
  test::TempDir dir("extends");
  dir.write("base.toml", "[run]\nsteps = 7\n\n[[item]]\ntype = \"hub\"\nplaces = 2\n");
  const std::string child = dir.write(
      "child.toml", "extends = \"base.toml\"\n[[item]]\ntype = \"bank\"\nrelief = 0.75\n");
  auto sc = sim::load_scenario(child, list_schema());
  CHECK(sc.table("run").integer("steps") == 7);  // from the base
  const auto& items = sc.list("item");
  REQUIRE(items.size() == 2);  // the base's entries first
  CHECK(items[0].variant == "hub");
  CHECK(items[1].values.real("relief") == 0.75);

  const std::string over = dir.write("over.toml", "extends = \"base.toml\"\n[run]\nsteps = 9\n");
  CHECK(sim::load_scenario(over, list_schema()).table("run").integer("steps") == 9);

  // An error in the base names the base file and its line.
  dir.write("bad_base.toml", "[run]\nsteps = -1\n");
  const std::string bad = dir.write("bad.toml", "extends = \"bad_base.toml\"\n");
  CHECK_THROWS_WITH(sim::load_scenario(bad, list_schema()),
                    Contains("bad_base.toml:2: run.steps: expected an integer in [0, 100]"));
  const std::string missing = dir.write("missing.toml", "extends = \"nope.toml\"\n");
  CHECK_THROWS_WITH(sim::load_scenario(missing, list_schema()),
                    Contains("missing.toml:1: extends: file not found: "));
  const std::string loop = dir.write("loop.toml", "extends = \"loop.toml\"\n");
  CHECK_THROWS_WITH(sim::load_scenario(loop, list_schema()),
                    Contains("extends: more than 8 levels of base scenarios (a cycle?)"));
  const std::string number = dir.write("number.toml", "extends = 3\n");
  CHECK_THROWS_WITH(
      sim::load_scenario(number, list_schema()),
      Contains("number.toml:1: extends: expected the path of a base scenario, found 3"));
}

TEST_CASE("entries and keys from a base scenario keep their own file and line", "[sim][scenario]") {
  test::TempDir dir("extends-lines");
  dir.write("base.toml", "[run]\nsteps = 7\n\n[[item]]\ntype = \"hub\"\n");
  const std::string child =
      dir.write("child.toml", "extends = \"base.toml\"\n\n[[item]]\ntype = \"bank\"\n");
  auto sc = sim::load_scenario(child, list_schema());
  const auto& items = sc.list("item");
  REQUIRE(items.size() == 2);
  CHECK(items[0].file == dir.file("base.toml"));
  CHECK(items[0].line == 4);
  CHECK(items[1].file == child);
  CHECK(items[1].line == 3);
  // A bad key in the child's entry names the child's line, after the merge.
  const std::string bad = dir.write(
      "bad_child.toml", "extends = \"base.toml\"\n[[item]]\ntype = \"bank\"\nrelief = 2\n");
  CHECK_THROWS_WITH(sim::load_scenario(bad, list_schema()),
                    Contains("bad_child.toml:4: item[2].relief: expected a number in [0, 1]"));
}
