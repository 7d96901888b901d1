#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/state.hpp"

namespace wellsim::sim {

/// One thing that happened to one person: a life event or an intervention's action.
struct Event {
  std::uint32_t step;    ///< week it happened
  std::uint32_t agent;   ///< who (agent index after renumbering)
  std::uint32_t other;   ///< the other person of a tie event, else kNoAgent
  std::uint16_t kind;    ///< index into Ledger::event_kinds
  std::uint16_t detail;  ///< kind-specific code (e.g. weeks waited), 0 when unused
};

/// `Event::other` when an event involves one person.
constexpr std::uint32_t kNoAgent = 0xFFFFFFFFu;

/// What a model reports besides per-agent state: named per-step figures (domain prevalences,
/// service queues, costs) and the week's events. Mechanisms declare their series and event kinds
/// before the run (so the writer can lay out the file once), set values during a step, and the
/// engine hands the ledger to the observer at each step boundary, then clears the events.
class Ledger {
 public:
  /// Declares a series and returns its index; names are '/'-separated paths
  /// ("prevalence/homeless", "service/food_bank/queue"). Declaring a name twice is a logic error.
  std::size_t add_series(const std::string& name);
  /// Declares an event kind ("onset/homeless", "intervention/food_bank/start").
  std::uint16_t add_event_kind(const std::string& name);
  /// Sets series `index` for the step being computed.
  void set(std::size_t index, double value) { values_[index] = value; }
  /// Appends events (in a deterministic order the caller guarantees).
  void record(const std::vector<Event>& events) {
    events_.insert(events_.end(), events.begin(), events.end());
  }
  /// Appends one event.
  void record(const Event& e) { events_.push_back(e); }

  /// Series names in declaration order.
  const std::vector<std::string>& series_names() const { return series_names_; }
  /// Values of this step, one per series.
  const std::vector<double>& values() const { return values_; }
  /// Event kind names by kind index.
  const std::vector<std::string>& event_kinds() const { return event_kinds_; }
  /// Events of this step.
  const std::vector<Event>& events() const { return events_; }
  /// Index of a declared series, or -1.
  long find_series(const std::string& name) const;
  /// Lists the series values for checkpoints: a series a step does not set keeps its value.
  void state(StateVisitor& v) { visit(v, "ledger.values", values_); }
  /// Starts a new step: events cleared; series values kept (a series not set keeps its value).
  void begin_step() { events_.clear(); }

 private:
  std::vector<std::string> series_names_;
  /// Index of each name in series_names_: a country's thousands of neighbourhoods declare over
  /// 100,000 series, which a linear search per declaration took minutes to check.
  std::unordered_map<std::string, std::size_t> series_index_;
  std::vector<double> values_;
  std::vector<std::string> event_kinds_;
  std::vector<Event> events_;
};

}  // namespace wellsim::sim
