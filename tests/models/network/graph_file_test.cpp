#include "models/network/graph_file.hpp"

#include <catch2/catch.hpp>

#include "tests/models/network/network_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Ties = std::vector<std::pair<std::int64_t, std::int64_t>>;

namespace {

// A GraphML document with the given edgedefault, keys and body.
std::string graphml(const std::string& body, const std::string& direction = "undirected") {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="strength" attr.type="double"/>
  <key id="d1" for="node" attr.name="label" attr.type="string"/>
  <graph id="G" edgedefault=")" +
         direction + "\">\n" + body + "  </graph>\n</graphml>\n";
}

const std::string kIntegerBody = R"(
    <node id="30"><data key="d1">Ann</data></node>
    <node id="10"/>
    <node id="20"/>
    <node id="70"/>
    <edge source="30" target="10"><data key="d0">2.5</data></edge>
    <edge source="10" target="20"><data key="d0">1</data></edge>
)";

struct Files {
  test::TempDir dir{"graph-file"};
  std::string write(const std::string& name, const std::string& text) {
    return dir.write(name, text);
  }
};

}  // namespace

TEST_CASE("graphml keeps integer node ids and isolated nodes and weights", "[network][models]") {
  Files files;
  std::string path = files.write("town.graphml", graphml(kIntegerBody));
  sim::EdgeList e = models::read_graphml_file(path, "strength");
  REQUIRE(e.n == 4);
  REQUIRE(e.original_id == std::vector<std::int64_t>{10, 20, 30, 70});  // 70 has no tie
  REQUIRE(test::original_ties(e) == Ties{{30, 10}, {10, 20}});
  REQUIRE(e.w == std::vector<float>{2.5f, 1.0f});
  REQUIRE(models::read_graphml_file(path, "").w.empty());
  // Directed files load too: freeze makes the ties undirected.
  std::string directed = files.write("d.graphml", graphml(kIntegerBody, "directed"));
  REQUIRE(test::original_ties(models::read_graphml_file(directed, "")) == Ties{{30, 10}, {10, 20}});
}

TEST_CASE("graphml numbers named nodes in file order with undeclared tie ends last",
          "[network][models]") {
  Files files;
  std::string path = files.write("names.graphml", graphml(R"(
    <node id="carol"/><node id="alice"/><node id="bob"/>
    <edge source="alice" target="bob"/>
    <edge source="bob" target="dave"/>
    <edge source="carol" target="alice"/>
)"));
  sim::EdgeList e = models::read_graphml_file(path, "");
  REQUIRE(e.n == 4);
  REQUIRE(e.original_id == std::vector<std::int64_t>{0, 1, 2, 3});
  // carol = 0, alice = 1, bob = 2, dave = 3 (first seen as a tie end)
  REQUIRE(e.u == std::vector<sim::AgentId>{1, 2, 0});
  REQUIRE(e.v == std::vector<sim::AgentId>{2, 3, 1});
}

TEST_CASE("graphml errors name the file and the problem", "[network][models]") {
  Files files;
  std::string broken = files.write("broken.graphml", graphml(kIntegerBody).substr(0, 250));
  REQUIRE_THROWS_WITH(
      models::read_graphml_file(broken, ""),
      Catch::Contains("broken.graphml:") && Catch::Contains("GraphML parse error: "));
  std::string path = files.write("t.graphml", graphml(kIntegerBody));
  REQUIRE_THROWS_WITH(models::read_graphml_file(path, "weight"),
                      Catch::Contains("t.graphml: edge 1 (30 -- 10) has no attribute 'weight'"));
  std::string words = files.write("w.graphml", graphml(R"(
    <edge source="1" target="2"><data key="d1">heavy</data></edge>
)"));
  REQUIRE_THROWS_WITH(
      models::read_graphml_file(words, "label"),
      Catch::Contains("w.graphml: edge 1 (1 -- 2): expected a positive finite number as "
                      "'label', found 'heavy'"));
  std::string mixed = files.write("m.graphml", graphml(R"(
    <edge source="1" target="2"/><edge source="2" target="3" directed="true"/>
)"));
  REQUIRE_THROWS_WITH(models::read_graphml_file(mixed, ""),
                      Catch::Contains("mixes directed and undirected edges"));
  std::string no_default =
      files.write("e.graphml", "<graphml><graph><node id='1'/></graph></graphml>");
  REQUIRE_THROWS_WITH(
      models::read_graphml_file(no_default, ""),
      Catch::EndsWith("e.graphml: GraphML parse error: missing attribute edgedefault"));
  std::string no_id = files.write("i.graphml", graphml("<node/>"));
  REQUIRE_THROWS_WITH(models::read_graphml_file(no_id, ""),
                      Catch::EndsWith("i.graphml: GraphML parse error: missing attribute id"));
  std::string not_graphml = files.write("x.graphml", "<html><body/></html>");
  REQUIRE_THROWS_WITH(models::read_graphml_file(not_graphml, ""),
                      Catch::EndsWith("x.graphml: GraphML parse error: missing element <graphml>"));
}

TEST_CASE("graphviz reads graphs and digraphs with ids and weights", "[network][models]") {
  Files files;
  std::string path = files.write("t.dot",
                                 "graph town {\n  30 -- 10 [weight=2.5];\n"
                                 "  10 -- 20 [weight=1, colour=red];\n  70;\n}\n");
  sim::EdgeList e = models::read_graphviz_file(path, "weight");
  REQUIRE(e.original_id == std::vector<std::int64_t>{10, 20, 30, 70});
  REQUIRE(test::original_ties(e) == Ties{{30, 10}, {10, 20}});
  REQUIRE(e.w == std::vector<float>{2.5f, 1.0f});
  std::string digraph = files.write("d.dot", "digraph { b -> a; a -> c; }");
  sim::EdgeList d = models::read_graphviz_file(digraph, "");
  REQUIRE(d.original_id == std::vector<std::int64_t>{0, 1, 2});  // a, b, c: Boost's name order
  // Boost lists a digraph's ties by source vertex, so compare them as a set.
  using Pairs = std::vector<std::pair<sim::AgentId, sim::AgentId>>;
  REQUIRE(test::sorted_ties(d) == Pairs{{0, 1}, {0, 2}});
}

TEST_CASE("graphviz errors name the file and the problem", "[network][models]") {
  Files files;
  std::string broken = files.write("broken.dot", "graph { a -- ; }");
  REQUIRE_THROWS_WITH(models::read_graphviz_file(broken, ""),
                      Catch::StartsWith(broken + ": GraphViz parse error: "));
  std::string path = files.write("t.dot", "graph { a -- b [weight=x]; }");
  REQUIRE_THROWS_WITH(
      models::read_graphviz_file(path, "weight"),
      Catch::Contains("edge 1 (a -- b): expected a positive finite number as 'weight'"));
  REQUIRE_THROWS_WITH(models::read_graphviz_file(path, "w"),
                      Catch::Contains("edge 1 (a -- b) has no attribute 'w'"));
}

TEST_CASE("graph file sources read their parameters", "[network][models]") {
  Files files;
  std::string path = files.write("t.graphml", graphml(kIntegerBody));
  sim::EdgeList e = test::build_network(
      "graphml", {{"path", path}, {"weight_attribute", std::string("strength")}});
  REQUIRE(e.w.size() == 2);
  std::string dot = files.write("t.dot", "graph { 1 -- 2; }");
  REQUIRE(test::build_network("graphviz", {{"path", dot}}).u.size() == 1);
}
