#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// A change to out-of-work benefit rates and to conditionality (sanctions).
class BenefitChange : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<BenefitChange>& table();
  /// Reads its keys.
  explicit BenefitChange(const InterventionSetup& setup);

 protected:
  void apply(Macro& m, double f) const override;

 private:
  double level_;
  double sanction_rate_;
};

}  // namespace wellsim::models
