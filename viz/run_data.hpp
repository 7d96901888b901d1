#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "output/run_reader.hpp"
#include "sim/layout.hpp"
#include "sim/network.hpp"
#include "viz/markers.hpp"
#include "viz/model_series.hpp"
#include "viz/people_data.hpp"

namespace wellsim::viz {

/// One run file as the viewer needs it: the static parts read once at open (network, layout,
/// per-step means), per-agent rows read on demand and cached, so opening a 1,000,000-agent,
/// 500-week run does not read gigabytes.
class RunData {
 public:
  /// Opens `path`; a bad, truncated or newer-schema file throws sim::InputError (one line). A
  /// file without a stored layout gets one computed here.
  explicit RunData(const std::string& path);

  /// The run file.
  const std::string& path() const { return reader_.path(); }
  /// The scenario's run.name.
  const std::string& name() const { return name_; }
  /// The scenario's run.caption ("" when it has none).
  const std::string& caption() const { return caption_; }
  /// Number of agents.
  std::size_t agents() const { return reader_.agent_count(); }
  /// The network, with groups and original ids.
  const sim::Network& network() const { return network_; }
  /// Node positions.
  const sim::Layout& layout() const { return layout_; }
  /// True if the positions came from the file, false if computed on open.
  bool layout_stored() const { return layout_stored_; }
  /// Weeks with a per-agent row, increasing.
  const std::vector<std::int32_t>& weeks() const { return weeks_; }
  /// Every complete week (0..steps_completed).
  const std::vector<std::int32_t>& steps() const { return steps_; }
  /// Mean wellbeing at every complete week.
  const std::vector<double>& mean() const { return mean_; }
  /// Share of people with low wellbeing (below 4.5) at every complete week.
  const std::vector<double>& share_low() const { return share_low_; }
  /// The reader, for what the viewer shows as text (manifest, status).
  const output::RunReader& reader() const { return reader_; }
  /// The scenario's interventions and when they act (empty when it has none).
  const std::vector<InterventionSpan>& interventions() const { return interventions_; }
  /// Ticks where interventions start and stop, over the run's weeks.
  const std::vector<TimelineMarker>& markers() const { return markers_; }
  /// Prevalences and service queues over time (empty for runs without /series).
  const ModelSeries& model_series() const { return model_series_; }
  /// The people of a community run (present() false otherwise).
  PeopleData& people() { return people_; }

  /// Every agent's wellbeing at weeks()[r]; the reference stays valid until the next call.
  const std::vector<float>& row(std::size_t r);
  /// One agent's wellbeing at every recorded week.
  std::vector<float> person_series(sim::AgentId agent);

 private:
  output::RunReader reader_;
  std::string name_, caption_;
  sim::Network network_;
  sim::Layout layout_;
  bool layout_stored_ = false;
  std::vector<std::int32_t> weeks_, steps_;
  std::vector<double> mean_, share_low_;
  std::vector<InterventionSpan> interventions_;
  std::vector<TimelineMarker> markers_;
  ModelSeries model_series_;
  PeopleData people_;
  std::size_t cache_rows_ = 2;
  std::map<std::size_t, std::vector<float>> cache_;
  std::deque<std::size_t> cache_order_;  // oldest first
};

}  // namespace wellsim::viz
