#include "models/network/graph_file.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>

#include "models/network/graph_text_limits.hpp"
#include "models/network/id_map.hpp"
#include "models/network/source_support.hpp"
#include "sim/errors.hpp"

namespace wellsim::models {
namespace {

// What a reader found, before agents are numbered.
struct RawGraph {
  std::vector<std::string> names;                  // node ids in the reader's vertex order
  std::vector<sim::AgentId> u, v;                  // ties as vertex indices
  std::vector<std::optional<std::string>> weight;  // per tie, when a weight attribute is asked for
};

// The node ids as numbers when all are distinct whole numbers >= 0, otherwise empty.
std::vector<std::int64_t> integer_ids(const std::vector<std::string>& names) {
  std::vector<std::int64_t> ids;
  for (const auto& name : names) {
    std::int64_t id = -1;
    auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), id);
    if (ec != std::errc() || end != name.data() + name.size() || id < 0) return {};
    ids.push_back(id);
  }
  std::vector<std::int64_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return {};  // "1", "01"
  return ids;
}

float parse_weight(const std::string& path, const RawGraph& g, std::size_t e,
                   const std::string& attribute) {
  std::string where = sim::where(path) + "edge " + std::to_string(e + 1) + " (" + g.names[g.u[e]] +
                      " -- " + g.names[g.v[e]] + ")";
  if (!g.weight[e]) throw sim::InputError(where + " has no attribute '" + attribute + "'");
  const std::string& text = *g.weight[e];
  std::size_t first = text.find_first_not_of(" \t\r\n");
  std::size_t last = text.find_last_not_of(" \t\r\n");
  float value = 0.0f;
  auto [end, ec] = first == std::string::npos
                       ? std::from_chars_result{text.data(), std::errc::invalid_argument}
                       : std::from_chars(text.data() + first, text.data() + last + 1, value);
  // A negative weight or a row of zero weights divides a person's social term by ~0: wellbeing
  // ran to +-1e21 on the 0-10 scale. A tie of weight 0 is no tie: leave it out of the file.
  if (ec != std::errc() || end != text.data() + last + 1 || !std::isfinite(value) || !(value > 0))
    throw sim::InputError(where + ": expected a positive finite number as '" + attribute +
                          "', found '" + text + "'");
  return value;
}

// Numbers the agents (ascending integer ids, else reader order) and converts the weights.
sim::EdgeList to_edge_list(RawGraph g, const std::string& path, const std::string& attribute) {
  sim::EdgeList out;
  out.n = g.names.size();
  if (out.n > kMaxAgents) throw sim::InputError(sim::where(path) + "more than 2^32 - 2 nodes");
  if (out.n == 0) throw sim::InputError(sim::where(path) + "the graph has no nodes");
  if (!attribute.empty())  // before renumbering: messages name the ends by their file ids
    for (std::size_t e = 0; e < g.u.size(); ++e)
      out.w.push_back(parse_weight(path, g, e, attribute));
  std::vector<std::int64_t> ids = integer_ids(g.names);
  if (!ids.empty()) {
    IdMap agent({ids}, *std::max_element(ids.begin(), ids.end()));
    for (auto* ends : {&g.u, &g.v})
      for (auto& x : *ends) x = agent(ids[x]);
    out.original_id = agent.take_ids();
  } else {
    for (std::size_t i = 0; i < out.n; ++i) out.original_id.push_back(static_cast<std::int64_t>(i));
  }
  out.u = std::move(g.u);
  out.v = std::move(g.v);
  return out;
}

// Receives boost::read_graphml's calls: vertices and ties as indices, and the weight attribute.
class Collector : public boost::mutate_graph {
 public:
  Collector(bool directed, const std::string& attribute, RawGraph& g)
      : directed_(directed), attribute_(attribute), g_(g) {}
  bool is_directed() const override { return directed_; }
  boost::any do_add_vertex() override { return boost::any(vertices_++); }
  std::pair<boost::any, bool> do_add_edge(boost::any s, boost::any t) override {
    g_.u.push_back(boost::any_cast<sim::AgentId>(s));
    g_.v.push_back(boost::any_cast<sim::AgentId>(t));
    g_.weight.emplace_back();
    return {boost::any(g_.u.size() - 1), true};
  }
  void set_graph_property(const std::string&, const std::string&, const std::string&) override {}
  void set_vertex_property(const std::string&, boost::any, const std::string&,
                           const std::string&) override {}
  void set_edge_property(const std::string& name, boost::any edge, const std::string& value,
                         const std::string&) override {
    if (name == attribute_) g_.weight[boost::any_cast<std::size_t>(edge)] = value;
  }
  /// Vertices created so far.
  sim::AgentId vertices() const { return vertices_; }

 private:
  bool directed_;
  const std::string& attribute_;
  RawGraph& g_;
  sim::AgentId vertices_ = 0;
};

// Node ids in the order boost::read_graphml creates vertices: declared nodes of the first graph
// and the graphs nested in it (pre-order), then undeclared tie ends in tie order.
std::vector<std::string> graphml_node_ids(const std::string& text) {
  using boost::property_tree::ptree;
  ptree tree;
  std::istringstream in(text);
  // The flags boost::read_graphml uses, so ids read exactly as it reads them.
  read_xml(in, tree,
           boost::property_tree::xml_parser::no_comments |
               boost::property_tree::xml_parser::trim_whitespace);
  std::vector<const ptree*> graphs;
  auto nest = [&](auto&& self, const ptree& parent, bool first_only) -> void {
    for (const auto& [tag, child] : parent) {
      if (tag != "graph") continue;
      graphs.push_back(&child);
      self(self, child, false);
      if (first_only) return;
    }
  };
  nest(nest, tree.get_child("graphml"), true);
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto add = [&](const std::string& id) {
    if (seen.insert(id).second) names.push_back(id);
  };
  for (const char* kind : {"node", "edge"})
    for (const ptree* graph : graphs)
      for (const auto& [tag, child] : *graph) {
        if (tag != kind) continue;
        if (tag == "node") add(child.get<std::string>("<xmlattr>.id"));
        if (tag == "edge") {
          add(child.get<std::string>("<xmlattr>.source"));
          add(child.get<std::string>("<xmlattr>.target"));
        }
      }
  return names;
}

// Runs `read` for an undirected graph and, if the file turns out directed, for a directed one.
template <class Read>
void read_either_direction(Read read) {
  try {
    read(false);
  } catch (const boost::directed_graph_error&) {
    read(true);
  }
}

// A Boost diagnostic on one line.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

sim::EdgeList read_graphml_file(const std::string& path, const std::string& weight_attribute) {
  std::string text = read_text(path, "GraphML file", sim::kMaxGraphFileBytes);
  sim::check_line_lengths(text, path, "GraphML file");
  check_xml_nesting(text, path);
  RawGraph g;
  try {
    g.names = graphml_node_ids(text);
    read_either_direction([&](bool directed) {
      g = RawGraph{std::move(g.names), {}, {}, {}};
      Collector collector(directed, weight_attribute, g);
      std::istringstream in(text);
      boost::read_graphml(in, collector, 0);
      if (collector.vertices() != g.names.size())
        throw std::runtime_error("could not match node ids to the reader's nodes");
    });
  } catch (const boost::undirected_graph_error&) {
    throw sim::InputError(sim::where(path) +
                          "GraphML parse error: the file mixes directed and undirected edges");
  } catch (const boost::property_tree::ptree_bad_path& e) {
    // Boost says "No such node (<xmlattr>/edgedefault)"; name the attribute instead.
    std::string missing = e.path<boost::property_tree::ptree::path_type>().dump();
    bool attribute = missing.rfind("<xmlattr>", 0) == 0;
    missing = attribute ? "attribute " + missing.substr(10) : "element <" + missing + ">";
    throw sim::InputError(sim::where(path) + "GraphML parse error: missing " + missing);
  } catch (const boost::property_tree::xml_parser_error& e) {
    throw sim::InputError(sim::where(path, static_cast<long>(e.line())) +
                          "GraphML parse error: " + one_line(e.message()));
  } catch (const std::exception& e) {
    throw sim::InputError(sim::where(path) + "GraphML parse error: " + one_line(e.what()));
  }
  return to_edge_list(std::move(g), path, weight_attribute);
}

namespace {

// Reads DOT text into a Boost graph of the given direction and collects it.
template <class Direction>
RawGraph read_dot(const std::string& text, const std::string& attribute) {
  struct Node {
    std::string id;
  };
  struct Tie {
    std::string weight;  // empty: the attribute is absent
  };
  boost::adjacency_list<boost::vecS, boost::vecS, Direction, Node, Tie> graph;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("node_id", boost::get(&Node::id, graph));
  if (!attribute.empty()) dp.property(attribute, boost::get(&Tie::weight, graph));
  boost::read_graphviz(text, graph, dp);
  RawGraph g;
  for (auto v : boost::make_iterator_range(vertices(graph))) g.names.push_back(graph[v].id);
  for (auto e : boost::make_iterator_range(edges(graph))) {
    g.u.push_back(static_cast<sim::AgentId>(source(e, graph)));
    g.v.push_back(static_cast<sim::AgentId>(target(e, graph)));
    const std::string& weight = graph[e].weight;
    g.weight.push_back(weight.empty() ? std::nullopt : std::optional<std::string>(weight));
  }
  return g;
}

}  // namespace

sim::EdgeList read_graphviz_file(const std::string& path, const std::string& weight_attribute) {
  std::string text = read_text(path, "GraphViz file", sim::kMaxGraphFileBytes);
  sim::check_line_lengths(text, path, "GraphViz file");
  check_dot_nesting(text, path);
  RawGraph g;
  try {
    read_either_direction([&](bool directed) {
      g = directed ? read_dot<boost::directedS>(text, weight_attribute)
                   : read_dot<boost::undirectedS>(text, weight_attribute);
    });
  } catch (const std::exception& e) {
    throw sim::InputError(sim::where(path) + "GraphViz parse error: " + one_line(e.what()));
  }
  return to_edge_list(std::move(g), path, weight_attribute);
}

namespace {

/// The keys of a graph file source; only the help's format name differs between sources.
void declare_file(sim::ParamTable<GraphFileParams>& t, const std::string& format) {
  t.add("path", &GraphFileParams::path, "")
      .path()
      .required()
      .help("The " + format + " file; whole-number node ids are kept as agent ids.");
  t.add("weight_attribute", &GraphFileParams::weight_attribute, "")
      .help("Edge attribute holding each tie's weight; empty: every tie weighs 1.");
}

// The build function of a file source whose keys `Table` declares, reading `path` with `Read`.
template <const sim::ParamTable<GraphFileParams>& (*Table)(),
          sim::EdgeList (*Read)(const std::string&, const std::string&)>
sim::EdgeList build_file(const sim::ParamSet& set, const SourceContext&) {
  const GraphFileParams params = Table().read(set);
  return Read(params.path, params.weight_attribute);
}

}  // namespace

const sim::ParamTable<GraphFileParams>& graphml_table() {
  return sim::declared<GraphFileParams>([](auto& t) { declare_file(t, "GraphML"); });
}

const sim::ParamTable<GraphFileParams>& graphviz_table() {
  return sim::declared<GraphFileParams>([](auto& t) { declare_file(t, "DOT"); });
}

NetworkSource graphml_source() {
  return {"graphml", "GraphML file (networkx, igraph, Gephi, yEd), read with Boost.Graph.",
          graphml_table().specs(), &build_file<graphml_table, read_graphml_file>};
}

NetworkSource graphviz_source() {
  return {"graphviz", "GraphViz DOT file (graph or digraph), read with Boost.Graph.",
          graphviz_table().specs(), &build_file<graphviz_table, read_graphviz_file>};
}

}  // namespace wellsim::models
