// Experimental designs: checks of the spec, the grid, and the map from unit coordinates to
// factor values. The sampled designs build unit-cube rows in design_sample.cpp (Latin hypercube,
// Morris) and design_sobol.cpp (Saltelli on Sobol'), so every design maps to factor units the
// same way (detail::value_at).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "batch/design.hpp"
#include "batch/design_detail.hpp"
#include "sim/errors.hpp"

namespace wellsim::batch {

namespace {

constexpr std::uint64_t kMaxGridRows = 1'000'000;
constexpr std::uint64_t kUnbounded = std::numeric_limits<std::uint64_t>::max();

std::string quoted(const Factor& f) { return "factor \"" + f.name + "\": "; }

std::string number(double x) {
  std::string s = std::to_string(x);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// How many distinct values the factor can take: its listed values, the integers its range
// rounds to, or unbounded for a continuous range.
std::uint64_t distinct_values(const Factor& f) {
  if (!f.values.empty()) {
    std::vector<double> v = f.values;
    if (f.integer)
      for (double& x : v) x = std::round(x);
    std::sort(v.begin(), v.end());
    return static_cast<std::uint64_t>(std::unique(v.begin(), v.end()) - v.begin());
  }
  if (!f.integer) return kUnbounded;
  return static_cast<std::uint64_t>(std::round(f.max) - std::round(f.min)) + 1;
}

// One factor on its own: a name, and values or a range the design can use.
void check_factor(const Factor& f, std::size_t index, DesignKind kind) {
  if (f.name.empty())
    throw sim::InputError("factor " + std::to_string(index + 1) + " of the design has no name");
  if (!f.values.empty()) return;
  if (f.min == 0 && f.max == 0 && f.steps == 0)
    throw sim::InputError(quoted(f) + "no values and no range (give values or min and max)");
  if (!(f.min < f.max))
    throw sim::InputError(quoted(f) + "min (" + number(f.min) + ") must be less than max (" +
                          number(f.max) + ")");
  if (kind == DesignKind::Grid && f.steps < 2)
    throw sim::InputError(quoted(f) + "a grid over a range needs steps >= 2 (got " +
                          std::to_string(f.steps) + ")");
}

// The spec against the factors: sizes, levels, and enough distinct values for the points.
void check_spec(const DesignSpec& spec, const std::vector<Factor>& factors) {
  const std::string kind = design_kind_name(spec.kind);
  if (factors.empty()) throw sim::InputError(kind + " design: no factors");
  for (std::size_t i = 0; i < factors.size(); ++i) check_factor(factors[i], i, spec.kind);
  if (spec.kind == DesignKind::Grid) return;
  if (spec.points == 0) throw sim::InputError(kind + " design: points must be at least 1");
  if (spec.kind == DesignKind::Morris && (spec.levels < 2 || spec.levels % 2 != 0))
    throw sim::InputError("morris design: levels must be even and at least 2 (got " +
                          std::to_string(spec.levels) + ")");
  if (spec.kind == DesignKind::Sobol && factors.size() > detail::saltelli_max_factors())
    throw sim::InputError("sobol design: at most " +
                          std::to_string(detail::saltelli_max_factors()) + " factors (got " +
                          std::to_string(factors.size()) + ")");
  // An LHS puts each point in its own stratum and a Morris grid needs each level distinct.
  const std::uint64_t need = spec.kind == DesignKind::LatinHypercube ? spec.points
                             : spec.kind == DesignKind::Morris       ? spec.levels
                                                                     : 0;
  const char* what = spec.kind == DesignKind::LatinHypercube ? " points" : " levels";
  for (const Factor& f : factors)
    if (distinct_values(f) < need)
      throw sim::InputError(quoted(f) + "takes only " + std::to_string(distinct_values(f)) +
                            " distinct values, fewer than the design's " + std::to_string(need) +
                            what);
}

// The values a grid takes of one factor: the listed ones or `steps` evenly spaced.
std::vector<double> grid_values(const Factor& f) {
  std::vector<double> v = f.values;
  if (v.empty())
    for (std::uint32_t s = 0; s < f.steps; ++s)
      v.push_back(f.min + (f.max - f.min) * s / (f.steps - 1));
  if (f.integer)
    for (double& x : v) x = std::round(x);
  if (f.values.empty() && f.integer && distinct_values(f) < v.size())
    throw sim::InputError(quoted(f) + "a grid of " + std::to_string(v.size()) +
                          " values over an integer range with " +
                          std::to_string(distinct_values(f)) + " distinct values");
  return v;
}

// The full factorial, the first factor varying slowest (as itertools.product).
std::vector<std::vector<double>> grid_rows(const std::vector<Factor>& factors) {
  std::vector<std::vector<double>> values;
  std::uint64_t count = 1;
  for (const Factor& f : factors) {
    values.push_back(grid_values(f));
    count *= values.back().size();
    if (count > kMaxGridRows)
      throw sim::InputError(quoted(f) + "the grid passes " + std::to_string(kMaxGridRows) +
                            " rows at this factor");
  }
  std::vector<std::vector<double>> rows(count, std::vector<double>(factors.size()));
  for (std::uint64_t r = 0; r < count; ++r) {
    std::uint64_t rest = r;
    for (std::size_t i = factors.size(); i-- > 0;) {
      rows[r][i] = values[i][rest % values[i].size()];
      rest /= values[i].size();
    }
  }
  return rows;
}

}  // namespace

namespace detail {

double value_at(const Factor& f, double u) {
  u = std::clamp(u, 0.0, 1.0);
  double v;
  if (!f.values.empty()) {
    const auto n = f.values.size();
    v = f.values[std::min(n - 1, static_cast<std::size_t>(std::floor(u * static_cast<double>(n))))];
  } else {
    v = f.min + u * (f.max - f.min);
  }
  return f.integer ? std::round(v) : v;
}

std::vector<std::vector<double>> to_factor_units(const std::vector<std::vector<double>>& unit,
                                                 const std::vector<Factor>& factors) {
  std::vector<std::vector<double>> rows(unit.size(), std::vector<double>(factors.size()));
  for (std::size_t r = 0; r < unit.size(); ++r)
    for (std::size_t i = 0; i < factors.size(); ++i) rows[r][i] = value_at(factors[i], unit[r][i]);
  return rows;
}

}  // namespace detail

Design make_design(const DesignSpec& spec, const std::vector<Factor>& factors) {
  check_spec(spec, factors);
  Design d;
  d.kind = spec.kind;
  for (const Factor& f : factors) d.factors.push_back(f.name);
  const std::size_t k = factors.size();
  switch (spec.kind) {
    case DesignKind::Grid: d.rows = grid_rows(factors); break;
    case DesignKind::LatinHypercube:
      d.rows = detail::to_factor_units(detail::lhs_unit(spec.points, k, spec.seed), factors);
      break;
    case DesignKind::Sobol:
      d.rows = detail::to_factor_units(detail::saltelli_unit(spec.points, k, spec.seed), factors);
      d.base = spec.points;
      break;
    case DesignKind::Morris:
      d.rows = detail::to_factor_units(detail::morris_unit(spec.points, spec.levels, k, spec.seed),
                                       factors);
      d.base = spec.points;
      d.levels = spec.levels;
      break;
  }
  return d;
}

}  // namespace wellsim::batch
