#pragma once
// Trouble with neighbours: a household domain with its own [neighbours] table and random stream
// (see neighbours.cpp).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/community/world.hpp"
#include "sim/engine.hpp"
#include "sim/param_table.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// The values of [neighbours] as plain numbers (a share and a weekly probability).
struct NeighbourRates {
  bool enabled;
  double share, recovery;
};

/// The keys of the scenario table [neighbours], each declared once.
const sim::ParamTable<NeighbourRates>& neighbours_table();
/// The declarations of [neighbours] (neighbours_table().specs()).
const std::vector<sim::ParamSpec>& neighbours_params();

/// Weekly neighbour conflict of households (neighbours.cpp), after the family domains.
class NeighbourEvents : public sim::Mechanism {
 public:
  /// Built from a validated [neighbours] table; `seed` and `replicate` key the week-0 draws.
  NeighbourEvents(const sim::ParamSet& neighbours, std::shared_ptr<World> world, std::uint64_t seed,
                  std::uint32_t replicate);
  /// Its name and random-stream name.
  std::string name() const override { return "neighbours"; }
  /// Runs in the life-events phase, after the life events.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::LifeEvents); }
  /// Week 0: the initial states at their stationary share.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// One week, one household at a time (own household only).
  void run(sim::Phase phase, sim::StepContext& ctx) override;

  /// Weekly onset of conflict in a household without it: h = q r / (1 - q).
  double onset() const { return onset_; }

 private:
  void household_week(sim::AgentStore& a, std::uint32_t step, std::uint32_t s, std::uint32_t e,
                      std::vector<sim::Event>& out) const;

  NeighbourRates rates_;
  std::shared_ptr<World> world_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  sim::RandomStream stream_;
  double onset_ = 0;
  std::uint16_t onset_kind_ = 0, end_kind_ = 0;
};

}  // namespace wellsim::models
