#pragma once
#include <memory>
#include <string>

#include "models/community/world.hpp"
#include "sim/engine.hpp"

namespace wellsim::models {

/// Starts every week of a community run from the baseline economy: resets `world.macro` and the
/// local multipliers, and publishes the week's programme ties. Added first, so the macro
/// interventions that follow it in the same phase change a clean baseline.
class MacroBaseline : public sim::Mechanism {
 public:
  /// Shares the run's world.
  explicit MacroBaseline(std::shared_ptr<World> world) : world_(std::move(world)) {}
  /// Its name.
  std::string name() const override { return "macro.baseline"; }
  /// Runs in the macro-environment phase only.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::MacroEnvironment); }
  /// Sizes the per-neighbourhood multipliers and the referral column; sets week-0 baseline.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// Resets the week's environment and publishes the overlay for this step.
  void run(sim::Phase phase, sim::StepContext& ctx) override;
  /// The world's state (it owns the reset of it): this week's levers, referrals, the overlay.
  void state(sim::StateVisitor& v) override;

 private:
  std::shared_ptr<World> world_;
};

}  // namespace wellsim::models
