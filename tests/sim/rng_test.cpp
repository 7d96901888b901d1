#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "sim/rng.hpp"
#include "sim/rng_batch.hpp"

using wellsim::sim::RandomStream;

TEST_CASE("draws are pure functions of their key", "[sim][rng]") {
  RandomStream a(42, 0, "x"), b(42, 0, "x");
  CHECK(a.uniform(3, 17, 2) == b.uniform(3, 17, 2));
  CHECK(a.uniform(3, 17, 2) != a.uniform(3, 17, 3));
  CHECK(a.uniform(3, 17) != RandomStream(42, 1, "x").uniform(3, 17));
  CHECK(a.uniform(3, 17) != RandomStream(42, 0, "y").uniform(3, 17));
  CHECK(a.uniform(3, 17) != RandomStream(43, 0, "x").uniform(3, 17));
}

TEST_CASE("uniform and normal draws have the right moments", "[sim][rng]") {
  RandomStream r(1, 0, "moments");
  const int n = 200000;
  double su = 0, su2 = 0, sz = 0, sz2 = 0;
  for (int i = 0; i < n; ++i) {
    double u = r.uniform(0, i), z = r.normal(1, i);
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    su += u, su2 += u * u, sz += z, sz2 += z * z;
  }
  // Tolerances: 5 standard errors of each estimate for n draws.
  CHECK(std::abs(su / n - 0.5) < 5 * std::sqrt(1.0 / 12 / n));
  CHECK(std::abs(su2 / n - 1.0 / 3) < 5 * std::sqrt(4.0 / 45 / n));
  CHECK(std::abs(sz / n) < 5 / std::sqrt(double(n)));
  CHECK(std::abs(sz2 / n - 1.0) < 5 * std::sqrt(2.0 / n));
}

TEST_CASE("below() is uniform over its range", "[sim][rng]") {
  RandomStream r(5, 0, "below");
  const int n = 100000, bound = 10;
  std::vector<int> count(bound, 0);
  for (int i = 0; i < n; ++i) {
    auto k = r.below(bound, 0, i);
    REQUIRE(k < bound);
    ++count[k];
  }
  double chi2 = 0, e = double(n) / bound;
  for (int c : count) chi2 += (c - e) * (c - e) / e;
  CHECK(chi2 < 27.88);  // chi-square 9 d.f., p = 0.001
}

TEST_CASE("words_batch gives exactly the words drawn one agent at a time", "[sim][rng]") {
  // Runs that end inside a vector of lanes, start at odd agents, wrap past 2^32 - 1 and use
  // several keys, steps and draw indices: every word must match RandomStream::words.
  const RandomStream streams[] = {RandomStream(0, 0, "life"), RandomStream(20261124, 3, "x"),
                                  RandomStream(~0ull, 7, "")};
  const std::uint32_t firsts[] = {0, 1, 12345, 4294967290u};
  const std::uint32_t counts[] = {0, 1, 15, 16, 17, 100};
  for (const auto& s : streams)
    for (std::uint32_t first : firsts)
      for (std::uint32_t count : counts)
        for (std::uint32_t step : {0u, 1u, 52u}) {
          const std::uint32_t draw = step % 3;
          for (auto* batch : {wellsim::sim::words_batch, wellsim::sim::words_batch_scalar}) {
            std::vector<std::uint32_t> got(4 * count + 4, 0xDEADBEEFu);
            batch(s, step, first, count, draw, got.data());
            for (std::uint32_t j = 0; j < count; ++j) {
              const auto want = s.words(step, first + j, draw);
              for (int w = 0; w < 4; ++w) REQUIRE(got[4 * j + w] == want[w]);
            }
            for (int w = 0; w < 4; ++w) REQUIRE(got[4 * count + w] == 0xDEADBEEFu);  // no overrun
          }
        }
}
