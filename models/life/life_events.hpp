#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/community/world.hpp"
#include "models/life/cost_burden.hpp"
#include "models/life/life_params.hpp"
#include "models/life/support.hpp"
#include "sim/engine.hpp"
#include "sim/param_spec.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// Weekly life events of the community model: incomes and household budgets, employment,
/// sanctions, food and fuel poverty, strain, housing insecurity and homelessness, illness,
/// substance misuse, bereavement, victimisation, hate incidents, support and loneliness.
class LifeEvents : public sim::Mechanism {
 public:
  /// Built from a validated [life] table and the run's shared world. `seed` and `replicate` key
  /// the week-0 draws (prepare sees no StepContext); weekly draws use the step's own seed.
  LifeEvents(const sim::ParamSet& life, std::shared_ptr<World> world, std::uint64_t seed = 0,
             std::uint32_t replicate = 0);
  /// Its name and random-stream name.
  std::string name() const override { return "life"; }
  /// Runs in the life-events phase only.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::LifeEvents); }
  /// Week 0: costs, incomes, budgets, initial domains, support, calibrated hazards, event kinds.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// One week of life events, one household at a time (pull-style, own household only).
  void run(sim::Phase phase, sim::StepContext& ctx) override;
  /// The weeks left in timed states (sanctions, victimisation, hate incidents, bereavement).
  void state(sim::StateVisitor& v) override {
    sim::visit(v, "sanction_left", sanction_left_);
    sim::visit(v, "victim_left", victim_left_);
    sim::visit(v, "hate_left", hate_left_);
    sim::visit(v, "bereaved_left", bereaved_left_);
  }

 private:
  struct Week;  // the week's hazards folded with the macro environment (hazards.cpp)
  Week fold_week(std::uint32_t step, const sim::Network& net) const;
  // The weekly step, one household at a time (hazards.cpp).
  struct HouseholdWeek;
  void work_and_income(HouseholdWeek& hw, std::uint32_t s, std::uint32_t e);
  std::pair<DomainBits, double> household_states(HouseholdWeek& hw, std::uint32_t s,
                                                 std::uint32_t e) const;
  void personal_states(HouseholdWeek& hw, std::uint32_t s, std::uint32_t e, DomainBits hd,
                       double disp);
  double mental_multiplier(DomainBits domains, std::uint8_t activity) const;
  // Week 0, step by step (life_events.cpp).
  void check_inputs(const sim::Network& net, const sim::AgentStore& a) const;
  void week0_incomes(sim::AgentStore& a);
  void week0_household_domains(sim::AgentStore& a);
  /// Week 0: tolerances, and the locations that give the configured shares at week-0 prices.
  void week0_cost_burden(const sim::AgentStore& a);
  /// The cost-of-living states of a household at disposable income `disp` this week: difficulty
  /// paying energy bills, and food insecurity's onset or recovery (from `food_word`).
  DomainBits cost_states(DomainBits hd, double disp, double energy_unit, std::uint32_t head,
                         std::uint32_t food_word, double food_off) const;
  /// The cost-of-living burden's tolerances and locations (tests; null before prepare).
 public:
  const CostBurden* cost_burden() const { return burden_.get(); }

 private:
  void week0_personal_domains(const sim::Network& net, sim::AgentStore& a);
  double solve_mental_base(const sim::AgentStore& a) const;
  void week0_mental_illness(sim::AgentStore& a);
  void declare_events(sim::Ledger& ledger);
  /// The hazard that holds the widowed share of people 65+ steady (0 without hold_widowhood).
  double widowed_exit(const sim::AgentStore& a) const;

  LifeRates rates_;
  std::shared_ptr<World> world_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  sim::RandomStream stream_;
  FrozenTies frozen_;
  std::vector<std::uint8_t> frozen_dropped_;  // people whose ties frozen_ no longer counts
  SupportRule support_rule_;
  // Calibrated in prepare (life_events.cpp says how).
  double job_loss_ = 0, mental_base_ = 0, substance_onset_ = 0, housing_onset_ = 0,
         homeless_onset_ = 0;
  double physical_onset_[3] = {0, 0, 0};
  double widowed_exit_ = 0;  // widowed 65+ -> partnered, balancing widowhood (hold_widowhood)
  double fuel_threshold_ = 0;
  std::unique_ptr<CostBurden> burden_;  // tolerances and locations (cost_burden.cpp)
  // Weeks left in timed states, one slot per agent.
  std::vector<std::uint16_t> sanction_left_, victim_left_, hate_left_, bereaved_left_;
  std::uint16_t onset_kind_[kDomainCount] = {}, end_kind_[kDomainCount] = {};
  std::uint16_t job_loss_kind_ = 0, job_found_kind_ = 0, bereavement_kind_ = 0,
                widowhood_turnover_kind_ = 0;
};

/// Stationary onset hazard of a two-state chain with prevalence p and recovery hazard r.
inline double stationary_onset(double p, double r) { return p >= 1 ? 1.0 : p * r / (1 - p); }

}  // namespace wellsim::models
