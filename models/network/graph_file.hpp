// Importers for GraphML and GraphViz (DOT) files, through Boost.Graph's readers.
//
// Sources: the GraphML format (Brandes et al., graphml.graphdrawing.org) and the DOT language
// (graphviz.org); parsed by boost::read_graphml and boost::read_graphviz, so every file those
// readers accept loads here and their diagnostics are passed on as one line.
//
// Node ids: when every node id is a whole number >= 0 (as networkx and igraph write them), the
// ids are kept as original ids and agents are numbered in ascending id order, as for edge lists.
// Otherwise agents are numbered in the reader's order and original_id is that index: file order
// for GraphML, name order for DOT (Boost's DOT reader creates nodes sorted by name). Declared
// nodes without ties are kept. Directed files are read too; sim::freeze makes ties undirected.
//
// Why a second pass for GraphML ids: boost::read_graphml does not expose node ids, so their order
// is recovered by walking the same property tree in the order the reader creates vertices; the
// two vertex counts are checked against each other.
#pragma once
#include <string>

#include "models/network/network_source.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// Reads a GraphML file; `weight_attribute` ("" for none) names the edge attribute of weights.
sim::EdgeList read_graphml_file(const std::string& path, const std::string& weight_attribute);

/// Reads a GraphViz DOT file; `weight_attribute` ("" for none) names the edge attribute.
sim::EdgeList read_graphviz_file(const std::string& path, const std::string& weight_attribute);

/// The keys of [network] when source = "graphml" or "graphviz", each field named as its key.
struct GraphFileParams {
  std::string path;              ///< the file
  std::string weight_attribute;  ///< edge attribute of weights, or ""
};

/// The graphml keys, declared once and bound to GraphFileParams.
const sim::ParamTable<GraphFileParams>& graphml_table();

/// The graphviz keys, declared once and bound to GraphFileParams.
const sim::ParamTable<GraphFileParams>& graphviz_table();

/// The `graphml` network source: parameters path, weight_attribute.
NetworkSource graphml_source();

/// The `graphviz` network source: parameters path, weight_attribute.
NetworkSource graphviz_source();

}  // namespace wellsim::models
