// Week-0 life satisfaction by rank of circumstances, calibrated by age.
//
// Mechanism: the values drawn from the ONS distribution (models/population/initial_wellbeing)
// are handed out again so that people whose circumstances score worse (effects + noise, from
// community_wellbeing.cpp) get the lower values; the distribution itself is unchanged. People
// under 16 and people 16+ are ranked separately: the ONS Annual Population Survey asks only
// people 16+, so the 16+ population carries exactly the calibrated distribution, and children
// keep the values drawn for them (the child measure is an assumption: docs/analyst-guide.md).
// Age: circumstances alone put the middle-aged highest (partnered, in work, well paid) and the
// old lower (widowed, ill), the reverse of what the APS finds. So each age band gets an offset
// on the score, found by fixed-point iteration (offset += target - achieved, as a band's mean
// rises about one for one with its offset) until each band's mean minus the 16+ mean is within
// 0.002 of the profile, centred on the town's age mix so that the targets average to zero.
// Default profile: the shape of ONS (2016) "Measuring national well-being: At what age is
// personal well-being the highest?" (APS 2012-15): lowest at 45-59, highest at 65-79, falling
// again from 80; the band values are our reading of its chart, not published band means, and
// carry about +-0.1 points each.
// Why this way: ranks keep the ONS distribution exact while every effect keeps its sign, and the
// offsets are the least change that puts the age profile right.
#include "models/wellbeing/week0_ranks.hpp"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace wellsim::models {

namespace {

constexpr int kIterations = 20;
constexpr double kTolerance = 0.002;

/// Hands the sorted `values` to `who` in order of `key` (ties by index).
/// Sorted in parallel: the set-up's slowest one-thread phase (up to 21 sorts of every adult; 16 of
/// 56 CPU seconds at 6.8 M people). The order is total, so there is one sorted result, whatever
/// the thread count or the algorithm.
void hand_out(sim::AgentStore& a, std::vector<std::uint32_t> who, const std::vector<float>& values,
              const std::vector<float>& key) {
  tbb::parallel_sort(who.begin(), who.end(), [&](std::uint32_t p, std::uint32_t q) {
    return key[p] != key[q] ? key[p] < key[q] : p < q;
  });
  for (std::size_t k = 0; k < who.size(); ++k) a.wellbeing[who[k]] = values[k];
}

std::vector<float> sorted_values(const sim::AgentStore& a, const std::vector<std::uint32_t>& who) {
  std::vector<float> v(who.size());
  for (std::size_t k = 0; k < who.size(); ++k) v[k] = a.wellbeing[who[k]];
  // -0 before +0, so that equal values are told apart by their bits too (a total order).
  tbb::parallel_sort(v.begin(), v.end(), [](float x, float y) {
    return x != y ? x < y : std::signbit(x) > std::signbit(y);
  });
  return v;
}

}  // namespace

int age_band(std::uint8_t age) {
  static constexpr std::array<int, kAgeBands> kLower = {16, 25, 35, 45, 60, 65, 80};
  int band = -1;
  for (int b = 0; b < kAgeBands; ++b)
    if (age >= kLower[b]) band = b;
  return band;
}

const std::vector<double>& default_age_profile() {
  static const std::vector<double> profile = {0.05, -0.05, -0.10, -0.20, 0.00, 0.25, 0.10};
  return profile;
}

void assign_week0_by_rank(sim::AgentStore& a, const std::vector<float>& score,
                          const std::vector<double>& profile) {
  std::vector<std::uint32_t> adults, children;
  for (std::uint32_t i = 0; i < a.size(); ++i) (a.age[i] >= 16 ? adults : children).push_back(i);
  hand_out(a, children, sorted_values(a, children), score);
  const std::vector<float> values = sorted_values(a, adults);
  if (profile.empty() || adults.empty()) return hand_out(a, adults, values, score);
  std::array<double, kAgeBands> count{}, target{}, offset{};
  for (auto i : adults) count[age_band(a.age[i])] += 1;
  double centre = 0;
  for (int b = 0; b < kAgeBands; ++b) centre += count[b] * profile[b] / adults.size();
  for (int b = 0; b < kAgeBands; ++b) offset[b] = target[b] = profile[b] - centre;
  std::vector<float> key(score);
  for (int it = 0; it < kIterations; ++it) {
    for (auto i : adults) key[i] = score[i] + static_cast<float>(offset[age_band(a.age[i])]);
    hand_out(a, adults, values, key);
    std::array<double, kAgeBands> sum{};
    double total = 0;
    for (auto i : adults) sum[age_band(a.age[i])] += a.wellbeing[i], total += a.wellbeing[i];
    double worst = 0;
    for (int b = 0; b < kAgeBands; ++b) {
      if (count[b] == 0) continue;
      const double error = target[b] - (sum[b] / count[b] - total / adults.size());
      offset[b] += error;
      worst = std::max(worst, std::abs(error));
    }
    if (worst < kTolerance) return;
  }
}

}  // namespace wellsim::models
