#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// A weekly pay floor for employed adults (the National Living Wage).
class MinimumWage : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<MinimumWage>& table();
  /// Reads its keys.
  explicit MinimumWage(const InterventionSetup& setup);

 protected:
  void apply(Macro& m, double f) const override;

 private:
  double weekly_floor_;
};

}  // namespace wellsim::models
