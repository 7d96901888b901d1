// Pairs each agent with its baseline self by original id, so a comparison stays right even when
// the baseline's agents are numbered differently.
#include "viz/difference.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include "sim/errors.hpp"

namespace wellsim::viz {

std::vector<std::uint32_t> pair_agents(std::span<const std::int64_t> run_ids,
                                       std::span<const std::int64_t> base_ids,
                                       const std::string& run_path, const std::string& base_path) {
  const std::string not_paired = run_path + " and baseline " + base_path + " are not paired: ";
  if (run_ids.size() != base_ids.size())
    throw sim::InputError(not_paired + std::to_string(run_ids.size()) + " agents against " +
                          std::to_string(base_ids.size()));
  const std::size_t n = run_ids.size();
  std::vector<std::uint32_t> pairing(n);
  if (std::equal(run_ids.begin(), run_ids.end(), base_ids.begin())) {
    for (std::size_t i = 0; i < n; ++i) pairing[i] = static_cast<std::uint32_t>(i);
    return pairing;
  }
  std::unordered_map<std::int64_t, std::uint32_t> column;
  column.reserve(n);
  for (std::size_t j = 0; j < n; ++j)
    if (!column.emplace(base_ids[j], static_cast<std::uint32_t>(j)).second)
      throw sim::InputError(not_paired + "id " + std::to_string(base_ids[j]) +
                            " appears twice in the baseline");
  for (std::size_t i = 0; i < n; ++i) {
    const auto it = column.find(run_ids[i]);
    if (it == column.end())
      throw sim::InputError(not_paired + "agent id " + std::to_string(run_ids[i]) +
                            " is not in the baseline");
    pairing[i] = it->second;
  }
  return pairing;
}

std::vector<float> difference(std::span<const float> run, std::span<const float> base,
                              std::span<const std::uint32_t> pairing) {
  if (run.size() != pairing.size() || base.size() != pairing.size())
    throw std::invalid_argument("difference: run, baseline and pairing differ in size");
  std::vector<float> d(run.size());
  for (std::size_t i = 0; i < run.size(); ++i) d[i] = run[i] - base[pairing[i]];
  return d;
}

float nice_ceil(float x) {
  if (!(x > 0) || !std::isfinite(x)) return 1.0f;
  const double p = std::pow(10.0, std::floor(std::log10(double(x))));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= double(x) * (1 - 1e-6)) return float(m * p);
  return float(10 * p);
}

float symmetric_range(std::span<const float> diffs) {
  std::vector<float> mag;
  mag.reserve(diffs.size());
  for (float d : diffs)
    if (std::isfinite(d)) mag.push_back(std::fabs(d));
  if (mag.empty()) return 0.01f;
  const std::size_t k =
      std::min(mag.size() - 1, static_cast<std::size_t>(0.99 * double(mag.size())));
  std::nth_element(mag.begin(), mag.begin() + static_cast<std::ptrdiff_t>(k), mag.end());
  return mag[k] > 0.01f ? nice_ceil(mag[k]) : 0.01f;
}

}  // namespace wellsim::viz
