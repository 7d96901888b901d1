#pragma once
// Checks that GraphML and GraphViz text stays within the input limits (sim/input_file.hpp) before
// Boost's readers see it. Both readers recurse once per nesting level (an XML element, a DOT
// `subgraph {`), so ~9,000 nested subgraphs or ~30,000 nested elements overflow the stack and
// kill the process with no message. A linear scan that recurses nowhere finds the first level past
// kMaxNesting and its line; the limit is far above what any real graph file nests (GraphML: graph,
// node, nested graph, data; GraphViz: a few clusters).
#include <string>
#include <string_view>

namespace wellsim::models {

/// Throws InputError "PATH:LINE: GraphML elements nested deeper than 256 levels ..." at the
/// start tag of the first element past the limit. Comments, CDATA, processing instructions and
/// declarations are skipped; everything else is left to the XML parser.
void check_xml_nesting(std::string_view text, const std::string& path);

/// Throws InputError "PATH:LINE: GraphViz braces nested deeper than 256 levels ..." at the first
/// `{` (or HTML-string `<`) past the limit. Quoted strings and comments are skipped.
void check_dot_nesting(std::string_view text, const std::string& path);

}  // namespace wellsim::models
