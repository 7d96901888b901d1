#pragma once
#include <vector>

#include "models/interventions/tie_programme.hpp"

namespace wellsim::models {

/// A warm space: heated rooms for the fuel poor (and lonely), where attendees meet.
class WarmSpace : public TieProgramme {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<WarmSpace>& table();
  /// Reads its keys.
  explicit WarmSpace(const InterventionSetup& setup);

 protected:
  DomainBits required_domains() const override;
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;
  void after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) override;

 private:
  double relief_;
  bool include_lonely_;
  std::uint16_t e_relief_ = 0;
};

}  // namespace wellsim::models
