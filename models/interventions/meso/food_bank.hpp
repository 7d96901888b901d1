#pragma once
#include <vector>

#include "models/interventions/service.hpp"
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

/// A food bank: weekly emergency food for the food insecure.
class FoodBank : public Service {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<FoodBank>& table();
  /// Reads its keys.
  explicit FoodBank(const InterventionSetup& setup);

 protected:
  DomainBits required_domains() const override;
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;

 private:
  double relief_;
  std::uint16_t e_relief_ = 0;
};

}  // namespace wellsim::models
