#pragma once
// Demography of the community model: ageing and deaths, with their own [demography] table and
// random stream (see demography.cpp). Off by default, so runs without it are unchanged.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/community/world.hpp"
#include "models/population/reserve.hpp"
#include "sim/engine.hpp"
#include "sim/param_table.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// The values of [demography] as plain numbers.
struct DemographyRates {
  bool enabled;
  double mortality_scale;        ///< multiplier on every qx of the life table
  double female_share;           ///< share of people who are female (when not a couple's pair)
  std::uint32_t school_leaving;  ///< age a student enters the labour market
  std::uint32_t pension_age;     ///< State Pension age: people of working age retire
  double entrant_employment;     ///< share of labour-market entrants who find work at once
  double fertility_scale;        ///< multiplier on every ONS age-specific fertility rate
  std::uint32_t reserve_cap;     ///< most rows a household keeps for births
  bool starting_school;          ///< children turning 5 make classmates and friends
  bool leaving_school;           ///< school ties end when a pupil becomes a student
  bool entering_work;            ///< employed labour-market entrants make colleagues
};

/// The keys of the scenario table [demography], each declared once.
const sim::ParamTable<DemographyRates>& demography_table();
/// The declarations of [demography] (demography_table().specs()).
const std::vector<sim::ParamSpec>& demography_params();

/// Inserts into `people` and `ties` the rows a run of `steps` weeks keeps for births under a
/// [demography] table (models/population/reserve.hpp), sexes drawn as prepare will draw them.
void reserve_birth_rows(const sim::ParamSet& demography, std::uint32_t steps, std::uint64_t seed,
                        std::uint32_t replicate, People& people, sim::EdgeList& ties);

/// Week of the year (0-51) of agent i's birthday, on which demography ages them: a newborn's birth
/// week, anyone else's word 1 of the week-0 draw of the `demography` stream.
std::uint32_t birthday_week(const sim::RandomStream& demography, const sim::AgentStore& a,
                            std::uint32_t i);

/// Weekly ageing, deaths and births (demography.cpp); runs in the life-events phase before the life
/// events, so they see this week's living people and ages.
class Demography : public sim::Mechanism {
 public:
  /// Built from a validated [demography] table; `seed` and `replicate` key the week-0 draws.
  Demography(const sim::ParamSet& demography, std::shared_ptr<World> world, std::uint64_t seed,
             std::uint32_t replicate);
  /// Its name and random-stream name.
  std::string name() const override { return "demography"; }
  /// Runs in the life-events phase, before the life events.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::LifeEvents); }
  /// Week 0: everyone present but reserved rows, each person's sex and birthday week, the series
  /// and event kinds.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// One week: deaths at the table's rates, then birthdays, then births (births.cpp).
  void run(sim::Phase phase, sim::StepContext& ctx) override;

  /// True when agent i is female (set in prepare).
  bool female(std::uint32_t i) const { return female_[i] != 0; }
  /// Week of the year (0-51) of agent i's birthday: they age when step % 52 equals it (a
  /// newborn's is the week of the year they were born).
  std::uint32_t birthday_week(std::uint32_t i) const;

 private:
  void person_week(sim::AgentStore& a, std::uint32_t step, std::uint32_t i,
                   std::vector<sim::Event>& out) const;

  DemographyRates rates_;
  std::shared_ptr<World> world_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  sim::RandomStream stream_;
  std::vector<std::uint8_t> female_;
  std::vector<double> hazard_[2];     // weekly death hazard by age, male then female
  std::vector<double> fertility_;     // weekly birth hazard of a woman by age
  std::vector<float> entrant_wages_;  // week-0 wages of people 22-29, sorted
  std::uint16_t death_kind_ = 0, birth_kind_ = 0, unplaced_kind_ = 0;
  std::size_t population_series_ = 0, deaths_series_ = 0, births_series_ = 0, unplaced_series_ = 0;
};

}  // namespace wellsim::models
