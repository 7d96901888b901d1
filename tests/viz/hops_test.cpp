#include "viz/hops.hpp"

#include <catch2/catch.hpp>

#include "tests/output/run_fixture.hpp"

using namespace wellsim;

TEST_CASE("hop circles follow ties up to the limit", "[viz]") {
  // Ring 0-1-2-3-4-0 with chord 1-3.
  const sim::Network net = test::small_network(false);
  CHECK(viz::hop_distances(net, 0, 3) == std::vector<std::uint8_t>{0, 1, 2, 2, 1});
  CHECK(viz::hop_distances(net, 2, 3) == std::vector<std::uint8_t>{2, 1, 0, 1, 2});
  CHECK(viz::hop_distances(net, 2, 1) == std::vector<std::uint8_t>{viz::kFar, 1, 0, 1, viz::kFar});
  CHECK_THROWS(viz::hop_distances(net, 5, 3));
}
