#pragma once
// Ties through school and work over a life course ([demography]; school_work.cpp): a child who
// reaches school age makes classmates and friends, a pupil who leaves school loses their school
// ties, and a person who enters work makes colleagues.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/community/world.hpp"
#include "models/life/peer_pools.hpp"
#include "sim/engine.hpp"
#include "sim/param_spec.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// Which parts run (each its own [demography] key) and the child friends' age spread.
struct SchoolWorkRules {
  bool starting = true;            ///< a child turning 5 gets classmates and friends
  bool leaving = true;             ///< school ties end when a pupil becomes a student at 16
  bool working = true;             ///< an employed labour-market entrant gets colleagues
  double child_friend_age_sd = 1;  ///< SD of a child friend's age (network.child_friend_age_sd)
  /// The town generator's friendship keys (network.close_friends, friends, sociability_sd) when
  /// the network source has them: a starter then draws their friends as the generator draws
  /// everyone's; negative: half a donor's counts instead.
  double close_friends = -1, friends = -1, sociability_sd = 0;
};

/// One tie a newcomer makes this week (school_work.cpp applies them in agent order).
struct PeerTie {
  std::uint32_t a, b;   ///< the newcomer and the person they are tied to
  std::uint8_t layer;   ///< the Layer it stands for (models/community/layers.hpp)
  std::uint32_t until;  ///< last week it exists
};

/// Starting school, leaving it and entering work (school_work.cpp); runs in the life-events phase
/// after Demography (whose birthdays it follows) and before the life events (which count support
/// and loneliness on the ties it makes).
class SchoolWork : public sim::Mechanism {
 public:
  /// Its parts from `rules`; `seed` and `replicate` key the demography stream it draws from.
  SchoolWork(const SchoolWorkRules& rules, std::shared_ptr<World> world, std::uint64_t seed,
             std::uint32_t replicate);
  /// Its name (it draws from the "demography" stream: demography.cpp lists the draws).
  std::string name() const override { return "demography.school_work"; }
  /// Runs in the life-events phase.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::LifeEvents); }
  /// Week 0: donors, the week-0 ages and activities it compares against, World's flags.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// One week: ends school ties due, then the ties of this week's starters and entrants.
  void run(sim::Phase phase, sim::StepContext& ctx) override;
  /// Last week's ages and activities, and the school ties still to end.
  void state(sim::StateVisitor& v) override;

  /// The ties made in the last step run (tests read them).
  const std::vector<PeerTie>& made() const { return made_; }

 private:
  /// A school tie that ends: its people's loose-tie counts drop after week `until`.
  struct Ending {
    std::uint32_t until, a, b;
  };
  /// Heap order of ending_: the earliest end (then the lowest pair) on top.
  static bool later(const Ending& x, const Ending& y) {
    return x.until != y.until ? x.until > y.until : x.a != y.a ? x.a > y.a : x.b > y.b;
  }
  void end_school_ties(std::uint32_t step);
  std::vector<PeerTie> choose(const sim::StepContext& ctx, const PeerPools& pools) const;
  /// Close friends and friends starter i makes (draw 2 is `d`).
  std::pair<std::uint32_t, std::uint32_t> friend_counts(std::uint32_t step, std::uint32_t i,
                                                        const DonorCounts& donor,
                                                        const r123::Philox4x32::ctr_type& d) const;

  SchoolWorkRules rules_;
  std::shared_ptr<World> world_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  sim::RandomStream stream_;
  PeerLayers layers_{sim::Network{}};
  std::size_t groups_ = 1;
  Donors donors_;
  std::vector<std::uint8_t> age_seen_, activity_seen_;  // as the last step left them
  std::vector<std::uint8_t> starting_, entering_;       // this week's newcomers
  std::vector<Ending> ending_;                          // a min-heap by (until, a, b)
  std::vector<PeerTie> made_;
};

/// The mechanism for a validated [demography] table (nullptr unless `enabled` is on and one of
/// its three parts is); `network` gives the friendship keys where the source has them.
std::unique_ptr<SchoolWork> make_school_work(const sim::ParamSet& demography,
                                             const sim::ParamSet& network,
                                             std::shared_ptr<World> world, std::uint64_t seed,
                                             std::uint32_t replicate);

}  // namespace wellsim::models
