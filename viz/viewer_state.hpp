#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "viz/colour_map.hpp"
#include "viz/comparison.hpp"
#include "viz/point_grid.hpp"
#include "viz/run_data.hpp"
#include "viz/timeline.hpp"

namespace wellsim::viz {

/// Wellbeing legend: the whole ONS 0-10 scale, so colours mean the same in every run and week.
inline constexpr float kWellbeingLo = 0.0f, kWellbeingHi = 10.0f;

/// Everything the viewer shows, apart from how it is drawn: the run (and baseline), the clock,
/// the colouring mode, the selection. Headless, so the screenshot test and the window agree.
class ViewerState {
 public:
  /// State for `run`, compared with `base` when it is not null (both must outlive this).
  /// Throws sim::InputError if the baseline is not paired with the run.
  ViewerState(RunData& run, RunData* base);

  /// The run.
  RunData& run() { return run_; }
  /// The comparison with the baseline, or null.
  Comparison* comparison() { return comparison_.get(); }
  /// The replay clock.
  Timeline& timeline() { return timeline_; }
  /// Picking index over the layout.
  const PointGrid& grid() const { return grid_; }

  /// True when nodes are coloured by run minus baseline.
  bool difference_mode() const { return difference_; }
  /// Colours by difference (only with a baseline) or by wellbeing.
  void set_difference_mode(bool on);
  /// The colour scale of the current mode.
  const ColourScale& scale() const { return difference_ ? diff_scale_ : wellbeing_scale_; }

  /// Values shown at the timeline's row (wellbeing or difference); recomputed on a change.
  const std::vector<float>& values();
  /// Row whose values() were computed last (to know when colours must be refreshed).
  std::size_t values_row() const { return values_row_; }
  /// Bumped whenever what values() returns may have changed.
  unsigned version() const { return version_; }

  /// The selected person, if any.
  std::optional<sim::AgentId> selected() const { return selected_; }
  /// Selects a person (or none): computes their hop circles and wellbeing series.
  void select(std::optional<sim::AgentId> agent);
  /// Hops from the selected person (empty when none is selected).
  const std::vector<std::uint8_t>& hops() const { return hops_; }
  /// How many hop circles to highlight (1-3).
  int hop_limit = 3;
  /// The selected person's wellbeing at every recorded week.
  const std::vector<float>& selected_series() const { return series_; }

  /// A message shown on screen (a file that failed to read mid-session); empty when none.
  std::string message;

 private:
  RunData& run_;
  std::unique_ptr<Comparison> comparison_;
  Timeline timeline_;
  PointGrid grid_;
  ColourScale wellbeing_scale_, diff_scale_;
  bool difference_ = false;
  std::vector<float> values_;
  std::size_t values_row_ = ~std::size_t{0};
  unsigned version_ = 0;
  std::optional<sim::AgentId> selected_;
  std::vector<std::uint8_t> hops_;
  std::vector<float> series_;
};

}  // namespace wellsim::viz
