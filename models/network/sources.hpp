// The network sources a scenario can name in `[network] source = "..."`: generators and
// importers, listed explicitly (no self-registering statics, which static libraries drop).
#pragma once
#include <vector>

#include "models/network/network_source.hpp"

namespace wellsim::models {

/// Every network generator and importer, in the order they are documented.
const std::vector<NetworkSource>& network_sources();

/// The source called `name`, or nullptr.
const NetworkSource* find_network_source(const std::string& name);

}  // namespace wellsim::models
