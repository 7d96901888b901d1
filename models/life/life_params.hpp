#pragma once
// The [life] table: weekly hazards, benefit rates and costs of the community model's life events,
// declared once (name, help with its source, unit, default, range) and read into plain numbers.
#include <cstdint>
#include <vector>

#include "models/community/vocabulary.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// The values of [life] as plain numbers (GBP per week, weekly probabilities, weeks, ratios).
struct LifeRates {
  double uc_allowance, state_pension, child_benefit, child_element, housing_support;
  double energy_cost, food_cost;
  double sanction_rate, sanction_keep;
  std::uint32_t sanction_weeks;
  double unemployment_rate, job_finding;
  double food_share, fuel_share, food_onset, food_recovery, fuel_onset, fuel_recovery;
  double strain_threshold;
  double energy_bills_share, burden_spread;
  double housing_share, housing_recovery, homeless_share, rehousing;
  double physical_child, physical_adult, physical_old, physical_recovery;
  double mental_share, mental_recovery;
  double rr_energy_bills;
  double rr_unemployed, rr_strain, rr_food, rr_fuel, rr_victimised, rr_hate, rr_lonely, rr_bereaved,
      rr_homeless;
  double rr_relationship_distress, rr_domestic_abuse;  // the family domains ([family])
  double substance_share, substance_recovery;
  double widowhood;
  bool hold_widowhood;
  std::uint32_t bereaved_weeks;
  double victimisation, hate;
  std::uint32_t victim_weeks;
  std::vector<double> victimisation_by_group;
  std::uint32_t lonely_support, lonely_ties;
};

/// A domain that raises the onset of mental illness, with its relative risk. One list serves the
/// multiplier of a person (LifeEvents::mental_multiplier) and the week's table of its products
/// (hazards.cpp), so a risk added to one cannot be missing from the other.
struct MentalRisk {
  Domain domain;
  double LifeRates::*rr;
};
inline constexpr MentalRisk kMentalRisks[] = {
    {kFinancialStrain, &LifeRates::rr_strain},
    {kFoodInsecure, &LifeRates::rr_food},
    {kFuelPoor, &LifeRates::rr_fuel},
    {kEnergyBills, &LifeRates::rr_energy_bills},
    {kVictimised, &LifeRates::rr_victimised},
    {kHateIncident, &LifeRates::rr_hate},
    {kLonely, &LifeRates::rr_lonely},
    {kBereaved, &LifeRates::rr_bereaved},
    {kHomeless, &LifeRates::rr_homeless},
    {kRelationshipDistress, &LifeRates::rr_relationship_distress},
    {kDomesticAbuse, &LifeRates::rr_domestic_abuse}};

/// The keys of the scenario table [life], each declared once and bound to its LifeRates field.
const sim::ParamTable<LifeRates>& life_table();

/// The declarations of [life] (life_table().specs()).
const std::vector<sim::ParamSpec>& life_params();

/// A ParamSet holding every default of [life] (tests, and scenarios without a [life] table).
sim::ParamSet default_life_params();

}  // namespace wellsim::models
