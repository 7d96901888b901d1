#pragma once
#include <vector>

#include "models/interventions/service.hpp"

namespace wellsim::models {

/// Case management: a caseload of people with practical problems, resolved one at a time, with
/// onward referrals to specialist services (see case_management.cpp).
class CaseManagement : public Service {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<CaseManagement>& table();
  /// Reads its keys.
  explicit CaseManagement(const InterventionSetup& setup);

 protected:
  DomainBits required_domains() const override;
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;
  std::uint64_t base_capacity() const override;
  double participant_week_cost() const override;

 private:
  std::uint64_t workers_, caseload_;
  double resolve_rate_, referral_rate_, case_week_cost_;
  std::uint16_t e_resolved_ = 0, e_referred_ = 0;
};

}  // namespace wellsim::models
