#include <catch2/catch.hpp>

#include <set>

#include "tests/models/network/network_fixture.hpp"

using namespace wellsim;

TEST_CASE("network_sources lists every generator, importer and people's network once",
          "[network][models]") {
  std::vector<std::string> names, selectable;
  for (const auto& source : models::network_sources()) {
    names.push_back(source.name);
    if (source.selectable()) selectable.push_back(source.name);
  }
  REQUIRE(names == std::vector<std::string>{"watts_strogatz", "erdos_renyi", "sbm", "edge_list",
                                            "graphml", "graphviz", "town", "villages"});
  // Town and villages tie a population's people: run.model chooses them, never `source`.
  REQUIRE(selectable == std::vector<std::string>{"watts_strogatz", "erdos_renyi", "sbm",
                                                 "edge_list", "graphml", "graphviz"});
  REQUIRE(models::find_network_source("nope") == nullptr);
}

TEST_CASE("network source parameters are fully declared", "[network][models]") {
  for (const auto& source : models::network_sources()) {
    INFO(source.name);
    REQUIRE(!source.help.empty());
    REQUIRE((source.build != nullptr) != (source.tie_people != nullptr));
    std::set<std::string> seen;
    for (const auto& spec : source.params) {
      INFO(spec.name);
      REQUIRE(seen.insert(spec.name).second);
      REQUIRE(!spec.help.empty());
      REQUIRE(spec.min <= spec.max);
      REQUIRE((spec.type == sim::ParamType::Choice) == !spec.choices.empty());
      if (!spec.fallback) continue;
      if (auto* x = std::get_if<std::int64_t>(&*spec.fallback)) {
        REQUIRE(spec.type == sim::ParamType::Integer);
        REQUIRE((*x >= spec.min && *x <= spec.max));
      }
      if (auto* x = std::get_if<double>(&*spec.fallback)) {
        REQUIRE(spec.type == sim::ParamType::Real);
        REQUIRE((*x >= spec.min && *x <= spec.max));
      }
      if (auto* s = std::get_if<std::string>(&*spec.fallback); s && !spec.choices.empty())
        REQUIRE(std::count(spec.choices.begin(), spec.choices.end(), *s) == 1);
    }
  }
}
