#pragma once
// What the live viewer (`wellsim view --live`) needs of a running model, declared here so that
// viz/ stays below the layers that build and run models: batch::LiveSession does the work, and
// the command line hands it to the viewer through this interface (cli/live_view.cpp).
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "sim/network.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::viz {

/// The two branches of a live session: the scenario as loaded, and its edited twin.
enum class LiveBranch { Baseline, Policy };

/// An intervention type as the panel offers it: its declared parameters drive the form.
struct LiveInterventionType {
  std::string name;                    ///< scenario `type`
  std::string level;                   ///< "micro", "meso" or "macro"
  std::string help;                    ///< one sentence
  std::vector<sim::ParamSpec> params;  ///< the keys every type has, then its own
};

/// One intervention of the policy branch, as the panel lists it.
struct LiveInterventionRow {
  std::string name;                               ///< its name
  std::string type;                               ///< its type
  std::int64_t start_week = 1;                    ///< first week it acts
  std::int64_t end_week = 1;                      ///< last week it acts
  std::map<std::string, sim::ParamValue> values;  ///< every key's value (the change form's)
};

/// A model stepped live with an editable twin (see batch::LiveSession for the semantics). Every
/// edit and save may throw sim::InputError (bad edit) or sim::RuntimeError (I/O): one line.
class LiveModel {
 public:
  virtual ~LiveModel() = default;
  /// The scenario's run.name.
  virtual std::string name() const = 0;
  /// The scenario's seed (the layout's too).
  virtual std::uint64_t seed() const = 0;
  /// The network both branches share.
  virtual const sim::Network& network() const = 0;
  /// Weeks computed so far.
  virtual std::uint32_t week() const = 0;
  /// The last week (run.steps).
  virtual std::uint32_t last_week() const = 0;
  /// True once an edit made the policy branch.
  virtual bool forked() const = 0;
  /// First week of the latest edit (0 before any).
  virtual std::uint32_t fork_week() const = 0;
  /// One more week on both branches; false at the last week.
  virtual bool step() = 0;
  /// Every agent's wellbeing on a branch at week().
  virtual std::span<const float> wellbeing(LiveBranch b) const = 0;
  /// Each person's household index (/people/household), the same on both branches; empty for
  /// a model without households. A household's members are consecutive agents.
  virtual std::span<const std::uint32_t> households() const = 0;
  /// A branch's mean wellbeing at weeks 0..week().
  virtual const std::vector<double>& mean(LiveBranch b) const = 0;
  /// The intervention types, micro first.
  virtual const std::vector<LiveInterventionType>& types() const = 0;
  /// The policy branch's interventions.
  virtual std::vector<LiveInterventionRow> interventions() const = 0;
  /// Adds [[intervention]] tables (TOML) from the next week; `origin` names them in messages.
  virtual void add(const std::string& toml, const std::string& origin) = 0;
  /// Ends intervention `name` after this week.
  virtual void remove(const std::string& name) = 0;
  /// Ends `name` after this week and adds `toml` in its place from the next.
  virtual void change(const std::string& name, const std::string& toml,
                      const std::string& origin) = 0;
  /// Writes a branch as a run file, as `wellsim run` on its scenario would.
  virtual void save(LiveBranch b, const std::string& path) = 0;
  /// save() as a task that may run on another thread while the model steps and forks on.
  virtual std::function<void()> saver(LiveBranch b, const std::string& path) const = 0;
  /// Writes a branch's scenario as TOML.
  virtual void export_toml(LiveBranch b, const std::string& path) = 0;
};

}  // namespace wellsim::viz
