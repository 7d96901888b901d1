#include "viz/live_view.hpp"

#include <algorithm>

#include "sim/errors.hpp"
#include "viz/difference.hpp"
#include "viz/viewer_state.hpp"

namespace wellsim::viz {

std::int64_t person_id(const LiveModel& m, sim::AgentId a) {
  const auto& ids = m.network().original_id;
  return a < ids.size() ? ids[a] : std::int64_t(a);
}

sim::AgentId find_person(const LiveModel& m, long long id) {
  const std::size_t n = m.network().size();
  for (sim::AgentId a = 0; a < n; ++a)
    if (person_id(m, a) == id) return a;
  throw sim::InputError("--select " + std::to_string(id) + ": no person with that id among the " +
                        std::to_string(n) + " people of the live scenario");
}

LiveHousehold household_of(const LiveModel& m, sim::AgentId a) {
  const auto h = m.households();
  if (a >= h.size()) return {};
  // Members are consecutive agents (DESIGN invariant 5): walk out from `a` both ways.
  std::size_t lo = a, hi = a + 1;
  while (lo > 0 && h[lo - 1] == h[a]) --lo;
  while (hi < h.size() && h[hi] == h[a]) ++hi;
  LiveHousehold out{h[a], {}};
  for (std::size_t k = lo; k < hi; ++k) out.members.push_back(sim::AgentId(k));
  return out;
}

void LiveView::set_speed(double weeks_per_second) {
  speed_ = std::clamp(weeks_per_second, 0.25, kMaxSpeed);
}

int LiveView::advance(double seconds) {
  if (!playing_) {
    owed_ = 0;
    return 0;
  }
  owed_ = std::min(owed_ + seconds * speed_, double(kMaxStepsPerFrame));
  int done = 0;
  while (owed_ >= 1) {
    owed_ -= 1;
    if (!model_.step()) {
      playing_ = false;
      owed_ = 0;
      break;
    }
    ++done;
  }
  return done;
}

LiveShow LiveView::show() const {
  return show_ == LiveShow::Difference && !model_.forked() ? LiveShow::Policy : show_;
}

const std::vector<float>& LiveView::values() {
  const LiveShow s = show();
  if (s != LiveShow::Difference) {
    const auto w =
        model_.wellbeing(s == LiveShow::Baseline ? LiveBranch::Baseline : LiveBranch::Policy);
    values_.assign(w.begin(), w.end());
    return values_;
  }
  const auto policy = model_.wellbeing(LiveBranch::Policy);
  const auto base = model_.wellbeing(LiveBranch::Baseline);
  values_.resize(policy.size());
  for (std::size_t i = 0; i < policy.size(); ++i) values_[i] = policy[i] - base[i];
  if (range_fork_ != model_.fork_week()) {
    range_fork_ = model_.fork_week();
    range_ = 0.01f;
  }
  range_ = std::max(range_, symmetric_range(values_));
  return values_;
}

ColourScale LiveView::scale() const {
  if (show() == LiveShow::Difference) return ColourScale(MapKind::Diverging, -range_, range_);
  return ColourScale(MapKind::Sequential, kWellbeingLo, kWellbeingHi);
}

}  // namespace wellsim::viz
