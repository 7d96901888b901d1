#pragma once
#include <vector>

#include "models/interventions/macro/macro_policy.hpp"

namespace wellsim::models {

/// Funding of local services: cuts or investment scale the places of every service.
class ServiceFunding : public MacroPolicy {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<ServiceFunding>& table();
  /// Reads its keys.
  explicit ServiceFunding(const InterventionSetup& setup);

 protected:
  void apply(Macro& m, double f) const override;

 private:
  double micro_;
  double meso_;
};

}  // namespace wellsim::models
