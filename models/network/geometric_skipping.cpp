#include "models/network/geometric_skipping.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "models/network/source_support.hpp"

namespace wellsim::models {
namespace {

// Rows per chunk: enough work per task to amortise scheduling, small enough to balance 2+ cores.
constexpr std::size_t kRowsPerChunk = 8192;

// A run of candidate columns [lo, hi) that row v pairs with at one probability.
struct Segment {
  std::uint64_t lo, hi;
  double log_q;  // log(1 - p); 0 < p <= 1 so this is negative or -inf
  std::uint8_t layer;
};

// Appends the ties of row `row` over one segment; `draw` is the row's running draw counter.
void skip_through(const Segment& seg, sim::AgentId row, const sim::RandomStream& stream,
                  std::uint32_t& draw, bool layered, EdgePiece& out) {
  std::uint64_t next = seg.lo;  // first candidate not yet decided
  while (next < seg.hi) {
    // log(r) with r on (0, 1) has the law of log(1 - r), so one log per tie suffices.
    double skip = std::floor(std::log(stream.uniform(0, row, draw++)) / seg.log_q);
    if (!(skip < static_cast<double>(seg.hi - next))) return;
    next += static_cast<std::uint64_t>(skip);
    out.u.push_back(row);
    out.v.push_back(static_cast<sim::AgentId>(next));
    if (layered) out.layer.push_back(seg.layer);
    ++next;
  }
}

}  // namespace

sim::EdgeList sample_block_model(const BlockModel& model, const sim::RandomStream& stream,
                                 bool layered) {
  std::vector<std::uint64_t> start{0};
  for (auto s : model.sizes) start.push_back(start.back() + s);
  std::vector<double> log_within;
  for (double p : model.p_within) log_within.push_back(std::log1p(-p));
  const double log_between = std::log1p(-model.p_between);

  sim::EdgeList out;
  out.n = static_cast<std::size_t>(start.back());
  std::vector<EdgePiece> pieces(chunk_count(out.n, kRowsPerChunk));
  tbb::parallel_for(std::size_t{0}, pieces.size(), [&](std::size_t c) {
    std::uint64_t first = c * kRowsPerChunk;
    std::uint64_t last = std::min<std::uint64_t>(first + kRowsPerChunk, out.n);
    std::size_t block = 0;
    while (start[block + 1] <= first) ++block;
    for (std::uint64_t row = first; row < last; ++row) {
      while (start[block + 1] <= row) ++block;
      auto id = static_cast<sim::AgentId>(row);
      std::uint32_t draw = 0;
      // Every earlier block shares p_between, so they form one segment: O(1) segments per row
      // however many blocks there are.
      if (model.p_between > 0.0)
        skip_through({0, start[block], log_between, 1}, id, stream, draw, layered, pieces[c]);
      if (model.p_within[block] > 0.0)
        skip_through({start[block], row, log_within[block], 0}, id, stream, draw, layered,
                     pieces[c]);
    }
  });
  concatenate(pieces, out);
  return out;
}

}  // namespace wellsim::models
