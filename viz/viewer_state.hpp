#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "viz/colour_map.hpp"
#include "viz/group_series.hpp"
#include "viz/node_sizes.hpp"
#include "viz/paired_replay.hpp"
#include "viz/point_grid.hpp"
#include "viz/replicate_band.hpp"
#include "viz/replicate_set.hpp"
#include "viz/run_data.hpp"
#include "viz/timeline.hpp"

namespace wellsim::viz {

/// Wellbeing legend: the whole ONS 0-10 scale, so colours mean the same in every run and week.
inline constexpr float kWellbeingLo = 0.0f, kWellbeingHi = 10.0f;

/// How a comparison is shown: one map of run minus baseline, the two runs side by side (each
/// coloured by its own wellbeing), or the run alone.
enum class CompareMode { Difference, SideBySide, RunOnly };

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
  PairedReplay* comparison() { return comparison_.get(); }
  /// The replay clock.
  Timeline& timeline() { return timeline_; }
  /// Picking index over the layout.
  const PointGrid& grid() const { return grid_; }

  /// True when nodes are coloured by run minus baseline.
  bool difference_mode() const { return difference_; }
  /// Colours by difference (only with a baseline) or by wellbeing.
  void set_difference_mode(bool on);
  /// True when the run and its baseline are shown side by side, each by its own wellbeing.
  bool side_by_side() const { return side_by_side_; }
  /// How the comparison is shown (RunOnly without a baseline).
  CompareMode compare_mode() const;
  /// Shows a comparison as a difference map or side by side (without a baseline: no effect).
  void set_compare_mode(CompareMode mode);
  /// The baseline's wellbeing at the timeline's row, in the run's agent order (side by side;
  /// empty otherwise).
  const std::vector<float>& base_values();

  /// Mean wellbeing by neighbourhood over the recorded weeks (filled in a few rows a frame).
  GroupSeries& group_series() { return group_series_; }
  /// Which neighbourhoods are drawn, and whether nodes are sized by degree.
  const NodeFilter& filter() const { return filter_; }
  /// Changes the filter; bumps filter_version() when it differs.
  void set_filter(const NodeFilter& filter);
  /// Bumped whenever the filter changes (to know when sizes must be uploaded again).
  unsigned filter_version() const { return filter_version_; }
  /// Each node's size factor under the filter (0: hidden).
  const std::vector<float>& node_sizes() const { return sizes_; }
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
  const std::vector<std::uint32_t>& hops() const { return hops_; }
  /// How many hop circles to highlight (1-3).
  int hop_limit = 3;
  /// The selected person's wellbeing at every recorded week.
  const std::vector<float>& selected_series() const { return series_; }
  /// The selected person's household, them included (empty without a selection or people).
  const std::vector<sim::AgentId>& selected_household() const { return household_; }
  /// What the run's events say about the selected person (empty without a selection).
  const PersonHistory& selected_history() const { return history_; }

  /// Bands the mean chart with `run`'s replicates (the viewed run among them) and, when `base`
  /// is given, the difference chart with the replicates both sides have, paired by number.
  void set_replicates(const ReplicateMeans& run, const ReplicateMeans* base);
  /// The band behind the mean-over-time chart (kind None: no replicates).
  const ReplicateBand& mean_band() const { return mean_band_; }
  /// The band behind the mean-difference chart (kind None: no paired replicates).
  const ReplicateBand& difference_band() const { return difference_band_; }

  /// A message shown on screen (a file that failed to read mid-session); empty when none.
  std::string message;

 private:
  RunData& run_;
  std::unique_ptr<PairedReplay> comparison_;
  Timeline timeline_;
  PointGrid grid_;
  ColourScale wellbeing_scale_, diff_scale_;
  bool difference_ = false, side_by_side_ = false;
  std::vector<float> values_, base_values_;
  std::size_t values_row_ = ~std::size_t{0}, base_values_row_ = ~std::size_t{0};
  GroupSeries group_series_;
  NodeFilter filter_;
  unsigned filter_version_ = 0;
  std::vector<float> sizes_;
  unsigned version_ = 0;
  std::optional<sim::AgentId> selected_;
  std::vector<std::uint32_t> hops_;
  std::vector<float> series_;
  std::vector<sim::AgentId> household_;
  PersonHistory history_;
  ReplicateBand mean_band_, difference_band_;
};

}  // namespace wellsim::viz
