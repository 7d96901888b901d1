#pragma once
// Children in need: the children's social care route of the family domains (see
// children_in_need.cpp). Runs with [family], after it, on its own random stream.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/community/world.hpp"
#include "models/life/family.hpp"
#include "sim/engine.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// Weekly assessment of children living with domestic abuse as children in need, and the end of
/// their time in need; a count for the run file, with no effect on anything else.
class ChildrenInNeed : public sim::Mechanism {
 public:
  /// Built from a validated [family] table; `seed` and `replicate` key the week-0 draws.
  ChildrenInNeed(const sim::ParamSet& family, std::shared_ptr<World> world, std::uint64_t seed,
                 std::uint32_t replicate);
  /// Its name and random-stream name.
  std::string name() const override { return "children_in_need"; }
  /// Runs in the life-events phase, after the family domains.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::LifeEvents); }
  /// Week 0: the weekly assessment rate that holds the published count, and who is in need.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// One week, each child in their own slot.
  void run(sim::Phase phase, sim::StepContext& ctx) override;
  /// Who is in need, for checkpoints.
  void state(sim::StateVisitor& v) override { sim::visit(v, "children_in_need.flag", in_need_); }

  /// Weekly chance that a child living with domestic abuse is assessed as in need (prepare).
  double assessment() const { return assessment_; }
  /// True when agent i is a child in need now.
  bool in_need(std::uint32_t i) const { return in_need_[i] != 0; }

 private:
  double per_10k(const sim::AgentStore& a) const;

  FamilyRates rates_;
  std::shared_ptr<World> world_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  sim::RandomStream stream_;
  double assessment_ = 0;
  std::vector<std::uint8_t> in_need_;
  std::uint16_t start_kind_ = 0, end_kind_ = 0;
  std::size_t series_ = 0;
};

}  // namespace wellsim::models
