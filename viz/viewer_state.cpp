// Everything the viewer shows that is not drawing (week, selection, comparison mode, hop
// circles), so one state drives both the window and the headless screenshot path.
#include "viz/viewer_state.hpp"

#include "sim/hops.hpp"

namespace wellsim::viz {

namespace {

std::unique_ptr<PairedReplay> compare(RunData& run, RunData* base) {
  return base ? std::make_unique<PairedReplay>(run, *base) : nullptr;
}

}  // namespace

ViewerState::ViewerState(RunData& run, RunData* base)
    : run_(run),
      comparison_(compare(run, base)),
      timeline_(run.weeks()),
      grid_(run.layout().x, run.layout().y),
      wellbeing_scale_(MapKind::Sequential, kWellbeingLo, kWellbeingHi),
      diff_scale_(MapKind::Diverging, comparison_ ? -comparison_->range() : -1.0f,
                  comparison_ ? comparison_->range() : 1.0f),
      difference_(comparison_ != nullptr),
      group_series_(run),
      sizes_(viz::node_sizes(run.network(), filter_)) {}

void ViewerState::set_difference_mode(bool on) {
  set_compare_mode(on ? CompareMode::Difference : CompareMode::RunOnly);
}

CompareMode ViewerState::compare_mode() const {
  return difference_     ? CompareMode::Difference
         : side_by_side_ ? CompareMode::SideBySide
                         : CompareMode::RunOnly;
}

void ViewerState::set_compare_mode(CompareMode mode) {
  if (!comparison_) mode = CompareMode::RunOnly;
  if (mode == compare_mode()) return;
  difference_ = mode == CompareMode::Difference;
  side_by_side_ = mode == CompareMode::SideBySide;
  values_row_ = base_values_row_ = ~std::size_t{0};
  base_values_.clear();
  ++version_;
}

const std::vector<float>& ViewerState::base_values() {
  const std::size_t r = timeline_.row();
  if (!side_by_side_ || r == base_values_row_) return base_values_;
  base_values_ = comparison_->base_values_at(r);
  base_values_row_ = r;
  return base_values_;
}

void ViewerState::set_filter(const NodeFilter& filter) {
  if (filter == filter_) return;
  filter_ = filter;
  sizes_ = viz::node_sizes(run_.network(), filter_);
  ++filter_version_;
}

const std::vector<float>& ViewerState::values() {
  const std::size_t r = timeline_.row();
  if (r == values_row_) return values_;
  values_ = difference_ ? comparison_->difference_at(r) : run_.row(r);
  values_row_ = r;
  ++version_;
  return values_;
}

void ViewerState::select(std::optional<sim::AgentId> agent) {
  if (agent && *agent >= run_.agents()) agent.reset();
  selected_ = agent;
  hops_.clear();
  series_.clear();
  household_.clear();
  history_ = {};
  if (agent) {
    std::vector<char> source(run_.agents(), 0);
    source[*agent] = 1;
    hops_ = sim::hop_distances(run_.network(), source, 3);
    series_ = run_.person_series(*agent);
    household_ = run_.people().household(*agent);
    history_ = run_.people().history(*agent);
  }
  ++version_;
}

void ViewerState::set_replicates(const ReplicateMeans& run, const ReplicateMeans* base) {
  mean_band_ = replicate_band(run.means);
  difference_band_ = {};
  if (base && comparison_) difference_band_ = replicate_band(paired_differences(run, *base));
}

}  // namespace wellsim::viz
