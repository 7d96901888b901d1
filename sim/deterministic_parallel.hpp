#pragma once
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace wellsim::sim {

/// Agents per block of the deterministic parallel loops: big enough to amortise scheduling,
/// small enough that two cores and sixteen both get many blocks.
constexpr std::size_t kAgentBlock = 1 << 13;

/// Runs `body(begin, end, out)` over fixed blocks of [0, n) in parallel, each block appending to
/// its own vector, and returns the blocks' outputs concatenated in block order. The result is the
/// same for any thread count (DESIGN invariant 1): it is how life events and interventions
/// collect events and candidates without locks.
template <class T, class Body>
std::vector<T> collect_blocks(std::size_t n, Body&& body) {
  const std::size_t blocks = (n + kAgentBlock - 1) / kAgentBlock;
  std::vector<std::vector<T>> parts(blocks);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks), [&](const auto& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b)
      body(b * kAgentBlock, std::min(n, (b + 1) * kAgentBlock), parts[b]);
  });
  std::size_t total = 0;
  for (const auto& p : parts) total += p.size();
  std::vector<T> out;
  out.reserve(total);
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

/// Runs `body(begin, end)` over fixed blocks of [0, n) in parallel (no output).
template <class Body>
void for_blocks(std::size_t n, Body&& body) {
  const std::size_t blocks = (n + kAgentBlock - 1) / kAgentBlock;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks), [&](const auto& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b)
      body(b * kAgentBlock, std::min(n, (b + 1) * kAgentBlock));
  });
}

}  // namespace wellsim::sim
