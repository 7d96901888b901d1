#pragma once
#include <vector>

#include "models/interventions/service.hpp"

namespace wellsim::models {

/// Welfare-rights and debt advice: benefit take-up gains and debt relief (see
/// income_maximisation.cpp).
class IncomeMaximisation : public Service {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<IncomeMaximisation>& table();
  /// Reads its keys.
  explicit IncomeMaximisation(const InterventionSetup& setup);
  /// Ends gains whose weeks are over (every week, active or not), then runs the service.
  void run(sim::Phase phase, sim::StepContext& ctx) override;
  /// The service's state and the gains it pays.
  void state(sim::StateVisitor& v) override {
    Service::state(v);
    sim::visit(v, "gain", gain_);
    sim::visit(v, "gain_until", gain_until_);
    sim::visit(v, "holders", holders_);
  }
  /// This intervention's current contribution to agent i's extra_income (GBP/week).
  float gain_of(std::uint32_t i) const { return gain_.empty() ? 0.f : gain_[i]; }

 protected:
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void on_start(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i) override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore& agents, sim::Ledger& ledger) override;

 private:
  double threshold_, success_rate_, weekly_gain_, debt_relief_;
  std::uint32_t gain_weeks_;
  std::vector<float> gain_;                // own contribution to extra_income, per agent
  std::vector<std::uint32_t> gain_until_;  // week the gain is removed
  std::vector<std::uint32_t> holders_;     // agents with a gain, in award order
  std::uint16_t e_gain_ = 0, e_gain_end_ = 0, e_relief_ = 0;
  std::size_t s_gain_ = 0;
};

}  // namespace wellsim::models
