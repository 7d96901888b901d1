#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace wellsim::viz {

/// For each agent of a run, the column of its paired self in the baseline: the agent with the
/// same original id. Runs of one scenario family share the network, so this is usually the
/// identity; a reordered baseline still pairs. Throws sim::InputError naming both files when
/// the populations differ (count or ids), because a difference map would then be meaningless.
std::vector<std::uint32_t> pair_agents(std::span<const std::int64_t> run_ids,
                                       std::span<const std::int64_t> base_ids,
                                       const std::string& run_path, const std::string& base_path);

/// run[i] - base[pairing[i]] for every agent i.
std::vector<float> difference(std::span<const float> run, std::span<const float> base,
                              std::span<const std::uint32_t> pairing);

/// Half-width of a symmetric legend for `diffs`: the 99th percentile of |d| (so one outlier
/// does not wash out the map), rounded up to 1, 2 or 5 times a power of ten; at least 0.01.
float symmetric_range(std::span<const float> diffs);

/// Rounds `x` > 0 up to 1, 2 or 5 times a power of ten (legend ends people can read).
float nice_ceil(float x);

}  // namespace wellsim::viz
