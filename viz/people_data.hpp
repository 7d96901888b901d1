#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "output/run_reader.hpp"
#include "sim/network.hpp"
#include "viz/person_history.hpp"

namespace wellsim::viz {

/// Who the people of a community run are, for the person inspector: households, age, tenure,
/// problems and activity at a recorded week, and their events. Static columns are read at open
/// (a few bytes a person); per-week rows and the events only when someone is inspected, so a
/// run without a selection costs nothing more. A run without /people (opinion model, schema 1)
/// has present() false and every list empty.
class PeopleData {
 public:
  /// The people of `reader`'s run (which must outlive this).
  explicit PeopleData(const output::RunReader& reader);

  /// True if the run has people (a community model run).
  bool present() const { return present_; }
  /// `agent`'s household: its members, `agent` included, in agent order (empty without people).
  std::vector<sim::AgentId> household(sim::AgentId agent) const;
  /// Age in years at week 0, or -1 without people.
  int age(sim::AgentId agent) const;
  /// Tenure of the household ("social rent"), or "" without people.
  std::string tenure(sim::AgentId agent) const;
  /// Names of the life-domain problems `agent` has at recorded row `row`.
  std::vector<std::string> domains(sim::AgentId agent, std::size_t row);
  /// `agent`'s activity at recorded row `row` ("employed"), or "" without people.
  std::string activity(sim::AgentId agent, std::size_t row);
  /// What the events say about `agent` (read on first use; empty for files without events).
  PersonHistory history(sim::AgentId agent);

 private:
  const output::RunReader& reader_;
  bool present_ = false;
  std::vector<std::uint32_t> households_;
  std::vector<std::uint8_t> age_, tenure_;
  std::vector<std::string> domain_names_;
  std::vector<std::string> activity_names_, tenure_names_;  // from the run file, as shown
  // One cached row of each: the inspector asks for the same row every frame.
  std::optional<std::size_t> domains_row_, activity_row_;
  std::vector<std::uint32_t> domains_;
  std::vector<std::uint8_t> activity_;
  bool events_read_ = false;
  std::vector<std::string> kinds_;
  output::RunReader::Events events_;
};

}  // namespace wellsim::viz
