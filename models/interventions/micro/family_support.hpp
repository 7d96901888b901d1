#pragma once
#include "models/interventions/micro/family_service.hpp"

namespace wellsim::models {

/// A group parenting programme (Incredible Years, Triple P) for distressed couples with
/// children under 16 (see family_support.cpp).
class FamilySupport : public FamilyService {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<FamilySupport>& table();
  /// Reads its keys.
  explicit FamilySupport(const InterventionSetup& setup);
};

}  // namespace wellsim::models
