#pragma once
#include <vector>

#include "models/interventions/tie_programme.hpp"

namespace wellsim::models {

/// Social prescribing: a link worker connects lonely adults to community groups, where they make
/// ties (see social_prescribing.cpp).
class SocialPrescribing : public TieProgramme {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<SocialPrescribing>& table();
  /// Reads its keys.
  explicit SocialPrescribing(const InterventionSetup& setup);

 protected:
  DomainBits required_domains() const override;
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;
  void prepare_type(const sim::Network& net, sim::AgentStore&, sim::Ledger& ledger) override;
  std::uint32_t duration() const override;
  CourseRule course_rule() const override;

 private:
  double peer_share_;
  std::uint32_t course_weeks_ = 12, rereferral_weeks_ = 52;
  std::vector<std::uint32_t> group_start_, group_members_;  // neighbourhood members, CSR
};

}  // namespace wellsim::models
