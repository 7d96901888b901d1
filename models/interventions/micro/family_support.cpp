// Family support (micro): a group parenting programme for families with children under 16 whose
// parents' relationship is distressed ([family]), one place per family; the shared mechanism
// (one partner per couple, abuse screening, a course that resolves the distress at a weekly
// rate) is in family_service.cpp.
// Sources: Incredible Years parent groups run 12-20 weekly sessions, Triple P Group 8 (Early
// Intervention Foundation guidebook). Their main outcome is children's behaviour (Menting, Orobio
// de Castro & Matthys 2013, Clin. Psychol. Rev., meta-analysis of Incredible Years: d = 0.27),
// which the model does not carry; on the parents' relationship, Sanders, Kirby, Tellegen & Day
// 2014 (Clin. Psychol. Rev. 34, meta-analysis of Triple P, 101 studies) find a small short-term
// effect, d = 0.23. Default: 25% of families leave distress over a 12-week course
// (1 - (1 - 0.024)^12 = 0.25) against 11% without it (distress_recovery 1/104 over 12 weeks),
// our translation of d ~ 0.2-0.3 into a share (assumption; range 0.01-0.05 a week). Cost:
// Edwards et al. 2007 (BMJ 334:682) costed Incredible Years at GBP 1,344 per child (2003-04),
// about GBP 110 per family-week over 12 weeks; Triple P Group is cheaper (scenario costs).
#include "models/interventions/micro/family_support.hpp"

namespace wellsim::models {

const sim::ParamTable<FamilySupport>& FamilySupport::table() {
  return sim::declared<FamilySupport>([](sim::ParamTable<FamilySupport>& t) {
    t.include(&FamilySupport::course_,
              family_course_table(0.024, 12,
                                  "assumption from Sanders et al. 2014, Triple P meta-analysis, "
                                  "parental relationship d = 0.23: 25% resolved over 12 weeks; "
                                  "range 0.01-0.05",
                                  "Incredible Years 12-20 weekly sessions, Triple P Group 8"));
  });
}

FamilySupport::FamilySupport(const InterventionSetup& s) : FamilyService(s, true) {
  table().read(params_, *this);
}

}  // namespace wellsim::models
