#pragma once
// A live session (`wellsim view --live`): a scenario's model stepped week by week for the viewer,
// and, once the teacher changes an intervention, a second branch beside the untouched one.
//
// Why two engines and no copy of state: each branch is defined by a scenario, and a scenario
// with its seed gives one run (counter-based random numbers, DESIGN invariants 1 and 2). A fork
// therefore rebuilds the policy branch from its edited scenario and re-runs it to the current
// week (2.6 ms a week at 20,000 people), which is the same run `wellsim run` makes of that
// scenario by construction, whatever the edit changed (a mechanism added, ended or removed).
// Saving a branch runs its scenario into a run file the way `wellsim run` does; the tests check
// that the weeks seen live are the weeks in the file.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "models/assemble.hpp"
#include "sim/scenario.hpp"

namespace wellsim::batch {

/// The two branches of a live session.
enum class Branch {
  Baseline,  ///< the scenario as loaded, never edited
  Policy,    ///< the scenario with the teacher's edits (the baseline's twin until the first)
};

/// One intervention of a branch's scenario, as the panel lists it.
struct LiveIntervention {
  std::string name;                               ///< its name (series, events, random stream)
  std::string type;                               ///< scenario `type`
  std::int64_t start_week = 1;                    ///< first week it acts
  std::int64_t end_week = 1;                      ///< last week it acts
  std::map<std::string, sim::ParamValue> values;  ///< every key's value, defaults included
};

/// Whom a live edit reaches when the teacher picked a person on the map: set as the edit's
/// target.people and target.households (empty lists leave the tables' own).
struct LiveTarget {
  std::vector<std::int64_t> people;      ///< person ids, as the network source gives them
  std::vector<std::int64_t> households;  ///< household indices (/people/household)
};

/// A scenario stepped live, with an optional edited twin stepped beside it.
class LiveSession {
 public:
  /// Builds the baseline of `scenario` at week 0. Bad input is a sim::InputError in one line.
  explicit LiveSession(const sim::Scenario& scenario);
  ~LiveSession();
  LiveSession(const LiveSession&) = delete;
  LiveSession& operator=(const LiveSession&) = delete;

  /// Weeks stepped so far (0: the initial state).
  std::uint32_t week() const { return week_; }
  /// The scenario's last week (run.steps); step() stops there.
  std::uint32_t last_week() const { return last_week_; }
  /// True once an edit made the policy branch differ from the baseline.
  bool forked() const { return policy_ != nullptr; }
  /// The first week of the latest edit (0 before any): both branches agree up to the week before.
  std::uint32_t fork_week() const { return fork_week_; }
  /// The week an edit made now would first act: the next week computed.
  std::uint32_t next_week() const { return week_ + 1; }

  /// Computes one more week on every branch; false (and nothing done) at the last week.
  bool step();

  /// Adds the [[intervention]] tables in `toml` to the policy branch, each starting at
  /// next_week(), and re-runs the branch to the current week. `origin` names the text in
  /// messages (a file, "the panel"). Throws sim::InputError (branches unchanged) for a table
  /// that fails validation, a name already used, an end_week before the start, or the last week.
  /// A non-empty `target` replaces every table's target.people and target.households.
  void add(const std::string& toml, const std::string& origin, const LiveTarget& target = {});
  /// Stops the policy branch's intervention `name` after the current week (removes it if it has
  /// not started). Throws sim::InputError for an unknown name.
  void remove(const std::string& name);
  /// Stops intervention `name` after the current week and adds the [[intervention]] table in
  /// `toml` from next_week() in its place (named NAME_wWEEK when it reuses the name).
  void change(const std::string& name, const std::string& toml, const std::string& origin);

  /// The scenario of a branch (the policy branch is the baseline's before any edit).
  const sim::Scenario& scenario(Branch b) const;
  /// A branch's scenario as TOML: every key with the value used. `wellsim run` on this text runs
  /// what the branch runs.
  std::string scenario_toml(Branch b) const;
  /// Writes scenario_toml(b) to `path`; sim::RuntimeError if it cannot.
  void export_toml(Branch b, const std::string& path) const;
  /// Runs a branch's scenario to its last week into the run file `path`, as `wellsim run` does
  /// (`threads` is what the file says it ran on). Throws sim::InputError for an existing file
  /// without `overwrite`.
  void save(Branch b, const std::string& path, unsigned threads, bool overwrite) const;
  /// save() as a task that holds a copy of the branch's scenario: it may run on another thread
  /// while the session steps and forks on (the viewer saves without stopping the lesson).
  std::function<void()> save_task(Branch b, const std::string& path, unsigned threads,
                                  bool overwrite) const;

  /// The network, shared by both branches (an edit never changes the community).
  const sim::Network& network() const;
  /// A branch's agents at week().
  const sim::AgentStore& agents(Branch b) const;
  /// A branch's mean wellbeing at weeks 0..week().
  const std::vector<double>& mean(Branch b) const;
  /// The interventions of a branch's scenario, in scenario order.
  std::vector<LiveIntervention> interventions(Branch b) const;

 private:
  struct Line;
  std::unique_ptr<Line> make_line(const sim::Scenario& sc) const;
  void replace_policy(const sim::Scenario& edited);
  void add_entries(sim::Scenario& sc, std::vector<sim::ListEntry> entries,
                   const std::string& origin, const std::string& replaced) const;
  void end_entry(sim::Scenario& sc, const std::string& name) const;
  const Line& line(Branch b) const;

  std::string base_dir_;
  std::uint32_t week_ = 0, last_week_ = 0, fork_week_ = 0;
  std::unique_ptr<Line> baseline_, policy_;
};

/// The [[intervention]] entries of `toml`, validated against the schema in the setting of
/// scenario `context` (defaults filled in). Throws sim::InputError "ORIGIN:LINE: ..." for
/// anything else in the text or a bad entry.
std::vector<sim::ListEntry> parse_intervention_tables(const std::string& toml,
                                                      const std::string& origin,
                                                      const sim::Scenario& context);

}  // namespace wellsim::batch
