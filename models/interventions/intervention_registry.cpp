// The registry of intervention types and the keys they share: see types.hpp. Adding a type is
// one line here plus its own .hpp/.cpp (DESIGN extension points).
#include "models/interventions/intervention_registry.hpp"

#include <map>
#include <stdexcept>

#include "models/interventions/macro/advocacy_campaign.hpp"
#include "models/interventions/macro/benefit_change.hpp"
#include "models/interventions/macro/economic_shock.hpp"
#include "models/interventions/macro/legislation.hpp"
#include "models/interventions/macro/minimum_wage.hpp"
#include "models/interventions/macro/price_cap.hpp"
#include "models/interventions/macro/price_shock.hpp"
#include "models/interventions/macro/service_funding.hpp"
#include "models/interventions/meso/community_hub.hpp"
#include "models/interventions/meso/food_bank.hpp"
#include "models/interventions/meso/inclusion_campaign.hpp"
#include "models/interventions/meso/local_service_capacity.hpp"
#include "models/interventions/meso/warm_space.hpp"
#include "models/interventions/meso/youth_project.hpp"
#include "models/interventions/micro/case_management.hpp"
#include "models/interventions/micro/family_support.hpp"
#include "models/interventions/micro/housing_support.hpp"
#include "models/interventions/micro/income_maximisation.hpp"
#include "models/interventions/micro/neighbour_mediation.hpp"
#include "models/interventions/micro/relationship_counselling.hpp"
#include "models/interventions/micro/social_prescribing.hpp"
#include "models/interventions/micro/specialist_referral.hpp"
#include "sim/errors.hpp"

namespace wellsim::models {

namespace {

template <class T>
std::unique_ptr<sim::Mechanism> make(const InterventionSetup& s) {
  return std::make_unique<T>(s);
}

/// True for an empty list of either kind (a target key left at its default).
bool is_empty_list(const sim::ParamValue& v) {
  if (const auto* s = std::get_if<std::vector<std::string>>(&v)) return s->empty();
  if (const auto* d = std::get_if<std::vector<double>>(&v)) return d->empty();
  return false;
}

template <class T>
InterventionType entry(const char* name, Level level, const char* help) {
  return {name, level, help, T::table().specs(), &make<T>};
}

std::string located(const std::string& path, const sim::ListEntry& e, std::size_t index,
                    const std::string& key) {
  return sim::where(e.file.empty() ? path : e.file, e.line) + "intervention[" +
         std::to_string(index) + "]." + key + ": ";
}

}  // namespace

const char* level_name(Level level) {
  switch (level) {
    case Level::Micro: return "micro";
    case Level::Meso: return "meso";
    case Level::Macro: return "macro";
  }
  return "?";
}

const std::vector<InterventionType>& intervention_types() {
  static const std::vector<InterventionType> types = [] {
    std::vector<InterventionType> t;
    t.push_back(entry<CaseManagement>(
        "case_management", Level::Micro,
        "case work on housing, food, fuel, debt and health problems, one at a time, with "
        "onward referrals; capacity = workers x caseload"));
    t.push_back(entry<SpecialistReferral>(
        "specialist_referral", Level::Micro,
        "a mental-health or substance-use treatment course entered by referral or "
        "self-referral"));
    t.push_back(entry<HousingSupport>(
        "housing_support", Level::Micro,
        "homelessness prevention and relief: homeless to insecure to secure, one step at a time"));
    t.push_back(entry<IncomeMaximisation>(
        "income_maximisation", Level::Micro,
        "welfare-rights and debt advice: benefit take-up gains added to income, and debt relief"));
    t.push_back(entry<SocialPrescribing>(
        "social_prescribing", Level::Micro,
        "a link worker connects lonely adults to community groups, where they make new ties"));
    t.push_back(entry<FamilySupport>(
        "family_support", Level::Micro,
        "a parenting programme (Incredible Years, Triple P) for distressed couples with children "
        "under 16 ([family])"));
    t.push_back(entry<RelationshipCounselling>(
        "relationship_counselling", Level::Micro,
        "couple counselling (Relate) that resolves relationship distress ([family])"));
    t.push_back(entry<NeighbourMediation>(
        "neighbour_mediation", Level::Micro,
        "community mediation that resolves households' trouble with neighbours ([neighbours])"));
    t.push_back(
        entry<CommunityHub>("community_hub", Level::Meso,
                            "a community hub where adults meet and make ties with each other"));
    t.push_back(entry<YouthProject>(
        "youth_project", Level::Meso,
        "youth work for ages 11-18: ties among young people and less local victimisation"));
    t.push_back(
        entry<FoodBank>("food_bank", Level::Meso,
                        "emergency food that relieves food insecurity for the week it is given"));
    t.push_back(entry<WarmSpace>(
        "warm_space", Level::Meso,
        "heated public rooms for the fuel poor and lonely: a warm week and new ties"));
    t.push_back(entry<LocalServiceCapacity>(
        "local_service_capacity", Level::Meso,
        "a local open-access mental-health and wellbeing service with funded places"));
    t.push_back(entry<InclusionCampaign>(
        "inclusion_campaign", Level::Meso,
        "arts and inclusion work: fewer local hate incidents and ties across groups"));
    t.push_back(entry<BenefitChange>(
        "benefit_change", Level::Macro,
        "a change in out-of-work benefit rates and in sanctions (conditionality)"));
    t.push_back(entry<PriceShock>("price_shock", Level::Macro,
                                  "energy and food prices rise (a cost-of-living shock)"));
    t.push_back(entry<PriceCap>("price_cap", Level::Macro,
                                "a ceiling on energy prices (the Energy Price Guarantee)"));
    t.push_back(
        entry<MinimumWage>("minimum_wage", Level::Macro, "a weekly pay floor for employed adults"));
    t.push_back(entry<ServiceFunding>(
        "service_funding", Level::Macro,
        "cuts or investment that scale the places of micro and meso services"));
    t.push_back(entry<Legislation>(
        "legislation", Level::Macro,
        "law against hate and crime: multipliers on hate-incident and victimisation hazards"));
    t.push_back(entry<EconomicShock>("economic_shock", Level::Macro,
                                     "a recession: more job losses, fewer job finds"));
    t.push_back(entry<AdvocacyCampaign>(
        "advocacy_campaign", Level::Macro,
        "staff time and money until a decision that may win a named change (another "
        "intervention, which starts only when won)"));
    return t;
  }();
  return types;
}

const std::vector<sim::ParamSpec>& intervention_common_params() {
  return Intervention::common_table().specs();
}

std::string intervention_name(const sim::ListEntry& entry) {
  const std::string& name = entry.values.string("name");
  return name.empty() ? entry.variant : name;
}

const InterventionType* find_intervention_type(const std::string& name) {
  for (const auto& t : intervention_types())
    if (t.name == name) return &t;
  return nullptr;
}

void check_interventions(const std::vector<sim::ListEntry>& entries,
                         const std::string& scenario_path) {
  std::map<std::string, std::size_t> seen;  // name -> 1-based index
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const sim::ListEntry& e = entries[k];
    const std::size_t index = k + 1;
    const auto& v = e.values;
    const std::string label = intervention_name(e);
    auto [it, fresh] = seen.emplace(label, index);
    if (!fresh) {
      const sim::ListEntry& first = entries[it->second - 1];
      throw sim::InputError(located(scenario_path, e, index, "name") +
                            "duplicate intervention name '" + label + "' (also intervention[" +
                            std::to_string(it->second) + "] at " +
                            (first.file.empty() ? scenario_path : first.file) + ":" +
                            std::to_string(first.line) + "); give each a distinct `name`");
    }
    const auto start = v.integer("start_week"), end = v.integer("end_week");
    if (end < start)
      throw sim::InputError(located(scenario_path, e, index, "end_week") +
                            "expected a week >= start_week (" + std::to_string(start) +
                            "), found " + std::to_string(end));
    for (const auto& f : v.strings("target.filter")) {
      try {
        parse_condition(f);
      } catch (const std::invalid_argument& err) {
        throw sim::InputError(located(scenario_path, e, index, "target.filter") + err.what());
      }
    }
    if (!v.boolean("outreach") && v.real("outreach_cost_per_week") != 0)
      throw sim::InputError(located(scenario_path, e, index, "outreach_cost_per_week") +
                            "expected 0 without outreach = true, found " +
                            sim::format_number(v.real("outreach_cost_per_week")));
    const InterventionType* type = find_intervention_type(e.variant);
    if (type && type->level == Level::Macro) {
      for (const char* key : {"cost_per_participant", "cost_per_participant_week", "capacity",
                              "outreach_cost_per_week"})
        if (v.real(key) != 0)
          throw sim::InputError(
              located(scenario_path, e, index, key) + "expected 0 for the " + "macro policy '" +
              e.variant + "' (it has no participants), found " + sim::format_number(v.real(key)));
      if (!v.string("location").empty() || v.boolean("outreach"))
        throw sim::InputError(
            located(scenario_path, e, index, v.boolean("outreach") ? "outreach" : "location") +
            "expected no location or outreach for the macro policy '" + e.variant +
            "' (it acts nationally)");
      for (const char* key :
           {"target.neighbourhoods", "target.filter", "target.people", "target.households"})
        if (const sim::ParamValue& value = v.values().at(key); !is_empty_list(value))
          throw sim::InputError(located(scenario_path, e, index, key) +
                                "expected no target for the macro policy '" + e.variant +
                                "' (it acts nationally), found " + sim::to_text(value));
    }
  }
  check_campaigns(entries, scenario_path);
}

std::unique_ptr<sim::Mechanism> make_intervention(const InterventionSetup& setup) {
  const InterventionType* type = find_intervention_type(setup.entry.variant);
  if (!type) throw std::logic_error("unknown intervention type " + setup.entry.variant);
  return type->make(setup);
}

}  // namespace wellsim::models
