// [[table]] lists and inline sub-tables in scenarios, on a schema made for the test so the
// behaviour is pinned independently of the model's tables.
#include <catch2/catch.hpp>

#include "sim/errors.hpp"
#include "sim/param_table.hpp"
#include "sim/scenario.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

sim::TableSchema table(std::string name, const sim::ParamList& keys) {
  sim::TableSchema t;
  t.name = std::move(name);
  t.common = keys.specs();
  return t;
}

sim::ScenarioSchema list_schema() {
  using sim::ParamType;
  sim::ParamList run, item, hub, bank;
  run.declare("steps", ParamType::Integer, std::int64_t{5}).range(0, 100);
  item.declare("type", ParamType::Choice, std::nullopt).choices({"hub", "bank"}).help("kind");
  item.declare("start_week", ParamType::Integer, std::int64_t{1}).range(0, 1000);
  item.declare("target.areas", ParamType::StringList, std::vector<std::string>{});
  item.declare("name", ParamType::String, std::string());
  hub.declare("places", ParamType::Integer, std::int64_t{10}).range(0, 99);
  bank.declare("relief", ParamType::Real, 0.5).range(0, 1);
  sim::TableSchema items = table("item", item);
  items.help = "a repeated table";
  items.selector = "type";
  items.variants = {{"hub", hub.specs()}, {"bank", bank.specs()}};
  items.variant_help = {{"hub", "a hub"}, {"bank", "a bank"}};
  items.repeated = true;
  return {table("run", run), items};
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
  CHECK_THROWS_WITH(parse("[[item]]\ntype = \"hub\"\n", {"item.places=3"}),
                    "--set item.places=3: expected item.NAME.KEY=VALUE, naming the [[item]] entry "
                    "by its name");
  CHECK_THROWS_WITH(parse("[[item]]\ntype = \"hub\"\nname = \"north\"\n", {"item.south.places=3"}),
                    "--set item.south.places=3: no [[item]] named 'south' (names: north)");
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

TEST_CASE("a command-line override reaches a [[list]] entry by its name", "[sim][scenario]") {
  const std::string text =
      "[[item]]\ntype = \"hub\"\nname = \"north\"\n[[item]]\ntype = \"hub\"\nname = "
      "\"south\"\n[[item]]\ntype = \"bank\"\n";
  auto sc = parse(
      text, {"item.south.places=42", "item.bank.relief=0.125", "item.north.target.areas=[\"A\"]"});
  const auto& items = sc.list("item");
  CHECK(items[0].values.integer("places") == 10);
  CHECK(items[0].values.strings("target.areas") == std::vector<std::string>{"A"});
  CHECK(items[1].values.integer("places") == 42);
  CHECK(items[2].values.real("relief") == 0.125);  // unnamed: its type is its name
  CHECK_THROWS_WITH(parse(text, {"item.south.places=420"}),
                    Contains("item[2].places: expected an integer in [0, 99], found 420"));
}

TEST_CASE("a policy overrides an inherited entry by name and adds new ones", "[sim][scenario]") {
  test::TempDir dir("extends-override");
  dir.write("base.toml",
            "[[item]]\ntype = \"hub\"\nname = \"north\"\nplaces = 2\nstart_week = 5\n"
            "[[item]]\ntype = \"bank\"\n");
  const std::string child = dir.write(
      "child.toml",
      "extends = \"base.toml\"\n[[item]]\nname = \"north\"\nplaces = 30\n"
      "[[item]]\ntype = \"hub\"\nname = \"south\"\n[[item]]\ntype = \"bank\"\nrelief = 0.9\n");
  auto sc = sim::load_scenario(child, list_schema());
  const auto& items = sc.list("item");
  REQUIRE(items.size() == 3);  // north and the bank overridden in place, south appended
  CHECK(items[0].variant == "hub");
  CHECK(items[0].values.integer("places") == 30);
  CHECK(items[0].values.integer("start_week") == 5);  // kept from the base
  CHECK(items[1].variant == "bank");
  CHECK(items[1].values.real("relief") == 0.9);
  CHECK(items[2].values.string("name") == "south");
  const std::string retype = dir.write(
      "retype.toml", "extends = \"base.toml\"\n[[item]]\ntype = \"bank\"\nname = \"north\"\n");
  CHECK_THROWS_WITH(sim::load_scenario(retype, list_schema()),
                    Contains("retype.toml:2: type: 'bank' for 'north', which the base scenario "
                             "declares as 'hub'"));
}
