#include "viz/difference.hpp"

#include <catch2/catch.hpp>

#include "sim/errors.hpp"

using namespace wellsim::viz;
using Catch::Matchers::Equals;

TEST_CASE("paired runs pair by original id, in any order", "[viz]") {
  const std::vector<std::int64_t> run{10, 11, 12, -4};
  CHECK(pair_agents(run, run, "a.h5", "b.h5") == std::vector<std::uint32_t>{0, 1, 2, 3});
  const std::vector<std::int64_t> shuffled{12, -4, 10, 11};
  const auto p = pair_agents(run, shuffled, "a.h5", "b.h5");
  CHECK(p == std::vector<std::uint32_t>{2, 3, 0, 1});
  const std::vector<float> a{1, 2, 3, 4}, b{3.5f, 4.25f, 1, 2};
  CHECK(difference(a, b, p) == std::vector<float>{0, 0, -0.5f, -0.25f});
}

TEST_CASE("unpaired runs are refused with a message naming both files", "[viz]") {
  const std::vector<std::int64_t> run{1, 2, 3}, fewer{1, 2}, other{1, 2, 9}, twice{1, 1, 2};
  CHECK_THROWS_WITH(pair_agents(run, fewer, "policy.h5", "base.h5"),
                    Equals("policy.h5 and baseline base.h5 are not paired: 3 agents against 2"));
  CHECK_THROWS_WITH(pair_agents(run, other, "policy.h5", "base.h5"),
                    Equals("policy.h5 and baseline base.h5 are not paired: agent id 3 is not in "
                           "the baseline"));
  CHECK_THROWS_WITH(pair_agents(run, twice, "policy.h5", "base.h5"),
                    Equals("policy.h5 and baseline base.h5 are not paired: id 1 appears twice in "
                           "the baseline"));
  CHECK_THROWS_AS(pair_agents(run, fewer, "a", "b"), wellsim::sim::InputError);
}

TEST_CASE("the difference legend is a readable symmetric range", "[viz]") {
  CHECK(nice_ceil(0.13f) == Approx(0.2f));
  CHECK(nice_ceil(0.2f) == Approx(0.2f));
  CHECK(nice_ceil(3.1f) == Approx(5.0f));
  CHECK(nice_ceil(7) == Approx(10.0f));
  std::vector<float> d(1000, 0.01f);
  d[0] = -0.31f;  // the 99th percentile of |d| decides, not one outlier
  for (int i = 1; i <= 20; ++i) d[static_cast<std::size_t>(i)] = -0.3f;
  CHECK(symmetric_range(d) == Approx(0.5f));
  d.assign(1000, 0.0f);
  d[3] = 9;  // one outlier alone does not set the range
  CHECK(symmetric_range(d) == Approx(0.01f));
  CHECK(symmetric_range({}) == Approx(0.01f));
}
