#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// A ceiling on energy prices (the Energy Price Guarantee).
class PriceCap : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<PriceCap>& table();
  /// Reads its keys.
  explicit PriceCap(const InterventionSetup& setup);
  /// Counts the town's equivalised adults, whose bills the cap subsidises.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;

 protected:
  void apply(Macro& m, double f) const override;
  /// The subsidy: every equivalised adult's energy bill above the cap.
  double fiscal_cost(const sim::StepContext& ctx) const override;

 private:
  double energy_cap_;
  double equivalised_adults_ = 0;
};

}  // namespace wellsim::models
