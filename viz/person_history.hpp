#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "output/run_reader.hpp"
#include "sim/network.hpp"

namespace wellsim::viz {

/// One stay of a person with one intervention: from its queue to its end. -1: did not happen
/// (yet, or within the run).
struct ProgrammeSpell {
  std::string intervention;      ///< the intervention's name
  std::int32_t queued = -1;      ///< week they joined its waiting list
  std::int32_t start = -1;       ///< week they started receiving it
  std::int32_t end = -1;         ///< week it ended for them
  std::int32_t left_queue = -1;  ///< week they left the waiting list without being served
  /// Other steps the intervention recorded for them ("recovered", "referred"), with the week.
  std::vector<std::pair<std::string, std::int32_t>> outcomes;
};

/// A tie a programme made between the person and someone else.
struct ProgrammeTie {
  std::string programme;     ///< the intervention's name (`tie/<name>`)
  sim::AgentId partner = 0;  ///< the other person
  std::int32_t week = 0;     ///< when
};

/// A life event: a problem's onset or end, a job lost or found, a bereavement.
struct LifeEvent {
  std::string what;       ///< the event kind ("onset/homeless", "job_loss")
  std::int32_t week = 0;  ///< when
};

/// Everything the events say about one person, each list in the order it happened.
struct PersonHistory {
  std::vector<ProgrammeSpell> spells;  ///< interventions received (or waited for)
  std::vector<ProgrammeTie> ties;      ///< programme ties, either side of the event
  std::vector<LifeEvent> life;         ///< life events
};

/// The history of `agent` from a run's events (`kinds` names each event kind). A start without a
/// queued event opens a spell of its own; an end closes the person's latest open spell of that
/// intervention; any other `intervention/<name>/<what>` is an outcome of the latest spell. Other
/// kinds are skipped, so newer files still show what this build knows.
PersonHistory person_history(const output::RunReader::Events& events,
                             const std::vector<std::string>& kinds, sim::AgentId agent);

}  // namespace wellsim::viz
