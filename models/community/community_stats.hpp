#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/community/world.hpp"
#include "sim/engine.hpp"

namespace wellsim::models {

/// Per-step figures of a community run: domain prevalences as need before the week's relief
/// (overall, by neighbourhood, minority) and, overall, as left after it,
/// unemployment rate, mean disposable income, mean wellbeing by neighbourhood and for minority
/// people, and the number of programme ties. Added last, in the statistics phase.
class CommunityStats : public sim::Mechanism {
 public:
  /// Shares the run's world (for the overlay).
  explicit CommunityStats(std::shared_ptr<World> world) : world_(std::move(world)) {}
  /// Its name.
  std::string name() const override { return "community.stats"; }
  /// Runs in the statistics phase, after the new wellbeing is written.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::Statistics); }
  /// Declares the series and sets their week-0 values (from `wellbeing`).
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// Sets the series for the step (wellbeing from `wellbeing_next`, the new state).
  void run(sim::Phase phase, sim::StepContext& ctx) override;

 private:
  void measure(const sim::Network& net, const sim::AgentStore& a,
               const std::vector<float>& wellbeing, sim::Ledger& ledger) const;
  std::shared_ptr<World> world_;
  std::size_t groups_ = 0;
  std::size_t first_ = 0;  // index of the first series; the rest follow in a fixed order
};

}  // namespace wellsim::models
