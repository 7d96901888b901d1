#include "models/network/edge_list.hpp"

#include <catch2/catch.hpp>

#include "tests/models/network/network_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using models::HeaderMode;
using Ties = std::vector<std::pair<std::int64_t, std::int64_t>>;

namespace {

// Reads `text` as an edge-list file named "ties.txt".
sim::EdgeList load(const std::string& text, HeaderMode header = HeaderMode::Auto,
                   std::int64_t group_divisor = 0) {
  test::TempDir dir("edge-list");
  return models::read_edge_list(dir.write("ties.txt", text), {header, group_divisor});
}

}  // namespace

TEST_CASE("edge_list numbers agents in ascending id order and keeps the ids", "[network][models]") {
  sim::EdgeList e = load("7 3\n3 12\n12 7\n");
  REQUIRE(e.n == 3);
  REQUIRE(e.original_id == std::vector<std::int64_t>{3, 7, 12});
  REQUIRE(e.u == std::vector<sim::AgentId>{1, 0, 2});
  REQUIRE(e.v == std::vector<sim::AgentId>{0, 2, 1});
  REQUIRE(e.w.empty());
  REQUIRE(e.group.empty());
  // 1-based files need no option: ids are kept, agents are dense.
  sim::EdgeList one_based = load("1 2\n2 3\n3 1\n");
  REQUIRE(one_based.original_id == std::vector<std::int64_t>{1, 2, 3});
  REQUIRE(one_based.u == std::vector<sim::AgentId>{0, 1, 2});
}

TEST_CASE("edge_list reads the format variants users' files come in", "[network][models]") {
  const Ties expected{{1, 2}, {2, 3}, {3, 1}};
  SECTION("header") {
    REQUIRE(test::original_ties(load("source target\n1 2\n2 3\n3 1\n")) == expected);
  }
  SECTION("comments and blank lines") {
    const char* text = "# SNAP style\n% KONECT style\n\n1 2 # trailing comment\n   \n2 3\n3 1\n#\n";
    REQUIRE(test::original_ties(load(text)) == expected);
  }
  SECTION("tabs, runs of spaces, leading blanks") {
    REQUIRE(test::original_ties(load("1\t2\n  2  \t 3\n\t3    1\t\n")) == expected);
  }
  SECTION("CRLF and no final newline") {
    REQUIRE(test::original_ties(load("1 2\r\n2 3\r\n\r\n3 1")) == expected);
  }
  SECTION("comma separated with a header and a byte-order mark") {
    REQUIRE(test::original_ties(load("\xEF\xBB\xBFsource,target\n1,2\n2,3\n3,1\n")) == expected);
  }
  SECTION("both directions listed: every line is kept, freeze merges them") {
    sim::EdgeList e = load("1 2\n2 1\n2 3\n3 2\n3 1\n1 3\n");
    REQUIRE(e.n == 3);
    REQUIRE(e.u.size() == 6);
  }
  SECTION("weights") {
    sim::EdgeList e = load("1 2 0.5\n2 3 2\n3 1 1e-3\n");
    REQUIRE(test::original_ties(e) == expected);
    REQUIRE(e.w == std::vector<float>{0.5f, 2.0f, 1e-3f});
  }
  SECTION("header = yes skips a numeric first line, header = no keeps it") {
    REQUIRE(test::original_ties(load("9 9\n1 2\n2 3\n3 1\n", HeaderMode::Yes)) == expected);
    REQUIRE(load("1 2\n2 3\n3 1\n", HeaderMode::No).u.size() == 3);
  }
}

TEST_CASE("edge_list maps sparse 64-bit ids through the hash path", "[network][models]") {
  sim::EdgeList e =
      load("9000000000000000000 5\n5 123456789012\n123456789012 9000000000000000000\n");
  REQUIRE(e.original_id == std::vector<std::int64_t>{5, 123456789012, 9000000000000000000});
  REQUIRE(e.u == std::vector<sim::AgentId>{2, 0, 1});
  REQUIRE(e.v == std::vector<sim::AgentId>{0, 1, 2});
  // The largest id is int64's maximum, however many leading zeros it has.
  sim::EdgeList edge = load("0009223372036854775807 0\n");
  REQUIRE(edge.original_id == std::vector<std::int64_t>{0, 9223372036854775807});
  REQUIRE_THROWS_WITH(load("9223372036854775808 0\n"), Catch::Contains(":1: agent id larger"));
}

TEST_CASE("edge_list group_divisor derives a group from each id", "[network][models]") {
  sim::EdgeList e = load("1001 1002\n2001 2002\n12005 1001\n", HeaderMode::Auto, 1000);
  REQUIRE(e.original_id == std::vector<std::int64_t>{1001, 1002, 2001, 2002, 12005});
  REQUIRE(e.group == std::vector<std::int32_t>{1, 1, 2, 2, 12});
}

TEST_CASE("edge_list reports each bad line with its number and what was found",
          "[network][models]") {
  auto fails_with = [](const std::string& text, const std::string& message,
                       HeaderMode header = HeaderMode::Auto) {
    INFO(text);
    REQUIRE_THROWS_AS(load(text, header), sim::InputError);
    REQUIRE_THROWS_WITH(load(text, header),
                        Catch::Contains("ties.txt:3: ") && Catch::Contains(message));
  };
  fails_with("1 2\n2 3\nx 3\n", "expected two agent ids (whole numbers from 0), found 'x 3'");
  fails_with("1 2\n\n12x 3\n", "expected two agent ids (whole numbers from 0), found '12x 3'");
  fails_with("1 2\n# c\n-5 3\n", "found a negative one: '-5 3'");
  fails_with("1 2\n2 3\n4 99999999999999999999\n",
             "agent id larger than 9223372036854775807: '4 99999999999999999999'");
  fails_with("1 2\n2 3\n17\r\n", "expected two agent ids, found only one: '17'");
  fails_with("1 2\n2 3\n17 # one id\n", "found only one");
  fails_with("1 2 1\n2 3 1\n3 1 heavy\n",
             "expected a positive finite number as the weight (third column), found '3 1 heavy'");
  fails_with("1 2 1\n2 3 1\n3 1 nan\n", "expected a positive finite number as the weight");
  fails_with("1 2\n2 3\n3 1 0.5 7\n", "found more columns: '3 1 0.5 7'");
  fails_with("1 2\n2 3\n3 1 0.5\n", "this line has a weight but line 1 has none");
  fails_with("1 2 5\n2 3 5\n3 1\n", "this line has no weight but line 1 has one");
  fails_with("source target\n1 2\nsource target\n", "found 'source target'");
  fails_with("1 2\n2 3\nx\n", "found 'x'", HeaderMode::No);
  fails_with(std::string("1 2\n2 3\n\x01\0 2\n", 13), "found '?? 2'");
}

TEST_CASE("edge_list cuts long lines short in messages and names missing or empty files",
          "[network][models]") {
  std::string text = "1 2\n2 3\n4 " + std::string(500, '9') + "x\n";
  try {
    load(text);
    FAIL("no error");
  } catch (const sim::InputError& e) {
    std::string message = e.what();
    REQUIRE(message.find(":3: ") != std::string::npos);
    REQUIRE(message.find("...'") != std::string::npos);
    REQUIRE(message.size() < 250);
  }
  REQUIRE_THROWS_WITH(load(""), Catch::Contains("ties.txt: no ties found"));
  REQUIRE_THROWS_WITH(load("# only\n% comments\n\n"), Catch::Contains("ties.txt: no ties found"));
  REQUIRE_THROWS_WITH(load("source target\n"), Catch::Contains("no ties found"));
  REQUIRE_THROWS_WITH(
      models::read_edge_list("/nonexistent/ties.txt"),
      Catch::Contains("/nonexistent/ties.txt: cannot read network file: No such file"));
}

TEST_CASE("edge_list source reads its parameters", "[network][models]") {
  test::TempDir dir("edge-list-source");
  std::string path = dir.write("village.txt", "id_a id_b\n1001 1002\n1002 1003\n");
  sim::EdgeList e =
      test::build_network("edge_list", {{"path", path}, {"group_divisor", std::int64_t{1000}}});
  REQUIRE(e.n == 3);
  REQUIRE(e.group == std::vector<std::int32_t>{1, 1, 1});
  REQUIRE_THROWS_WITH(
      test::build_network("edge_list", {{"path", path}, {"header", std::string("no")}}),
      Catch::Contains("village.txt:1: expected two agent ids"));
}
