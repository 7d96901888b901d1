#pragma once
// Whole community runs in memory, for the tests that compare a baseline with a policy: the
// scenario text is assembled exactly as `wellsim run` does it and every step is kept.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/engine.hpp"

namespace wellsim::test {

/// Everything a paired comparison needs from one run.
struct RunRecord : sim::StepObserver {
  std::vector<std::vector<float>> wellbeing;          ///< per step (0..steps), every agent
  std::vector<std::vector<std::uint32_t>> domains;    ///< per step, every agent
  std::vector<sim::Event> events;                     ///< every event, in order
  std::vector<std::string> kinds;                     ///< event kind names
  std::vector<std::string> series_names;              ///< ledger series names
  std::vector<std::vector<double>> series;            ///< per step, every series
  sim::Network network;                               ///< the frozen network
  std::vector<std::uint32_t> household;               ///< household of each agent
  std::vector<std::uint8_t> age, activity0, traits0;  ///< age; activity and traits at week 0
  /// Per step with [demography] (else empty): presence, age and traits of every agent.
  std::vector<std::vector<std::uint8_t>> present, ages, traits;

  void on_start(const sim::Network& net, const sim::AgentStore& a, const sim::Ledger& l) override;
  void on_step(std::uint32_t, const sim::AgentStore& a, const sim::Ledger& l) override;
  void on_finish(std::uint32_t) override {}
  /// Index of the event kind named `name`; std::invalid_argument when the run has none.
  std::uint16_t kind(const std::string& name) const;
  /// Agents with an event whose kind name is `kind`.
  std::vector<std::uint32_t> agents_with(const std::string& kind) const;
  /// Values of a series over the steps.
  std::vector<double> series_of(const std::string& name) const;
};

/// Parses `text` as a scenario in the scenarios/ folder, assembles it and runs it.
RunRecord run_scenario_text(const std::string& text);
/// The same with the engine held to `threads` threads (for the thread-count comparisons).
RunRecord run_scenario_text(const std::string& text, int threads);

/// The Karnataka villages scenario (villages with no ties between them) for `steps` weeks with
/// `seed`, ending in its [network] table; "" when the shared data is absent.
std::string karnataka_villages(int seed, int steps);

/// How a policy run differs from its baseline among the people it cannot reach.
struct Reach {
  std::size_t unreachable = 0;      ///< people with no path of ties from any source
  std::size_t reached_changed = 0;  ///< reachable people who differ in the last week
  std::string first_difference;     ///< "agent I differs at week S" for an unreachable one, or ""
};

/// The Karnataka villages for 30 weeks with `tables` after their [network] table, run as they
/// are and with a community hub of 60 places for village 1 from week 5: a policy whose reach
/// ends at village 1's edge, since no ties join the villages.
struct VillageHubPair {
  RunRecord base, policy;
};
/// Runs the pair; empty when the shared data is absent.
std::optional<VillageHubPair> village_hub_pair(const std::string& tables);
/// Requires (in the running test) that the villages' hub named "hub" reached people, that no one
/// it cannot reach differs in any week, and that over 30,000 are unreachable and over 10 reached
/// ones changed.
void check_hub_reach(const RunRecord& base, const RunRecord& policy);

/// Compares every person unreachable from `sources` (over the policy's frozen ties) in every
/// week, wellbeing and domains, and counts the reachable ones changed by the last week.
Reach compare_unreachable(const RunRecord& base, const RunRecord& policy,
                          const std::vector<std::uint32_t>& sources);

/// What check_served_gap checked among the people of served households.
struct ServedGap {
  std::size_t checked = 0;          ///< people whose values never touched an end of the scale
  std::size_t gained = 0;           ///< of them, ahead of the baseline by 0.01 in the last week
  std::size_t children_gained = 0;  ///< of those, children under 16
};

/// With social terms off (no ties' influence, no support buffering), a person's wellbeing moves
/// only with their own circumstances. Requires everyone outside the `served` households to be
/// bit-identical in every week (wellbeing and domains), and, inside one, only `bit` to differ
/// and the wellbeing gap to follow x(t) = x(t-1) + alpha (effect (bit_policy - bit_base) -
/// x(t-1)) within 2e-4; fails the running test otherwise.
ServedGap check_served_gap(const RunRecord& base, const RunRecord& policy,
                           const std::set<std::uint32_t>& served, std::uint32_t bit, float effect,
                           float alpha = 0.25f);

/// Hop distance from the nearest of `sources` over the frozen ties (~0u when unreachable).
std::vector<std::uint32_t> distances_from(const sim::Network& net,
                                          const std::vector<std::uint32_t>& sources);

}  // namespace wellsim::test
