// Experimental designs: the structure each design promises (batch/design.hpp), checked row by
// row, and the errors for specs that cannot make a design.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "batch/design.hpp"
#include "sim/errors.hpp"

using namespace wellsim;
using batch::DesignKind;
using batch::DesignSpec;
using batch::Factor;

namespace {

Factor range(const std::string& name, double lo, double hi) {
  Factor f;
  f.name = name;
  f.min = lo;
  f.max = hi;
  return f;
}

std::vector<Factor> three_ranges() {
  return {range("a", 0, 1), range("b", -2, 2), range("c", 10, 20)};
}

DesignSpec spec(DesignKind kind, std::uint32_t points, std::uint64_t seed = 1) {
  DesignSpec s;
  s.kind = kind;
  s.points = points;
  s.seed = seed;
  return s;
}

// The InputError message of make_design, or "" when it does not throw one.
std::string error_of(const DesignSpec& s, const std::vector<Factor>& factors) {
  try {
    batch::make_design(s, factors);
  } catch (const sim::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("grid is the full factorial of each factor's values", "[design]") {
  Factor listed;
  listed.name = "listed";
  listed.values = {1, 2, 3};
  Factor stepped = range("stepped", 0, 1);
  stepped.steps = 3;
  Factor whole = range("whole", 0, 10);
  whole.steps = 4;
  whole.integer = true;  // 0, 3.33, 6.67, 10 -> 0, 3, 7, 10
  auto d = batch::make_design(spec(DesignKind::Grid, 0), {listed, stepped, whole});
  REQUIRE(d.rows.size() == 3 * 3 * 4);
  CHECK(d.factors == std::vector<std::string>{"listed", "stepped", "whole"});
  CHECK(d.rows.front() == std::vector<double>{1, 0, 0});
  CHECK(d.rows[1] == std::vector<double>{1, 0, 3});  // the last factor varies fastest
  CHECK(d.rows.back() == std::vector<double>{3, 1, 10});
  std::set<std::vector<double>> seen(d.rows.begin(), d.rows.end());
  CHECK(seen.size() == d.rows.size());
  for (double a : {1.0, 2.0, 3.0})
    for (double b : {0.0, 0.5, 1.0})
      for (double c : {0.0, 3.0, 7.0, 10.0}) CHECK(seen.count({a, b, c}) == 1);
}

TEST_CASE("latin hypercube puts one point in each stratum of each factor", "[design]") {
  const auto factors = three_ranges();
  const std::uint32_t n = 50;
  auto d = batch::make_design(spec(DesignKind::LatinHypercube, n, 3), factors);
  REQUIRE(d.rows.size() == n);
  for (std::size_t i = 0; i < factors.size(); ++i) {
    std::vector<int> hits(n, 0);
    for (const auto& row : d.rows) {
      const double u = (row[i] - factors[i].min) / (factors[i].max - factors[i].min);
      REQUIRE(u >= 0);
      REQUIRE(u < 1);
      ++hits[static_cast<std::size_t>(u * n)];
    }
    CHECK(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
  }
}

TEST_CASE("sobol design has N(k+2) rows in Saltelli order", "[design]") {
  const auto factors = three_ranges();
  const std::uint32_t n = 64;
  const std::size_t k = factors.size();
  auto d = batch::make_design(spec(DesignKind::Sobol, n), factors);
  REQUIRE(d.rows.size() == n * (k + 2));
  CHECK(d.base == n);
  for (std::size_t j = 0; j < n; ++j) {
    const auto& a = d.rows[j * (k + 2)];
    const auto& b = d.rows[j * (k + 2) + k + 1];
    for (std::size_t i = 0; i < k; ++i) {
      CHECK(a[i] != b[i]);
      CHECK(a[i] >= factors[i].min);
      CHECK(a[i] <= factors[i].max);
      auto expected = a;
      expected[i] = b[i];
      CHECK(d.rows[j * (k + 2) + 1 + i] == expected);
    }
  }
}

TEST_CASE("sampled designs are the same for a seed and differ between seeds", "[design]") {
  for (auto kind : {DesignKind::LatinHypercube, DesignKind::Sobol, DesignKind::Morris}) {
    INFO(batch::design_kind_name(kind));
    auto a = batch::make_design(spec(kind, 8, 11), three_ranges());
    auto b = batch::make_design(spec(kind, 8, 11), three_ranges());
    auto c = batch::make_design(spec(kind, 8, 12), three_ranges());
    CHECK(a.rows == b.rows);
    CHECK(a.rows != c.rows);
  }
}

TEST_CASE("morris trajectories move one factor by delta times its range per row", "[design]") {
  const auto factors = three_ranges();
  const std::size_t k = factors.size();
  DesignSpec s = spec(DesignKind::Morris, 20, 5);
  s.levels = 4;
  const double delta = 4.0 / (2.0 * 3.0);
  auto d = batch::make_design(s, factors);
  REQUIRE(d.rows.size() == 20 * (k + 1));
  CHECK(d.base == 20);
  CHECK(d.levels == 4);
  for (std::size_t t = 0; t < 20; ++t) {
    std::vector<int> moved(k, 0);
    for (std::size_t r = t * (k + 1); r + 1 < (t + 1) * (k + 1); ++r) {
      int changed = 0;
      for (std::size_t i = 0; i < k; ++i) {
        const double step = d.rows[r + 1][i] - d.rows[r][i];
        if (step == 0) continue;
        ++changed;
        ++moved[i];
        CHECK(std::abs(step) == Approx(delta * (factors[i].max - factors[i].min)));
      }
      CHECK(changed == 1);
    }
    CHECK(moved == std::vector<int>(k, 1));
    for (std::size_t r = t * (k + 1); r < (t + 1) * (k + 1); ++r)
      for (std::size_t i = 0; i < k; ++i) {  // every value on one of the 4 levels
        const double level =
            (d.rows[r][i] - factors[i].min) / (factors[i].max - factors[i].min) * 3;
        CHECK(level == Approx(std::round(level)).margin(1e-9));
      }
  }
}

TEST_CASE("design errors are one line naming the factor", "[design]") {
  auto names = [](const std::string& msg, const std::string& what) {
    INFO(msg);
    CHECK(msg.find(what) != std::string::npos);
    CHECK(msg.find('\n') == std::string::npos);
  };
  Factor bare;
  bare.name = "bare";
  names(error_of(spec(DesignKind::LatinHypercube, 4), {range("a", 0, 1), bare}), "\"bare\"");
  names(error_of(spec(DesignKind::LatinHypercube, 4), {range("", 0, 1)}), "factor 1");
  names(error_of(spec(DesignKind::Sobol, 4), {range("backwards", 2, 1)}), "\"backwards\"");
  names(error_of(spec(DesignKind::Sobol, 4), {range("flat", 1, 1)}), "\"flat\"");
  Factor one_step = range("one_step", 0, 1);
  one_step.steps = 1;
  names(error_of(spec(DesignKind::Grid, 0), {one_step}), "\"one_step\"");
  DesignSpec odd = spec(DesignKind::Morris, 4);
  odd.levels = 5;
  names(error_of(odd, three_ranges()), "levels");
  odd.levels = 0;
  names(error_of(odd, three_ranges()), "levels");
  for (auto kind : {DesignKind::LatinHypercube, DesignKind::Sobol, DesignKind::Morris})
    names(error_of(spec(kind, 0), three_ranges()), "points");
  Factor five = range("five", 1, 5);
  five.integer = true;
  names(error_of(spec(DesignKind::LatinHypercube, 20), {range("a", 0, 1), five}), "\"five\"");
  CHECK(error_of(spec(DesignKind::LatinHypercube, 5), {five}).empty());
  Factor thousand = range("thousand", 0, 1);
  thousand.steps = 1000;
  Factor big = range("big", 0, 1);
  big.steps = 1001;
  names(error_of(spec(DesignKind::Grid, 0), {thousand, big}), "\"big\"");
  CHECK_THROWS_AS(batch::make_design(spec(DesignKind::Grid, 0), {}), sim::InputError);
}
