#pragma once
#include "models/interventions/micro/family_service.hpp"

namespace wellsim::models {

/// Couple counselling (Relate) for couples in a distressed relationship, with or without
/// children (see relationship_counselling.cpp).
class RelationshipCounselling : public FamilyService {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<RelationshipCounselling>& table();
  /// Reads its keys.
  explicit RelationshipCounselling(const InterventionSetup& setup);
};

}  // namespace wellsim::models
