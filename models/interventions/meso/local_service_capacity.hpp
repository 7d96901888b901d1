#pragma once
#include <vector>

#include "models/interventions/service.hpp"
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

/// A local open-access mental-health and wellbeing service.
class LocalServiceCapacity : public Service {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<LocalServiceCapacity>& table();
  /// Reads its keys.
  explicit LocalServiceCapacity(const InterventionSetup& setup);

 protected:
  DomainBits required_domains() const override;
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;

 private:
  DomainBits conditions_;
  double recovery_rate_;
  std::uint16_t e_recovered_ = 0;
};

}  // namespace wellsim::models
