#pragma once
#include <vector>

#include "models/interventions/service.hpp"

namespace wellsim::models {

/// Housing support: homelessness prevention and relief, one step at a time (see
/// housing_support.cpp).
class HousingSupport : public Service {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<HousingSupport>& table();
  /// Reads its keys.
  explicit HousingSupport(const InterventionSetup& setup);

 protected:
  DomainBits required_domains() const override;
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void on_start(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i) override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;

 private:
  double resolve_rate_;
  std::uint16_t e_resolved_ = 0;
};

}  // namespace wellsim::models
