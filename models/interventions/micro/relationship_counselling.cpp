// Relationship counselling (micro): couple counselling such as Relate's for couples in a
// distressed relationship ([family]), one place per couple; the shared mechanism (one partner
// per couple, abuse screening, a course that resolves the distress at a weekly rate) is in
// family_service.cpp.
// Sources: reviews of couple therapy find about 70% of couples improve and about half end the
// course out of the distressed range (Lebow, Chambers, Christensen & Johnson 2012, J. Marital Fam.
// Ther. 38:145-168); the DfE-funded evaluation of relationship support (Spielhofer et al. 2014,
// DfE RR315) found Relate couple counselling improved relationship quality for most clients.
// Default: half resolved over an 8-week course, 1 - (1 - 0.083)^8 = 0.50 (range 0.03-0.15 a
// week; the lower end for community samples). Relate counselling is typically 6-12 weekly
// sessions at about GBP 50-75 each (Relate's fees; the scenario sets the cost).
#include "models/interventions/micro/relationship_counselling.hpp"

namespace wellsim::models {

const sim::ParamTable<RelationshipCounselling>& RelationshipCounselling::table() {
  return sim::declared<RelationshipCounselling>([](sim::ParamTable<RelationshipCounselling>& t) {
    t.include(&RelationshipCounselling::course_,
              family_course_table(0.083, 8,
                                  "Lebow et al. 2012 review of couple therapy: about half "
                                  "recover over a course, 1 - (1 - 0.083)^8 = 0.50; range "
                                  "0.03-0.15",
                                  "Relate: typically 6-12 weekly sessions"));
  });
}

RelationshipCounselling::RelationshipCounselling(const InterventionSetup& s)
    : FamilyService(s, false) {
  table().read(params_, *this);
}

}  // namespace wellsim::models
