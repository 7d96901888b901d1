#pragma once
// The base of every intervention: what all types share, read once from the common keys of an
// [[intervention]] table (name, active weeks, target, service terms, costs), each declared in one
// line of Intervention::common_table() bound to the member that holds it.
//
// Why a base class and not a configuration struct: each type is a sim::Mechanism of its own
// (DESIGN extension points: one class per type), so the engine calls only the phases it
// subscribes to, and a type's stream is named after the intervention ("intervention/<name>"),
// which keeps every other mechanism's draws unchanged when it is added (DESIGN invariant 2).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/community/world.hpp"
#include "models/interventions/target.hpp"
#include "sim/engine.hpp"
#include "sim/param_table.hpp"
#include "sim/scenario.hpp"

namespace wellsim::models {

/// The level of social work an intervention acts at.
enum class Level { Micro, Meso, Macro };

/// What a type's factory gets: one validated [[intervention]] table and the run it joins.
struct InterventionSetup {
  const sim::ListEntry& entry;       ///< validated keys (entry.variant is the type)
  std::size_t index;                 ///< 1-based position among the file's interventions
  const std::string& scenario_path;  ///< for messages: "FILE:LINE: intervention[2].key: ..."
  const sim::Network& network;       ///< frozen; group_names are the neighbourhoods
  std::shared_ptr<World> world;      ///< shared state of the community model
};

/// Weeks an intervention runs when `end_week` is not given: longer than any run.
constexpr std::int64_t kForever = 1000000;
/// The start week of a change whose campaign failed: later than any end week.
constexpr std::uint32_t kNeverStarts = 0xFFFFFFFFu;

/// Costs in GBP, read from the common cost keys.
struct Costs {
  double fixed = 0;                 ///< once, in the start week
  double per_week = 0;              ///< every active week
  double per_participant = 0;       ///< per person who starts
  double per_participant_week = 0;  ///< per person served per week
};

/// Waiting-list orders of the `queue` key.
enum class QueuePolicy { Need, FirstCome, Random };

/// Shared part of every intervention type (common keys, active weeks, name, stream).
class Intervention : public sim::Mechanism {
 public:
  /// Reads the common keys; throws sim::InputError for a bad target.
  explicit Intervention(const InterventionSetup& setup);
  /// The keys every [[intervention]] has, bound to the members below: `type` (the selector: a
  /// choice of every type, no default), name, weeks, target, uptake, capacity, queue, duration
  /// and costs. Macro policies have no participants: check_interventions refuses their
  /// per-participant keys, and they read none of the service terms.
  static const sim::ParamTable<Intervention>& common_table();
  /// "intervention/<name>": the mechanism's name and the name of its random stream.
  std::string name() const override { return "intervention/" + label_; }
  /// The intervention's own name (the `name` key, or its type when not given).
  const std::string& label() const { return label_; }
  /// The scenario `type`.
  const std::string& type() const { return type_; }
  /// True in weeks start_week..end_week.
  bool active(std::uint32_t step) const { return step >= start_ && step <= end_; }
  /// First active week.
  std::uint32_t start_week() const { return start_; }
  /// Last active week.
  std::uint32_t end_week() const { return end_; }
  /// Starts it in `week` instead of its start_week, or never when `week` is 0: the change an
  /// advocacy campaign wins starts only when it is won (advocacy_campaign.hpp).
  void start_when_won(std::uint32_t week) { start_ = week ? week : kNeverStarts; }

 protected:
  /// "FILE:LINE: intervention[i].KEY: " for messages about one key.
  std::string at(const std::string& key) const;
  /// Resolves `location` among the neighbourhoods; throws sim::InputError for an unknown one or
  /// when the scenario gives no travel times.
  void locate(const sim::Network& net);

  sim::ParamSet params_;  // a copy: the scenario may go away before the run
  std::string label_, type_, path_;
  long line_ = 0;
  std::size_t index_ = 0;
  std::uint32_t start_ = 1, end_ = kForever;
  TargetKeys target_keys_;
  Target target_;
  // Service terms (capacity-limited services use them; see service.hpp).
  double uptake_ = 1;
  std::uint64_t capacity_ = 0;
  QueuePolicy policy_ = QueuePolicy::Need;
  std::uint32_t duration_ = 0;
  Costs costs_;
  // Rural access (models/community/access.hpp): where a service sits, and whether it goes out.
  std::string location_;
  std::int32_t location_group_ = -1;  // index of location_ among the neighbourhoods, -1: none
  bool outreach_ = false;
  double outreach_cost_ = 0;
  std::shared_ptr<World> world_;
};

}  // namespace wellsim::models
