// Parameters of the community model's life events. Every default names its source; weekly
// probabilities come from annual or quarterly figures as p_week = p_year / 52 (small rates).
// Onset rates of illnesses, housing insecurity and homelessness are not parameters: LifeEvents
// derives them from the stated prevalence and recovery rate so that a run without shocks stays at
// that prevalence (stationary two-state chain: p = h / (h + r), so h = p r / (1 - p)).
#include "models/life/life_params.hpp"

namespace wellsim::models {

namespace {

using sim::ParamSpec;
using sim::ParamType;

ParamSpec real(const char* name, double fallback, double lo, double hi, const char* unit,
               const char* help) {
  return {name, ParamType::Real, help, unit, fallback, lo, hi, {}};
}
ParamSpec weeks(const char* name, std::int64_t fallback, const char* help) {
  return {name, ParamType::Integer, help, "weeks", fallback, 1, 520, {}};
}

}  // namespace

const std::vector<sim::ParamSpec>& life_params() {
  static const std::vector<ParamSpec> specs = {
      real("uc_standard_allowance", 90, 0, 1000, "GBP/week",
           "Universal Credit standard allowance of an out-of-work adult (DWP rates 2024/25: "
           "GBP 393.45/month single 25+), times the macro benefit level"),
      real("state_pension", 200, 0, 2000, "GBP/week",
           "income of a retired person (DWP full new State Pension 2023/24: GBP 203.85/week)"),
      real("child_benefit", 21, 0, 500, "GBP/week",
           "Child Benefit per child under 16 (HMRC 2023/24: GBP 24.00 eldest, 15.90 others)"),
      real("child_element", 62, 0, 500, "GBP/week",
           "Universal Credit child element per child of a household with no one in work (DWP "
           "2023/24: GBP 269.58/month), times the macro benefit level"),
      real("housing_support_share", 0.8, 0, 1, "",
           "share of the rent of an out-of-work renting household met by the UC housing element "
           "(the rest is the Local Housing Allowance shortfall; IFS 2023)"),
      real("energy_cost", 24, 0, 1000, "GBP/week",
           "baseline energy bill per equivalised adult (Ofgem price cap Oct 2023: GBP 1,834/year "
           "for a typical dual-fuel home, over a mean household equivalence of about 1.5)"),
      real("food_cost", 45, 0, 1000, "GBP/week",
           "baseline food spend per equivalised adult (ONS Family Spending FYE 2022: GBP 66/week "
           "per household, uprated to 2023, over a mean equivalence of about 1.5)"),
      real("sanction_rate", 0.001, 0, 1, "1/week",
           "base weekly hazard that an unemployed claimant is sanctioned, before the macro "
           "sanction rate is added (DWP sanction statistics 2023: ~0.5% of searching claimants "
           "per month)"),
      real("sanction_income_share", 0.0, 0, 1, "",
           "share of the standard allowance kept during a sanction (UC: 100% reduction)"),
      weeks("sanction_weeks", 4, "weeks a sanction lasts (DWP: median low-level sanction)"),
      real("unemployment_rate", 0.043, 0.001, 0.5, "",
           "unemployment rate the job hazards are calibrated to without shocks (ONS LFS 2023: "
           "4.3%); job loss = rate * finding / (1 - rate)"),
      real("job_finding_rate", 0.022, 0.0001, 1, "1/week",
           "weekly hazard that an unemployed person finds work (ONS LFS flows: about a quarter "
           "of the unemployed are in work the next quarter)"),
      real("food_insecure_share", 0.08, 0, 1, "",
           "share of people in food-insecure households at week 0 (DWP FRS 2021/22: 7% of "
           "households; Food Foundation 2023: 9-17%); sets the income below which food "
           "insecurity starts"),
      real("fuel_poor_share", 0.13, 0, 1, "",
           "share of people in fuel-poor households at week 0 (DESNZ LILEE 2023: 13% of "
           "households in England); sets the income below which fuel poverty starts"),
      real("food_onset_rate", 0.1, 0, 1, "1/week",
           "weekly hazard of food insecurity below the threshold income, times (1 + shortfall / "
           "food cost)"),
      real("food_recovery_rate", 0.1, 0, 1, "1/week",
           "weekly hazard that a food-insecure household above the threshold recovers"),
      real("fuel_onset_rate", 0.1, 0, 1, "1/week",
           "weekly hazard of fuel poverty below the threshold income, times (1 + shortfall / "
           "energy cost)"),
      real("fuel_recovery_rate", 0.1, 0, 1, "1/week",
           "weekly hazard that a fuel-poor household above the threshold recovers"),
      real("strain_threshold", 25, -1000, 1000, "GBP/week",
           "financial strain when equivalised disposable income after housing, energy and food "
           "is below this (little or no margin for an unexpected bill)"),
      real("housing_insecure_share", 0.04, 0, 1, "",
           "share of people in households at risk of losing their home (English Housing Survey "
           "2022/23: ~4% of households in rent or mortgage arrears); only strained households "
           "become insecure"),
      real("housing_recovery_rate", 0.04, 0.0001, 1, "1/week",
           "weekly hazard that housing insecurity ends (arrears cleared: about six months)"),
      real("homeless_share", 0.005, 0, 1, "",
           "share of people homeless (Shelter 2023: 1 in 182 people in England); they come from "
           "insecure households"),
      real("rehousing_rate", 0.02, 0.0001, 1, "1/week",
           "weekly hazard that a homeless household is rehoused (DLUHC: most stays in temporary "
           "accommodation exceed a year)"),
      real("physical_illness_child", 0.08, 0, 1, "",
           "prevalence of limiting physical illness under 16 (DWP FRS 2021/22 disability: 11% "
           "of children, physical only lower)"),
      real("physical_illness_adult", 0.17, 0, 1, "",
           "prevalence of limiting physical illness 16-64 (DWP FRS 2021/22: 23% of working age "
           "disabled, physical only lower)"),
      real("physical_illness_old", 0.40, 0, 1, "",
           "prevalence of limiting physical illness 65+ (DWP FRS 2021/22: 45% of pension age)"),
      real("physical_recovery_rate", 0.01, 0.0001, 1, "1/week",
           "weekly hazard that a limiting illness ends (mean spell about two years)"),
      real("mental_illness_share", 0.17, 0, 0.99, "",
           "prevalence of depression or anxiety among people 16+ (APMS 2014: 17% with a common "
           "mental disorder); onset is calibrated so this holds without shocks"),
      real("mental_recovery_rate", 0.04, 0.0001, 1, "1/week",
           "weekly hazard of recovery from a common mental disorder (episodes of about six "
           "months; Spijker et al. 2002, NEMESIS)"),
      real("mental_rr_unemployed", 2.0, 0, 100, "",
           "relative onset hazard of mental illness when unemployed (Paul & Moser 2009 "
           "meta-analysis: 34% vs 16% with problems)"),
      real("mental_rr_strain", 1.6, 0, 100, "",
           "relative onset hazard under financial strain (Richardson et al. 2013 debt "
           "meta-analysis; Jenkins et al. 2008)"),
      real("mental_rr_food_insecure", 1.5, 0, 100, "",
           "relative onset hazard when food insecure (Pourmotabbed et al. 2020 meta-analysis: "
           "OR ~1.4 for depression): how food insecurity reaches wellbeing by default"),
      real("mental_rr_fuel_poor", 1.5, 0, 100, "",
           "relative onset hazard when fuel poor (Liddell & Morris 2010; Marmot Review Team "
           "2011): how fuel poverty reaches wellbeing by default"),
      real("mental_rr_victimised", 1.8, 0, 100, "",
           "relative onset hazard after victimisation (Dustmann & Fasani 2016; CSEW emotional "
           "impact): how crime reaches wellbeing by default"),
      real("mental_rr_hate", 2.0, 0, 100, "",
           "extra relative onset hazard after a hate incident (CSEW 2017-20: hate crime victims "
           "twice as likely to report anxiety)"),
      real("mental_rr_lonely", 1.8, 0, 100, "",
           "relative onset hazard when lonely (Mann et al. 2022 review)"),
      real("mental_rr_bereaved", 2.0, 0, 100, "",
           "relative onset hazard in the year after losing a partner (Stroebe et al. 2007)"),
      real("mental_rr_homeless", 2.0, 0, 100, "",
           "relative onset hazard when homeless (Fazel et al. 2014)"),
      real("substance_share", 0.04, 0, 0.99, "",
           "prevalence of harmful alcohol or drug use among people 16+ (APMS 2014: 3.1% drug "
           "and 1.2% alcohol dependence, overlapping)"),
      real("substance_recovery_rate", 0.02, 0.0001, 1, "1/week",
           "weekly hazard that harmful use ends (about a year; OHID treatment statistics)"),
      real("widowhood_rate", 0.0005, 0, 1, "1/week",
           "weekly hazard that a partnered person 65+ loses their partner (ONS: ~2.5% of "
           "married people 65+ widowed per year)"),
      weeks("bereavement_weeks", 52, "weeks a person counts as bereaved"),
      real("victimisation_rate", 0.0038, 0, 1, "1/week",
           "weekly hazard of being a victim of crime (CSEW year ending March 2023: ~1 in 5 "
           "adults per year), times the macro and local multipliers"),
      ParamSpec{"victimisation_by_neighbourhood", ParamType::RealList,
                "relative victimisation hazard of each neighbourhood, in the network's group "
                "order (empty = all 1; Police recorded crime varies ~3x within a town)",
                "", std::vector<double>{}, 0, 100, {}},
      real("hate_rate", 0.0004, 0, 1, "1/week",
           "weekly hazard of a hate incident for minority people (CSEW 2017-20: ~2% of "
           "minority-ethnic adults per year), times the macro hate and local multipliers"),
      weeks("victimisation_weeks", 13, "weeks a person counts as victimised after an incident"),
      ParamSpec{"lonely_support_below", ParamType::Integer,
                "an adult is lonely when close ties beyond the household (kin, close friends, "
                "programme ties) are fewer than this (ONS OPN 2023: ~7% of adults often or "
                "always lonely; 3 gives 7.2% of adults in the default town at week 0)",
                "ties", std::int64_t{3}, 0, 1000, {}},
      ParamSpec{"lonely_ties_below", ParamType::Integer,
                "an adult is also lonely when all ties together are fewer than this",
                "ties", std::int64_t{4}, 0, 1000, {}},
  };
  return specs;
}

LifeRates read_life_rates(const sim::ParamSet& p) {
  LifeRates r;
  r.uc_allowance = p.real("uc_standard_allowance");
  r.state_pension = p.real("state_pension");
  r.child_benefit = p.real("child_benefit");
  r.child_element = p.real("child_element");
  r.housing_support = p.real("housing_support_share");
  r.energy_cost = p.real("energy_cost");
  r.food_cost = p.real("food_cost");
  r.sanction_rate = p.real("sanction_rate");
  r.sanction_keep = p.real("sanction_income_share");
  r.sanction_weeks = static_cast<std::uint32_t>(p.integer("sanction_weeks"));
  r.unemployment_rate = p.real("unemployment_rate");
  r.job_finding = p.real("job_finding_rate");
  r.food_share = p.real("food_insecure_share");
  r.fuel_share = p.real("fuel_poor_share");
  r.food_onset = p.real("food_onset_rate");
  r.food_recovery = p.real("food_recovery_rate");
  r.fuel_onset = p.real("fuel_onset_rate");
  r.fuel_recovery = p.real("fuel_recovery_rate");
  r.strain_threshold = p.real("strain_threshold");
  r.housing_share = p.real("housing_insecure_share");
  r.housing_recovery = p.real("housing_recovery_rate");
  r.homeless_share = p.real("homeless_share");
  r.rehousing = p.real("rehousing_rate");
  r.physical_child = p.real("physical_illness_child");
  r.physical_adult = p.real("physical_illness_adult");
  r.physical_old = p.real("physical_illness_old");
  r.physical_recovery = p.real("physical_recovery_rate");
  r.mental_share = p.real("mental_illness_share");
  r.mental_recovery = p.real("mental_recovery_rate");
  r.rr_unemployed = p.real("mental_rr_unemployed");
  r.rr_strain = p.real("mental_rr_strain");
  r.rr_food = p.real("mental_rr_food_insecure");
  r.rr_fuel = p.real("mental_rr_fuel_poor");
  r.rr_victimised = p.real("mental_rr_victimised");
  r.rr_hate = p.real("mental_rr_hate");
  r.rr_lonely = p.real("mental_rr_lonely");
  r.rr_bereaved = p.real("mental_rr_bereaved");
  r.rr_homeless = p.real("mental_rr_homeless");
  r.substance_share = p.real("substance_share");
  r.substance_recovery = p.real("substance_recovery_rate");
  r.widowhood = p.real("widowhood_rate");
  r.bereaved_weeks = static_cast<std::uint32_t>(p.integer("bereavement_weeks"));
  r.victimisation = p.real("victimisation_rate");
  r.victimisation_by_group = p.reals("victimisation_by_neighbourhood");
  r.hate = p.real("hate_rate");
  r.victim_weeks = static_cast<std::uint32_t>(p.integer("victimisation_weeks"));
  r.lonely_support = static_cast<std::uint32_t>(p.integer("lonely_support_below"));
  r.lonely_ties = static_cast<std::uint32_t>(p.integer("lonely_ties_below"));
  return r;
}

sim::ParamSet default_life_params() {
  sim::ParamSet set;
  for (const auto& s : life_params()) set.set(s.name, *s.fallback);
  return set;
}

}  // namespace wellsim::models
