#pragma once
// Helpers of the population tests: parameters from declared defaults, and standard errors of
// shares in a household-clustered sample (people of one household are not independent draws).
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "models/population/people.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::test {

/// Declared defaults of `specs`, then `values`.
inline sim::ParamSet defaults(
    const std::vector<sim::ParamSpec>& specs,
    std::initializer_list<std::pair<std::string, sim::ParamValue>> values) {
  sim::ParamSet p;
  for (const auto& s : specs)
    if (s.fallback) p.set(s.name, *s.fallback);
  for (const auto& [k, v] : values) p.set(k, v);
  return p;
}

/// A share over people with its standard error, households as clusters (ratio estimator:
/// SE = sqrt(sum_h (y_h - R n_h)^2 / (H (H - 1))) / mean n_h).
struct ClusteredShare {
  double share = 0, se = 0;
};

/// Share of people with `in(i)` among those with `eligible(i)`, clustered by household.
template <class In, class Eligible>
ClusteredShare clustered_share(const models::People& p, In in, Eligible eligible) {
  std::vector<double> y(p.households(), 0.0), n(p.households(), 0.0);
  for (std::size_t i = 0; i < p.size(); ++i)
    if (eligible(i)) n[p.household[i]] += 1, y[p.household[i]] += in(i) ? 1 : 0;
  double sy = 0, sn = 0, clusters = 0;
  for (std::size_t h = 0; h < y.size(); ++h)
    if (n[h] > 0) sy += y[h], sn += n[h], clusters += 1;
  const double r = sy / sn;
  double ss = 0;
  for (std::size_t h = 0; h < y.size(); ++h)
    if (n[h] > 0) ss += (y[h] - r * n[h]) * (y[h] - r * n[h]);
  return {r, std::sqrt(ss / (clusters * (clusters - 1))) / (sn / clusters)};
}

}  // namespace wellsim::test
