// Parameters of the community model's life events. Every default names its source; weekly
// probabilities come from annual or quarterly figures as p_week = p_year / 52 (small rates).
// Onset rates of illnesses, housing insecurity and homelessness are not parameters: LifeEvents
// derives them from the stated prevalence and recovery rate so that a run without shocks stays at
// that prevalence (stationary two-state chain: p = h / (h + r), so h = p r / (1 - p)).
#include "models/life/life_params.hpp"

namespace wellsim::models {

// Long because it is the list of [life] keys, one declaration each.
const sim::ParamTable<LifeRates>& life_table() {
  return sim::declared<LifeRates>([](sim::ParamTable<LifeRates>& t) {
    t.add("uc_standard_allowance", &LifeRates::uc_allowance, 90.0)
        .range(0, 1000)
        .unit("GBP/week")
        .help(
            "Universal Credit standard allowance of an out-of-work adult (DWP rates 2024/25: "
            "GBP 393.45/month single 25+), times the macro benefit level");
    t.add("state_pension", &LifeRates::state_pension, 200.0)
        .range(0, 2000)
        .unit("GBP/week")
        .help("income of a retired person (DWP full new State Pension 2023/24: GBP 203.85/week)");
    t.add("child_benefit", &LifeRates::child_benefit, 21.0)
        .range(0, 500)
        .unit("GBP/week")
        .help("Child Benefit per child under 16 (HMRC 2023/24: GBP 24.00 eldest, 15.90 others)");
    t.add("child_element", &LifeRates::child_element, 62.0)
        .range(0, 500)
        .unit("GBP/week")
        .help(
            "Universal Credit child element per child of a household with no one in work (DWP "
            "2023/24: GBP 269.58/month), times the macro benefit level");
    t.add("housing_support_share", &LifeRates::housing_support, 0.8)
        .range(0, 1)
        .help(
            "share of the rent of an out-of-work renting household met by the UC housing element "
            "(the rest is the Local Housing Allowance shortfall; IFS 2023)");
    t.add("energy_cost", &LifeRates::energy_cost, 24.0)
        .range(0, 1000)
        .unit("GBP/week")
        .help(
            "baseline energy bill per equivalised adult (Ofgem price cap Oct 2023: GBP 1,834/year "
            "for a typical dual-fuel home, over a mean household equivalence of about 1.5)");
    t.add("food_cost", &LifeRates::food_cost, 45.0)
        .range(0, 1000)
        .unit("GBP/week")
        .help(
            "baseline food spend per equivalised adult (ONS Family Spending FYE 2022: GBP 66/week "
            "per household, uprated to 2023, over a mean equivalence of about 1.5)");
    t.add("sanction_rate", &LifeRates::sanction_rate, 0.001)
        .range(0, 1)
        .unit("1/week")
        .help(
            "base weekly hazard that an unemployed claimant is sanctioned, before the macro "
            "sanction rate is added (DWP sanction statistics 2023: ~0.5% of searching claimants "
            "per month)");
    t.add("sanction_income_share", &LifeRates::sanction_keep, 0.0)
        .range(0, 1)
        .help("share of the standard allowance kept during a sanction (UC: 100% reduction)");
    t.add("sanction_weeks", &LifeRates::sanction_weeks, 4)
        .range(1, 520)
        .unit("weeks")
        .help("weeks a sanction lasts (DWP: median low-level sanction)");
    t.add("unemployment_rate", &LifeRates::unemployment_rate, 0.043)
        .range(0.001, 0.5)
        .help(
            "unemployment rate the job hazards are calibrated to without shocks (ONS LFS 2023: "
            "4.3%); job loss = rate * finding / (1 - rate)");
    t.add("job_finding_rate", &LifeRates::job_finding, 0.022)
        .range(0.0001, 1)
        .unit("1/week")
        .help(
            "weekly hazard that an unemployed person finds work (ONS LFS flows: about a quarter "
            "of the unemployed are in work the next quarter)");
    t.add("food_insecure_share", &LifeRates::food_share, 0.08)
        .range(0, 1)
        .help(
            "share of people in food-insecure households at week 0 (DWP FRS 2021/22: 7% of "
            "households; Food Foundation tracker 7.3% July 2021, 8.8% January 2022); sets the "
            "cost-of-living burden above which food insecurity is risked (cost_burden.cpp)");
    t.add("energy_bills_difficult_share", &LifeRates::energy_bills_share, 0.35)
        .range(0, 1)
        .help(
            "share of people in households finding it very or somewhat difficult to afford their "
            "energy bills at week 0 (ONS Opinions and Lifestyle Survey, adults who pay energy "
            "bills: 40-48% in 2022-23, about a third to 4 in 10 since; before the crisis about a "
            "fifth); sets the burden at which difficulty starts (cost_burden.cpp)");
    t.add("burden_spread", &LifeRates::burden_spread, 0.5)
        .range(0.01, 10)
        .unit("log burden")
        .help(
            "logistic scale of households' tolerance of their energy-and-food burden (share of "
            "income after housing), in log burden: how fast difficulty paying energy bills and "
            "food insecurity spread as prices rise. Calibrated: ONS OPN energy-bill difficulty "
            "about 20% in 2021 -> 40-48% in winter 2022-23 and Food Foundation food insecurity "
            "7-9% -> 17.7-18% (range 0.25-0.6)");
    t.add("fuel_poor_share", &LifeRates::fuel_share, 0.13)
        .range(0, 1)
        .help(
            "share of people in fuel-poor households at week 0 (DESNZ LILEE 2023: 13% of "
            "households in England); sets the income below which fuel poverty starts");
    t.add("food_onset_rate", &LifeRates::food_onset, 0.1)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly hazard of food insecurity while the burden exceeds the household's food "
            "tolerance, times (1 + the excess on the logit scale)");
    t.add("food_recovery_rate", &LifeRates::food_recovery, 0.1)
        .range(0, 1)
        .unit("1/week")
        .help("weekly hazard that a food-insecure household below its tolerance recovers");
    t.add("fuel_onset_rate", &LifeRates::fuel_onset, 0.1)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly hazard of fuel poverty below the threshold income, times (1 + shortfall / "
            "energy cost)");
    t.add("fuel_recovery_rate", &LifeRates::fuel_recovery, 0.1)
        .range(0, 1)
        .unit("1/week")
        .help("weekly hazard that a fuel-poor household above the threshold recovers");
    t.add("strain_threshold", &LifeRates::strain_threshold, 25.0)
        .range(-1000, 1000)
        .unit("GBP/week")
        .help(
            "financial strain when equivalised disposable income after housing, energy and food "
            "is below this (little or no margin for an unexpected bill)");
    t.add("housing_insecure_share", &LifeRates::housing_share, 0.04)
        .range(0, 1)
        .help(
            "share of people in households at risk of losing their home (English Housing Survey "
            "2022/23: ~4% of households in rent or mortgage arrears); only strained households "
            "become insecure");
    t.add("housing_recovery_rate", &LifeRates::housing_recovery, 0.04)
        .range(0.0001, 1)
        .unit("1/week")
        .help("weekly hazard that housing insecurity ends (arrears cleared: about six months)");
    t.add("homeless_share", &LifeRates::homeless_share, 0.005)
        .range(0, 1)
        .help(
            "share of people homeless (Shelter 2023: 1 in 182 people in England); they come from "
            "insecure households");
    t.add("rehousing_rate", &LifeRates::rehousing, 0.02)
        .range(0.0001, 1)
        .unit("1/week")
        .help(
            "weekly hazard that a homeless household is rehoused (DLUHC: most stays in temporary "
            "accommodation exceed a year)");
    t.add("physical_illness_child", &LifeRates::physical_child, 0.08)
        .range(0, 1)
        .help(
            "prevalence of limiting physical illness under 16 (DWP FRS 2021/22 disability: 11% "
            "of children, physical only lower)");
    t.add("physical_illness_adult", &LifeRates::physical_adult, 0.17)
        .range(0, 1)
        .help(
            "prevalence of limiting physical illness 16-64 (DWP FRS 2021/22: 23% of working age "
            "disabled, physical only lower)");
    t.add("physical_illness_old", &LifeRates::physical_old, 0.40)
        .range(0, 1)
        .help("prevalence of limiting physical illness 65+ (DWP FRS 2021/22: 45% of pension age)");
    t.add("physical_recovery_rate", &LifeRates::physical_recovery, 0.01)
        .range(0.0001, 1)
        .unit("1/week")
        .help("weekly hazard that a limiting illness ends (mean spell about two years)");
    t.add("mental_illness_share", &LifeRates::mental_share, 0.17)
        .range(0, 0.99)
        .help(
            "prevalence of depression or anxiety among people 16+ (APMS 2014: 17% with a common "
            "mental disorder); onset is calibrated so this holds without shocks");
    t.add("mental_recovery_rate", &LifeRates::mental_recovery, 0.04)
        .range(0.0001, 1)
        .unit("1/week")
        .help(
            "weekly hazard of recovery from a common mental disorder (episodes of about six "
            "months; Spijker et al. 2002, NEMESIS)");
    t.add("mental_rr_unemployed", &LifeRates::rr_unemployed, 2.0)
        .range(0, 100)
        .help(
            "relative onset hazard of mental illness when unemployed (Paul & Moser 2009 "
            "meta-analysis: 34% vs 16% with problems)");
    t.add("mental_rr_strain", &LifeRates::rr_strain, 1.6)
        .range(0, 100)
        .help(
            "relative onset hazard under financial strain (Richardson et al. 2013 debt "
            "meta-analysis; Jenkins et al. 2008)");
    t.add("mental_rr_food_insecure", &LifeRates::rr_food, 1.5)
        .range(0, 100)
        .help(
            "relative onset hazard when food insecure (Pourmotabbed et al. 2020 meta-analysis: "
            "OR ~1.4 for depression): how food insecurity reaches wellbeing by default");
    t.add("mental_rr_fuel_poor", &LifeRates::rr_fuel, 1.5)
        .range(0, 100)
        .help(
            "relative onset hazard when fuel poor (Liddell & Morris 2010; Marmot Review Team "
            "2011): how fuel poverty reaches wellbeing by default");
    t.add("mental_rr_energy_bills", &LifeRates::rr_energy_bills, 1.5)
        .range(0, 100)
        .help(
            "relative onset hazard when the household finds its energy bills difficult to pay "
            "(ONS, 'Cost of living and depression in adults', OPN autumn 2022: depressive "
            "symptoms about twice as common among adults in difficulty; cross-sectional, so "
            "set at 1.5 like food and fuel)");
    t.add("mental_rr_victimised", &LifeRates::rr_victimised, 1.8)
        .range(0, 100)
        .help(
            "relative onset hazard after victimisation (Dustmann & Fasani 2016; CSEW emotional "
            "impact): how crime reaches wellbeing by default");
    t.add("mental_rr_hate", &LifeRates::rr_hate, 2.0)
        .range(0, 100)
        .help(
            "extra relative onset hazard after a hate incident (CSEW 2017-20: hate crime victims "
            "twice as likely to report anxiety)");
    t.add("mental_rr_lonely", &LifeRates::rr_lonely, 1.8)
        .range(0, 100)
        .help("relative onset hazard when lonely (Mann et al. 2022 review)");
    t.add("mental_rr_bereaved", &LifeRates::rr_bereaved, 2.0)
        .range(0, 100)
        .help("relative onset hazard in the year after losing a partner (Stroebe et al. 2007)");
    t.add("mental_rr_homeless", &LifeRates::rr_homeless, 2.0)
        .range(0, 100)
        .help("relative onset hazard when homeless (Fazel et al. 2014)");
    // The family domains exist only with [family] enabled; week 0's calibration of onset runs
    // before they are drawn, so with them on the mental-illness share settles above
    // mental_share by their risk (docs/model.md, "Family and neighbours").
    t.add("mental_rr_relationship_distress", &LifeRates::rr_relationship_distress, 2.7)
        .range(0, 100)
        .help(
            "relative onset hazard in a distressed relationship (Whisman & Bruce 1999, J. Abnorm. "
            "Psychol. 108:674: maritally dissatisfied spouses 2.7 times as likely to develop a "
            "major depressive episode within a year, adjusted for demographics and past "
            "depression; range 1.5-3.0)");
    t.add("mental_rr_domestic_abuse", &LifeRates::rr_domestic_abuse, 2.0)
        .range(0, 100)
        .help(
            "relative onset hazard when living with domestic abuse (Devries et al. 2013, PLoS "
            "Med. 10:e1001439, longitudinal meta-analysis: intimate partner violence and "
            "incident depressive symptoms OR 1.97, 95% CI 1.56-2.48)");
    t.add("substance_share", &LifeRates::substance_share, 0.04)
        .range(0, 0.99)
        .help(
            "prevalence of harmful alcohol or drug use among people 16+ (APMS 2014: 3.1% drug "
            "and 1.2% alcohol dependence, overlapping)");
    t.add("substance_recovery_rate", &LifeRates::substance_recovery, 0.02)
        .range(0.0001, 1)
        .unit("1/week")
        .help("weekly hazard that harmful use ends (about a year; OHID treatment statistics)");
    t.add("widowhood_rate", &LifeRates::widowhood, 0.0005)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly hazard that a partnered person 65+ loses their partner (ONS: ~2.5% of "
            "married people 65+ widowed per year)");
    t.add("hold_widowhood", &LifeRates::hold_widowhood, true)
        .help(
            "hold the widowed share of people 65+ at its week-0 (census) level: a widowed "
            "person 65+ is replaced by a partnered one at the rate that balances widowhood "
            "(widowhood_rate x partnered / widowed 65+ at week 0, ~7% a year: about the death "
            "rate near 80, ONS National Life Tables), standing in for the deaths and ageing "
            "the model does not have yet");
    t.add("bereavement_weeks", &LifeRates::bereaved_weeks, 52)
        .range(1, 520)
        .unit("weeks")
        .help("weeks a person counts as bereaved");
    t.add("victimisation_rate", &LifeRates::victimisation, 0.0038)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly hazard of being a victim of crime (CSEW year ending March 2023: ~1 in 5 "
            "adults per year), times the macro and local multipliers");
    t.add("victimisation_by_neighbourhood", &LifeRates::victimisation_by_group,
          std::vector<double>{})
        .range(0, 100)
        .help(
            "relative victimisation hazard of each neighbourhood, in the network's group "
            "order (empty = all 1; Police recorded crime varies ~3x within a town)");
    t.add("hate_rate", &LifeRates::hate, 0.0004)
        .range(0, 1)
        .unit("1/week")
        .help(
            "weekly hazard of a hate incident for minority people (CSEW 2017-20: ~2% of "
            "minority-ethnic adults per year), times the macro hate and local multipliers");
    t.add("victimisation_weeks", &LifeRates::victim_weeks, 13)
        .range(1, 520)
        .unit("weeks")
        .help("weeks a person counts as victimised after an incident");
    t.add("lonely_support_below", &LifeRates::lonely_support, 3)
        .range(0, 1000)
        .unit("ties")
        .help(
            "an adult is lonely when close ties beyond the household (kin, close friends, "
            "programme ties) are fewer than this (ONS OPN 2023: ~7% of adults often or "
            "always lonely; 3 gives 7.2% of adults in the default town at week 0)");
    t.add("lonely_ties_below", &LifeRates::lonely_ties, 4)
        .range(0, 1000)
        .unit("ties")
        .help("an adult is also lonely when all ties together are fewer than this");
  });
}

const std::vector<sim::ParamSpec>& life_params() { return life_table().specs(); }

sim::ParamSet default_life_params() {
  sim::ParamSet set;
  for (const auto& s : life_params()) set.set(s.name, *s.fallback);
  return set;
}

}  // namespace wellsim::models
