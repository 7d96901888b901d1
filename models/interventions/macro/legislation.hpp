#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// Legislation against hate and crime: multipliers on hate-incident and victimisation hazards.
class Legislation : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<Legislation>& table();
  /// Reads its keys.
  explicit Legislation(const InterventionSetup& setup);

 protected:
  void apply(Macro& m, double f) const override;

 private:
  double hate_multiplier_;
  double victimisation_multiplier_;
};

}  // namespace wellsim::models
