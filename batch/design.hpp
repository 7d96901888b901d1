#pragma once
// Experimental designs: the points at which an experiment runs its scenarios.
//
// A design is a table of points, one row per point and one column per factor, in factor units.
// Grid: the full factorial of each factor's values. Latin hypercube: `points` rows, one draw in
// each of `points` equal strata of every factor (McKay, Beckman & Conover 1979). Sobol: Saltelli's
// (2002, 2010) scheme on a randomised Sobol' sequence (Joe & Kuo direction numbers from
// boost::random::sobol, digitally shifted by the seed): for each of `points` base rows j the rows
// A_j, AB_j^(1..k), B_j — the order SALib uses without second-order terms — so N(k+2) rows.
// Morris: `points` trajectories of k+1 rows on a `levels`-level grid (Morris 1991), consecutive
// rows of a trajectory differing in exactly one factor by Δ = levels/(2(levels−1)).
// Every design is a pure function of its spec and factors: the same seed gives the same rows.
#include <cstdint>
#include <string>
#include <vector>

namespace wellsim::batch {

/// One factor: a parameter by its dotted name and the values it may take.
struct Factor {
  std::string name;            ///< dotted parameter name, e.g. "intervention.warm_spaces.capacity"
  std::vector<double> values;  ///< explicit values (grid); empty when a range is given
  double min = 0, max = 0;     ///< range (every design but an explicit-values grid)
  std::uint32_t steps = 0;     ///< grid over a range: this many evenly spaced values (>= 2)
  bool integer = false;        ///< values are rounded to the nearest integer
};

enum class DesignKind { Grid, LatinHypercube, Sobol, Morris };

/// How the points are chosen.
struct DesignSpec {
  DesignKind kind = DesignKind::Grid;
  std::uint64_t seed = 1;    ///< seeds LHS, the Sobol' shift and Morris starts
  std::uint32_t points = 0;  ///< LHS rows; Sobol base rows N; Morris trajectories r
  std::uint32_t levels = 4;  ///< Morris grid levels p (even)
};

/// The rows of a design, in factor units (integer factors rounded).
struct Design {
  DesignKind kind = DesignKind::Grid;
  std::vector<std::string> factors;       ///< factor names, column order
  std::vector<std::vector<double>> rows;  ///< one per point, factors.size() values each
  std::uint32_t base = 0;                 ///< Sobol N or Morris r (0 for grid and LHS)
  std::uint32_t levels = 0;               ///< Morris p
};

/// Name of a kind as written in experiment files: "grid", "lhs", "sobol", "morris".
std::string design_kind_name(DesignKind kind);
/// The kind of a name; throws sim::InputError listing the names for anything else.
DesignKind design_kind_of(const std::string& name);

/// The design's rows. Throws sim::InputError (one line, naming the factor) for an empty factor,
/// min >= max, a grid range with steps < 2, Morris levels odd or < 2, points == 0 for LHS /
/// Sobol / Morris, or more points than the factors can make distinct (e.g. an LHS of 20 points
/// over an integer factor with 5 values, or a grid whose product exceeds 1,000,000 rows).
Design make_design(const DesignSpec& spec, const std::vector<Factor>& factors);

}  // namespace wellsim::batch
