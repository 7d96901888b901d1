#pragma once
// Family life of the community model: relationship distress of couples and domestic abuse, two
// household domains with their own [family] table and random stream (see family.cpp).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/community/world.hpp"
#include "sim/engine.hpp"
#include "sim/param_table.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// The values of [family] as plain numbers (shares, weekly probabilities, weeks).
struct FamilyRates {
  bool enabled;
  double distress_share, distress_recovery, abuse_last_year;
  std::uint32_t abuse_weeks;
  double in_need_per_10k;       ///< children in need with domestic abuse, per 10,000 under 18
  std::uint32_t in_need_weeks;  ///< mean weeks a child stays in need
};

/// The keys of the scenario table [family], each declared once.
const sim::ParamTable<FamilyRates>& family_table();
/// The declarations of [family] (family_table().specs()).
const std::vector<sim::ParamSpec>& family_params();

/// Point prevalence p of a chain with recovery r whose share ever in it over `weeks` weeks is
/// `period` (onset h = p r / (1 - p)): solves 1 - (1 - p)(1 - h)^weeks = period.
double point_prevalence(double period, double recovery, std::uint32_t weeks);

/// Weekly relationship distress and domestic abuse (family.cpp), after the life events.
class FamilyEvents : public sim::Mechanism {
 public:
  /// Built from a validated [family] table; `seed` and `replicate` key the week-0 draws.
  FamilyEvents(const sim::ParamSet& family, std::shared_ptr<World> world, std::uint64_t seed,
               std::uint32_t replicate);
  /// Its name and random-stream name.
  std::string name() const override { return "family"; }
  /// Runs in the life-events phase, after the life events.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::LifeEvents); }
  /// Week 0: the calibrated hazards and the initial states at their stationary shares.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// One week, one household at a time (own household only).
  void run(sim::Phase phase, sim::StepContext& ctx) override;

  /// Weekly onset of distress in a couple household without it (calibrated in prepare).
  double distress_onset() const { return distress_onset_; }
  /// Stationary share of adults living with domestic abuse now (from the last-year share).
  double abuse_point() const { return abuse_point_; }
  /// Weekly onset of domestic abuse for an adult without it.
  double abuse_onset() const { return abuse_onset_; }

 private:
  void household_week(sim::AgentStore& a, std::uint32_t step, std::uint32_t s, std::uint32_t e,
                      std::vector<sim::Event>& out) const;

  FamilyRates rates_;
  std::shared_ptr<World> world_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  sim::RandomStream stream_;
  double distress_onset_ = 0, abuse_point_ = 0, abuse_onset_ = 0;
  std::uint16_t onset_kind_[2] = {}, end_kind_[2] = {};
};

}  // namespace wellsim::models
