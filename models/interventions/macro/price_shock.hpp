#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// A rise in energy and food prices (a cost-of-living shock), by a multiplier or along a path.
class PriceShock : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<PriceShock>& table();
  /// Reads its keys.
  explicit PriceShock(const InterventionSetup& setup);

 protected:
  void apply(Macro& m, double f) const override;

 private:
  /// The level of `path` this week over its first level.
  double path_level(const std::vector<double>& path) const;
  double energy_;
  double food_;
  std::vector<double> energy_path_, food_path_;
  double path_weeks_;
};

}  // namespace wellsim::models
