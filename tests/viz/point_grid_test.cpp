#include "viz/point_grid.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace wellsim::viz;

TEST_CASE("picking finds the same node as a brute-force search", "[viz]") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(-1, 1);
  std::vector<float> x(20000), y(20000);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = u(rng), y[i] = 0.3f * u(rng);
  const PointGrid grid(x, y);
  CHECK(grid.cells_per_side() == 100);
  for (int q = 0; q < 2000; ++q) {
    const float px = 1.2f * u(rng), py = 1.2f * u(rng), r = 0.02f * std::fabs(u(rng));
    std::optional<std::uint32_t> want;
    float best = r * r;
    for (std::uint32_t i = 0; i < x.size(); ++i) {
      const float d2 = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
      if (d2 < best || (d2 == best && !want)) best = d2, want = i;
    }
    REQUIRE(grid.nearest(px, py, r) == want);
  }
}

TEST_CASE("picking handles empty sets, one point and stacked points", "[viz]") {
  const std::vector<float> none;
  CHECK_FALSE(PointGrid(none, none).nearest(0, 0, 1));
  const std::vector<float> one{0.5f};
  CHECK(PointGrid(one, one).nearest(0.5f, 0.6f, 0.2f) == 0u);
  CHECK_FALSE(PointGrid(one, one).nearest(0.5f, 0.9f, 0.2f));
  const std::vector<float> same{1, 1, 1};
  CHECK(PointGrid(same, same).nearest(1, 1, 0.1f) == 0u);  // the lower index on a tie
}
