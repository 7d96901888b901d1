#pragma once
#include <cstdint>
#include <vector>

#include "viz/run_data.hpp"

namespace wellsim::viz {

/// A run against its paired baseline: each person's wellbeing minus their baseline self's at
/// the same week, the ripple of a policy through the network.
class PairedReplay {
 public:
  /// Pairs the agents of `run` and `base` (both must outlive this); throws sim::InputError
  /// naming both files if they are not the same population.
  PairedReplay(RunData& run, RunData& base);

  /// The baseline row for the run's row `r`: the same week, or the nearest the baseline has.
  std::size_t base_row(std::size_t r) const;
  /// True if the baseline recorded exactly the week of the run's row `r`.
  bool same_week(std::size_t r) const;
  /// Run minus baseline for every agent at the run's row `r`.
  std::vector<float> difference_at(std::size_t r);
  /// The baseline's wellbeing at the run's row `r`, in the run's agent order (agent i holds
  /// their paired baseline self's value), for the side-by-side view.
  std::vector<float> base_values_at(std::size_t r);
  /// Half-width of the legend, fixed for the whole replay (from the last row) so colours mean
  /// the same every week.
  float range() const { return range_; }
  /// Mean wellbeing, run minus baseline, for every week both files have.
  std::vector<double> mean_difference() const;
  /// The baseline.
  const RunData& base() const { return base_; }

 private:
  RunData& run_;
  RunData& base_;
  std::vector<std::uint32_t> pairing_;
  float range_ = 1;
};

}  // namespace wellsim::viz
