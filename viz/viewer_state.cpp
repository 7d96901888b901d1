#include "viz/viewer_state.hpp"

#include "viz/hops.hpp"

namespace wellsim::viz {

namespace {

std::unique_ptr<Comparison> compare(RunData& run, RunData* base) {
  return base ? std::make_unique<Comparison>(run, *base) : nullptr;
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
      difference_(comparison_ != nullptr) {}

void ViewerState::set_difference_mode(bool on) {
  on = on && comparison_;
  if (on == difference_) return;
  difference_ = on;
  values_row_ = ~std::size_t{0};
  ++version_;
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
  if (agent) {
    hops_ = hop_distances(run_.network(), *agent, 3);
    series_ = run_.person_series(*agent);
  }
  ++version_;
}

}  // namespace wellsim::viz
