#include "sim/step_stats.hpp"

#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace wellsim::sim {

namespace {

constexpr std::size_t kBlock =
    1 << 14;                  // fixed blocks: the summation order never depends on threads
constexpr int kBins = 10000;  // quantile resolution 0.001 on the 0-10 scale

struct Partial {
  double sum = 0, sumsq = 0;
  float min = 10.f, max = 0.f;
  std::uint64_t low = 0, high = 0;
};

}  // namespace

StepStats summarise(std::span<const float> values) {
  StepStats s;
  const std::size_t n = values.size();
  if (n == 0) return s;
  const std::size_t blocks = (n + kBlock - 1) / kBlock;
  std::vector<Partial> partial(blocks);
  // Integer histograms add up the same in any order, so each worker thread keeps its own (no
  // contention) and they are merged after; the result cannot depend on the thread count.
  tbb::combinable<std::vector<std::uint32_t>> local_hist(
      [] { return std::vector<std::uint32_t>(kBins, 0); });
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks), [&](const auto& r) {
    auto& hist = local_hist.local();
    for (std::size_t b = r.begin(); b != r.end(); ++b) {
      // Four interleaved accumulators break the dependency chain of one running sum; the
      // grouping is fixed by the index, so the result is the same on any thread.
      double sum[4] = {0, 0, 0, 0}, sumsq[4] = {0, 0, 0, 0};
      Partial p;
      const std::size_t begin = b * kBlock, end = std::min(n, begin + kBlock);
      for (std::size_t i = begin; i < end; ++i) {
        const float x = values[i];
        sum[i & 3] += x;
        sumsq[i & 3] += double(x) * x;
        p.min = std::min(p.min, x);
        p.max = std::max(p.max, x);
        p.low += x < 4.5f;
        p.high += x >= 6.5f;
        ++hist[std::clamp(static_cast<int>(x * (kBins / 10.0f)), 0, kBins - 1)];
      }
      p.sum = (sum[0] + sum[1]) + (sum[2] + sum[3]);
      p.sumsq = (sumsq[0] + sumsq[1]) + (sumsq[2] + sumsq[3]);
      partial[b] = p;
    }
  });
  std::vector<std::uint64_t> hist(kBins, 0);
  local_hist.combine_each([&](const std::vector<std::uint32_t>& h) {
    for (int k = 0; k < kBins; ++k) hist[k] += h[k];
  });
  Partial total;
  for (const auto& p : partial) {
    total.sum += p.sum;
    total.sumsq += p.sumsq;
    total.min = std::min(total.min, p.min);
    total.max = std::max(total.max, p.max);
    total.low += p.low;
    total.high += p.high;
  }
  s.mean = total.sum / n;
  s.sd = n > 1 ? std::sqrt(std::max(0.0, (total.sumsq - total.sum * s.mean) / (n - 1))) : 0.0;
  s.min = total.min;
  s.max = total.max;
  s.share_low = double(total.low) / n;
  s.share_high = double(total.high) / n;

  // Quantile q: the bin where the cumulative count passes q*n, interpolated linearly within it.
  auto quantile = [&](double q) {
    double target = q * n, cum = 0;
    for (int k = 0; k < kBins; ++k) {
      if (cum + hist[k] >= target && hist[k] > 0) {
        double frac = (target - cum) / hist[k];
        return std::clamp((k + frac) * (10.0 / kBins), double(s.min), double(s.max));
      }
      cum += hist[k];
    }
    return double(s.max);
  };
  s.p10 = quantile(0.10);
  s.p25 = quantile(0.25);
  s.median = quantile(0.50);
  s.p75 = quantile(0.75);
  s.p90 = quantile(0.90);
  return s;
}

}  // namespace wellsim::sim
