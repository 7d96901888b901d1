#pragma once
#include <cstdint>
#include <vector>

#include "models/interventions/service.hpp"

namespace wellsim::models {

/// Community mediation of households in trouble with their neighbours ([neighbours]), one place
/// per household (see neighbour_mediation.cpp).
class NeighbourMediation : public Service {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<NeighbourMediation>& table();
  /// Reads its keys.
  explicit NeighbourMediation(const InterventionSetup& setup);

 protected:
  /// The first adult of a household in trouble with its neighbours (one place per household).
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  /// Only people with kNeighbourConflict can qualify.
  DomainBits required_domains() const override { return kNeighbourConflict; }
  /// The adult's problems plus the household's members (more people live with the dispute).
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  /// A week of the case resolves the dispute with probability resolution_rate.
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;
  std::uint32_t duration() const override { return duration_ > 0 ? duration_ : case_weeks_; }

 private:
  double resolution_rate_ = 0;
  std::uint32_t case_weeks_ = 1;
  std::uint16_t e_resolved_ = 0;
};

}  // namespace wellsim::models
