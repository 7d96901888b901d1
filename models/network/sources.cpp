#include "models/network/sources.hpp"

#include "models/network/edge_list.hpp"
#include "models/network/erdos_renyi.hpp"
#include "models/network/graph_file.hpp"
#include "models/network/sbm.hpp"
#include "models/network/town.hpp"
#include "models/network/villages.hpp"
#include "models/network/watts_strogatz.hpp"

namespace wellsim::models {

const std::vector<NetworkSource>& network_sources() {
  static const std::vector<NetworkSource> sources{
      watts_strogatz_source(), erdos_renyi_source(), sbm_source(),  edge_list_source(),
      graphml_source(),        graphviz_source(),    town_source(), villages_source(),
  };
  return sources;
}

const NetworkSource* find_network_source(const std::string& name) {
  for (const auto& source : network_sources())
    if (source.name == name) return &source;
  return nullptr;
}

}  // namespace wellsim::models
