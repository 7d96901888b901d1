#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// A recession: more job losses and fewer job finds.
class EconomicShock : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<EconomicShock>& table();
  /// Reads its keys.
  explicit EconomicShock(const InterventionSetup& setup);

 protected:
  void apply(Macro& m, double f) const override;

 private:
  double job_loss_;
  double job_finding_;
};

}  // namespace wellsim::models
