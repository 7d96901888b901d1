#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// A rise in energy and food prices (a cost-of-living shock).
class PriceShock : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<PriceShock>& table();
  /// Reads its keys.
  explicit PriceShock(const InterventionSetup& setup);

 protected:
  void apply(Macro& m, double f) const override;

 private:
  double energy_;
  double food_;
};

}  // namespace wellsim::models
