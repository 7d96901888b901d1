#include <catch2/catch.hpp>

#include "sim/param_spec.hpp"
#include "sim/param_table.hpp"

using namespace wellsim::sim;

TEST_CASE("values render as TOML that reads back the same", "[sim]") {
  CHECK(to_text(ParamValue{std::int64_t{3}}) == "3");
  CHECK(to_text(ParamValue{0.1}) == "0.1");
  CHECK(to_text(ParamValue{2.0}) == "2.0");
  CHECK(to_text(ParamValue{true}) == "true");
  CHECK(to_text(ParamValue{std::string("a\"b")}) == "\"a\\\"b\"");
  CHECK(to_text(ParamValue{std::vector<double>{1, 0.5}}) == "[1.0, 0.5]");
  CHECK(to_text(ParamValue{std::vector<std::string>{"x", "y"}}) == "[\"x\", \"y\"]");
}

TEST_CASE("the nearest declared name is suggested only when plausible", "[sim]") {
  ParamList list;
  list.declare("susceptibility", ParamType::Real, 0.5);
  list.declare("layer_weights", ParamType::RealList, std::vector<double>{});
  const std::vector<ParamSpec>& specs = list.specs();
  CHECK(nearest_name(specs, "suceptibility") == "susceptibility");
  CHECK(nearest_name(specs, "layer_weight") == "layer_weights");
  CHECK(nearest_name(specs, "zzz").empty());
}

TEST_CASE("reading a parameter as the wrong type is a programming error", "[sim]") {
  ParamSet set;
  set.set("n", std::int64_t{5});
  CHECK(set.real("n") == 5.0);
  CHECK_THROWS_AS(set.string("n"), std::logic_error);
  CHECK_THROWS_AS(set.integer("absent"), std::logic_error);
}
