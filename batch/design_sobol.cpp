// Saltelli's design on a randomised Sobol' sequence.
//
// boost::random::sobol gives the Sobol' sequence with Joe & Kuo (2008) direction numbers as
// 64-bit integers per coordinate. The first point (all zeros) is skipped, as SALib does. A
// random digital shift — each coordinate XOR a random word of its dimension, drawn from
// sim::RandomStream keyed by the seed — keeps the net's stratification (Owen 1995's
// randomisation, its simplest form) while letting the seed change the design. The first k
// dimensions are matrix A, the last k matrix B (Saltelli 2002, 2010), and each base row j gives
// A_j, AB_j^(1..k) (A_j with column i from B_j), B_j — SALib's order without second order.
#include <boost/random/sobol.hpp>
#include <cstdint>
#include <vector>

#include "batch/design_detail.hpp"
#include "sim/rng.hpp"

namespace wellsim::batch::detail {

std::size_t saltelli_max_factors() { return boost::random::default_sobol_table::max_dimension / 2; }

namespace {

// A 64-bit integer coordinate as a double in (0, 1): its top 53 bits and half an ulp.
double to_unit(std::uint64_t x) { return (static_cast<double>(x >> 11) + 0.5) * 0x1p-53; }

}  // namespace

std::vector<std::vector<double>> saltelli_unit(std::uint32_t n, std::size_t k, std::uint64_t seed) {
  const sim::RandomStream rng(seed, 0, "batch.design.sobol");
  const std::size_t dims = 2 * k;
  std::vector<std::uint64_t> shift(dims);
  for (std::size_t d = 0; d < dims; ++d) {
    const auto w = rng.words(0, static_cast<std::uint32_t>(d));
    shift[d] = (std::uint64_t{w[0]} << 32) | w[1];
  }
  boost::random::sobol sequence(dims);
  sequence.discard(dims);  // the first point, all zeros
  std::vector<std::vector<double>> rows;
  rows.reserve(static_cast<std::size_t>(n) * (k + 2));
  std::vector<double> point(dims);
  for (std::uint32_t j = 0; j < n; ++j) {
    for (std::size_t d = 0; d < dims; ++d) point[d] = to_unit(sequence() ^ shift[d]);
    const std::vector<double> a(point.begin(), point.begin() + k),
        b(point.begin() + k, point.end());
    rows.push_back(a);
    for (std::size_t i = 0; i < k; ++i) {
      rows.push_back(a);
      rows.back()[i] = b[i];
    }
    rows.push_back(b);
  }
  return rows;
}

}  // namespace wellsim::batch::detail
