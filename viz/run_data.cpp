// One run file as the viewer holds it: read once through output::RunReader (the run file is
// the viewer's only source: names, interventions and series come from it, never from scenario
// text), with per-agent rows cached so scrubbing the timeline does not re-read the file.
#include "viz/run_data.hpp"

#include <algorithm>

#include "sim/errors.hpp"

namespace wellsim::viz {

namespace {

// Rows kept in memory: 256 MiB worth, but never fewer than two (the shown row and the next).
constexpr std::size_t kCacheBytes = std::size_t{256} << 20;

}  // namespace

RunData::RunData(const std::string& path) : reader_(path), people_(reader_) {
  name_ = reader_.parameter_string("run.name");
  caption_ = reader_.parameter_string("run.caption");
  network_ = reader_.network();
  weeks_ = reader_.recorded_steps();
  if (weeks_.empty())
    throw sim::InputError(sim::where(path) + "no per-agent wellbeing row to show");
  steps_ = reader_.steps();
  mean_ = reader_.stat("mean");
  share_low_ = reader_.stat("share_low");
  interventions_ = intervention_spans(reader_.interventions());
  markers_ = timeline_markers(interventions_, steps_.front(), steps_.back());
  model_series_ = read_model_series(reader_);
  layout_stored_ = reader_.has_layout();
  if (layout_stored_) {
    layout_.x = reader_.layout_x();
    layout_.y = reader_.layout_y();
  } else {
    layout_ = sim::compute_layout(network_, reader_.seed());
  }
  const std::size_t row_bytes = sizeof(float) * std::max<std::size_t>(1, agents());
  cache_rows_ = std::max<std::size_t>(2, kCacheBytes / row_bytes);
}

const std::vector<float>& RunData::row(std::size_t r) {
  if (auto it = cache_.find(r); it != cache_.end()) return it->second;
  if (cache_.size() >= cache_rows_) {
    cache_.erase(cache_order_.front());
    cache_order_.pop_front();
  }
  cache_order_.push_back(r);
  return cache_[r] = reader_.wellbeing_at(r);
}

std::vector<float> RunData::person_series(sim::AgentId agent) {
  std::vector<float> out;
  for (std::size_t r = 0; r < weeks_.size(); ++r) out.push_back(row(r).at(agent));
  return out;
}

}  // namespace wellsim::viz
