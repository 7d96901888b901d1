// models/network/graph_text_limits.hpp: the nesting scan run before Boost's recursive readers.
#include <catch2/catch.hpp>

#include "models/network/graph_text_limits.hpp"
#include "sim/errors.hpp"
#include "sim/input_file.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

std::string repeated(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

/// A DOT graph whose edge sits inside `depth` braces in all (the graph's own included).
std::string dot(int depth) {
  return "graph G {\n" + repeated("subgraph {\n", depth - 1) + "a -- b\n" + repeated("}\n", depth);
}

/// GraphML whose `data` element sits `depth` elements deep.
std::string graphml(int depth) {
  return "<?xml version=\"1.0\"?>\n<!-- <a><b><c> -->\n<graphml>\n" +
         repeated("<graph edgedefault=\"undirected\"><node id=\"n\" a='x>y'/>\n", depth - 1) +
         repeated("</graph>\n", depth - 1) + "</graphml>\n";
}

}  // namespace

TEST_CASE("GraphViz nesting up to the limit passes, one more level is refused with its line",
          "[reliability][network][models]") {
  CHECK_NOTHROW(models::check_dot_nesting(dot(sim::kMaxNesting), "g.dot"));
  REQUIRE_THROWS_WITH(models::check_dot_nesting(dot(sim::kMaxNesting + 1), "g.dot"),
                      Contains("g.dot:257: GraphViz braces nested deeper than 256 levels "
                               "(docs/reliability.md, Input limits)"));
  // Braces inside strings and comments are not structure.
  const std::string quoted = "graph G {\n a [label=\"" + repeated("{", 1000) + "\\\"\"]\n" + "// " +
                             repeated("{", 1000) + "\n/* " + repeated("{", 1000) + " */\n# " +
                             repeated("{", 1000) + "\n}\n";
  CHECK_NOTHROW(models::check_dot_nesting(quoted, "q.dot"));
  REQUIRE_THROWS_WITH(
      models::check_dot_nesting(
          "graph G {\n a [label=" + repeated("<", 300) + repeated(">", 300) + "]\n}\n", "h.dot"),
      Contains("h.dot:2: GraphViz HTML strings nested deeper than 256 levels"));
}

TEST_CASE("GraphML nesting up to the limit passes, one more element is refused with its line",
          "[reliability][network][models]") {
  CHECK_NOTHROW(models::check_xml_nesting(graphml(sim::kMaxNesting), "g.graphml"));
  REQUIRE_THROWS_WITH(models::check_xml_nesting(graphml(sim::kMaxNesting + 1), "g.graphml"),
                      Contains("g.graphml:259: GraphML elements nested deeper than 256 levels"));
  // Self-closing elements, comments, CDATA and processing instructions do not nest.
  const std::string flat =
      "<?xml version=\"1.0\"?>\n<graphml>" + repeated("<node id=\"1\"/>", 1000) + "<![CDATA[" +
      repeated("<a>", 1000) + "]]>" + "<!--" + repeated("<a>", 1000) + "--></graphml>\n";
  CHECK_NOTHROW(models::check_xml_nesting(flat, "f.graphml"));
}
