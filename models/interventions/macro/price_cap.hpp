#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// A ceiling on energy prices (the Energy Price Guarantee).
class PriceCap : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static std::vector<sim::ParamSpec> params();
  /// Reads its keys.
  explicit PriceCap(const InterventionSetup& setup);

 protected:
  void apply(Macro& m, double f) const override;

 private:
  double energy_cap_;
};

}  // namespace wellsim::models
