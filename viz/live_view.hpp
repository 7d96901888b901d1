#pragma once
// What the live viewer shows, apart from drawing it: which branch or their difference, with
// which colour scale, and how many weeks to compute this frame at the chosen speed. Headless,
// so tests check it without a window.
#include <vector>

#include "viz/colour_map.hpp"
#include "viz/live_model.hpp"

namespace wellsim::viz {

/// What the map shows.
enum class LiveShow {
  Difference,  ///< policy minus baseline, person by person (the choice's ripple)
  Policy,      ///< the edited branch's wellbeing
  Baseline,    ///< the untouched branch's wellbeing
};

/// The id person `a` has in the network source: the panel's "person ID" and target.people's.
std::int64_t person_id(const LiveModel& m, sim::AgentId a);
/// The agent whose source id is `id`; sim::InputError "--select ID: ..." when nobody has it.
sim::AgentId find_person(const LiveModel& m, long long id);
/// Person `a`'s household: its index (target.households') and its members, `a` included; an
/// empty member list for a model without households.
struct LiveHousehold {
  std::uint32_t index = 0;            ///< /people/household of its members
  std::vector<sim::AgentId> members;  ///< consecutive agents
};
/// The household of person `a` (see LiveHousehold).
LiveHousehold household_of(const LiveModel& m, sim::AgentId a);

/// The live viewer's state over a LiveModel (which must outlive it).
class LiveView {
 public:
  /// Fastest play speed, weeks a second: the slider's top ("as fast as it draws" beyond).
  static constexpr double kMaxSpeed = 60;
  /// At most this many weeks are computed in one frame, so a slow frame never snowballs.
  static constexpr int kMaxStepsPerFrame = 8;

  /// A view of `model`, paused, showing the difference once it is forked.
  explicit LiveView(LiveModel& model) : model_(model) {}
  /// The model.
  LiveModel& model() { return model_; }

  /// True while playing.
  bool playing() const { return playing_; }
  /// Starts or stops playing.
  void set_playing(bool on) { playing_ = on; }
  /// Weeks a second while playing, in (0, kMaxSpeed].
  double speed() const { return speed_; }
  /// Sets the speed, clamped to [0.25, kMaxSpeed].
  void set_speed(double weeks_per_second);
  /// Steps the model as far as `seconds` of play at speed() allow (at most kMaxStepsPerFrame
  /// weeks); returns the weeks computed. Stops playing at the last week.
  int advance(double seconds);

  /// What the map shows; Difference (the default) needs a fork, before one it shows Policy.
  LiveShow show() const;
  /// Chooses what the map shows.
  void set_show(LiveShow s) { show_ = s; }
  /// Each person's value as shown: wellbeing, or policy minus baseline.
  const std::vector<float>& values();
  /// The colour scale of what is shown: the whole 0-10 wellbeing scale, or a symmetric
  /// difference scale that only widens during a fork (so a colour keeps its meaning as the
  /// ripple spreads) and starts again at a new fork.
  ColourScale scale() const;

 private:
  LiveModel& model_;
  bool playing_ = false;
  double speed_ = 10, owed_ = 0;
  LiveShow show_ = LiveShow::Difference;
  std::vector<float> values_;
  float range_ = 0.01f;
  std::uint32_t range_fork_ = 0;
};

}  // namespace wellsim::viz
