#pragma once
#include <vector>

#include "models/interventions/service.hpp"

namespace wellsim::models {

/// A specialist treatment service (talking therapy or substance use) entered by referral from
/// case work or by self-referral, with a course of treatment (see specialist_referral.cpp).
class SpecialistReferral : public Service {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<SpecialistReferral>& table();
  /// Reads its keys.
  explicit SpecialistReferral(const InterventionSetup& setup);

 protected:
  DomainBits required_domains() const override;
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  bool admissible(const sim::StepContext& ctx, const sim::RandomStream& rng,
                  std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void on_start(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i) override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;
  std::uint32_t duration() const override { return duration_ > 0 ? duration_ : course_weeks_; }

 private:
  DomainBits condition_;
  std::uint8_t referral_bit_;
  double self_referral_, recovery_rate_;
  std::uint32_t course_weeks_;
  std::uint16_t e_recovered_ = 0;
};

}  // namespace wellsim::models
