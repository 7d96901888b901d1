// The viewer's compare mode: a run replayed against its paired baseline, person by person
// (named PairedReplay so it is not confused with analysis::PolicyComparison, the report's figures).
#include "viz/paired_replay.hpp"

#include <algorithm>

#include "viz/difference.hpp"
#include "viz/timeline.hpp"

namespace wellsim::viz {

PairedReplay::PairedReplay(RunData& run, RunData& base) : run_(run), base_(base) {
  pairing_ =
      pair_agents(run.network().original_id, base.network().original_id, run.path(), base.path());
  range_ = symmetric_range(difference_at(run.weeks().size() - 1));
}

std::size_t PairedReplay::base_row(std::size_t r) const {
  return nearest_row(base_.weeks(), run_.weeks().at(r));
}

bool PairedReplay::same_week(std::size_t r) const {
  return base_.weeks()[base_row(r)] == run_.weeks().at(r);
}

std::vector<float> PairedReplay::difference_at(std::size_t r) {
  // Copy the run's row: reading the baseline's may not evict it (different caches), but the
  // copy keeps this correct whatever the caches do.
  const std::vector<float> run_row = run_.row(r);
  return difference(run_row, base_.row(base_row(r)), pairing_);
}

std::vector<float> PairedReplay::base_values_at(std::size_t r) {
  const std::vector<float>& base = base_.row(base_row(r));
  std::vector<float> out(pairing_.size());
  for (std::size_t i = 0; i < pairing_.size(); ++i) out[i] = base[pairing_[i]];
  return out;
}

std::vector<double> PairedReplay::mean_difference() const {
  const std::size_t k = std::min(run_.mean().size(), base_.mean().size());
  std::vector<double> d(k);
  for (std::size_t s = 0; s < k; ++s) d[s] = run_.mean()[s] - base_.mean()[s];
  return d;
}

}  // namespace wellsim::viz
