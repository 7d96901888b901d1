#pragma once
// The catalogue of /series names: one place that spells every per-step series a model declares
// on the sim::Ledger and every name a reader (analysis/, viz/, `wellsim inspect`) asks for.
//
// Why in sim/: the writers are in models/ and the readers in analysis/, viz/ and cli/; models/
// must not include output/ (DESIGN: sim <- models, sim <- output <- analysis, viz), and sim/ is
// the one layer all of them may include. The names are the file format (docs/output-format.md),
// so a rename here renames both sides at once, and a reader of an older file that lacks a name
// gets RunReader::series's error naming it instead of a silent zero.
#include <string>
#include <string_view>
#include <vector>

namespace wellsim::sim::series {

/// Prefix of every domain prevalence ("prevalence/homeless"): the share of people in need,
/// before the week's relief (a food parcel, a warm space).
inline constexpr std::string_view kPrevalence = "prevalence/";
/// Prefix of the share left in need after the week's relief ("after_relief/food_insecure").
inline constexpr std::string_view kAfterRelief = "after_relief/";
/// Prefix of every service series ("service/food_bank/queue").
inline constexpr std::string_view kService = "service/";
/// Prefix of every macro policy series ("policy/price_cap/cost").
inline constexpr std::string_view kPolicy = "policy/";

/// Unemployed over employed + unemployed (ILO definition), a share.
inline constexpr const char* kUnemploymentRate = "employment/unemployment_rate";
/// Mean equivalised disposable income, GBP per week.
inline constexpr const char* kMeanDisposable = "income/mean_disposable";
/// People present in the town at the end of the week ([demography]; absent without it).
inline constexpr const char* kPopulationPresent = "population/present";
/// Deaths in the week ([demography]).
inline constexpr const char* kPopulationDeaths = "population/deaths";
/// Births in the week that found a reserved row ([demography]).
inline constexpr const char* kPopulationBirths = "population/births";
/// Births in the week that found no free reserved row in the mother's household ([demography]).
inline constexpr const char* kPopulationBirthsUnplaced = "population/births_unplaced";
/// Ties created by community programmes in force.
inline constexpr const char* kCommunityTies = "ties/community";
/// Mean life satisfaction of children aged 10-15 (the ONS children's measure's ages), 0-10.
inline constexpr const char* kChildrenMean = "children/mean";
/// Share of children aged 10-15 with low life satisfaction (below 4.5: 0-4 once rounded).
inline constexpr const char* kChildrenLow = "children/share_low";
/// Children in need with domestic abuse identified, per 10,000 children under 18 ([family]).
inline constexpr const char* kChildrenInNeed = "children/in_need_per_10k";

/// Metrics of a service (`service/<name>/<metric>`).
inline constexpr const char* kEnrolled = "enrolled";         ///< people served
inline constexpr const char* kQueue = "queue";               ///< people waiting
inline constexpr const char* kAdmitted = "admitted";         ///< people admitted this week
inline constexpr const char* kMeanWait = "mean_wait_weeks";  ///< mean wait of those admitted
inline constexpr const char* kCapacity = "capacity";         ///< places
inline constexpr const char* kCost = "cost";                 ///< GBP in the week
inline constexpr const char* kGainHolders = "gain_holders";  ///< income_maximisation gains
/// Metric of an advocacy campaign (`policy/<name>/won`): 1 from the week it wins its change.
inline constexpr const char* kWon = "won";

/// The share of people with `domain` ("prevalence/homeless").
inline std::string prevalence(std::string_view domain) {
  return std::string(kPrevalence) + std::string(domain);
}
/// The same within one group: a neighbourhood's name or "minority" ("prevalence/homeless/Bacup").
inline std::string prevalence(std::string_view domain, std::string_view group) {
  return prevalence(domain) + "/" + std::string(group);
}
/// The share with `domain` left after the week's relief ("after_relief/food_insecure").
inline std::string after_relief(std::string_view domain) {
  return std::string(kAfterRelief) + std::string(domain);
}
/// Mean wellbeing of one group ("wellbeing/mean/Bacup").
inline std::string wellbeing_mean(std::string_view group) {
  return "wellbeing/mean/" + std::string(group);
}
/// One metric of a service intervention ("service/food_bank/queue").
inline std::string service(std::string_view name, std::string_view metric) {
  return std::string(kService) + std::string(name) + "/" + std::string(metric);
}
/// The weekly cost of a macro policy ("policy/price_cap/cost").
inline std::string policy_cost(std::string_view name) {
  return std::string(kPolicy) + std::string(name) + "/" + kCost;
}

/// Whether an advocacy campaign has won its change by the week ("policy/hub_campaign/won").
inline std::string campaign_won(std::string_view name) {
  return std::string(kPolicy) + std::string(name) + "/" + kWon;
}

/// The domains whose prevalence reports show first, in this order.
inline const std::vector<std::string>& headline_domains() {
  static const std::vector<std::string> domains = {"homeless", "food_insecure", "fuel_poor",
                                                   "mental_illness", "lonely"};
  return domains;
}

/// True for a cost series: `service/<name>/cost` or `policy/<name>/cost`.
inline bool is_cost(std::string_view name) {
  const std::string_view suffix = "/cost";
  const bool owned =
      name.substr(0, kService.size()) == kService || name.substr(0, kPolicy.size()) == kPolicy;
  return owned && name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
}

/// The intervention that owns a `service/<name>/<metric>` or `policy/<name>/<metric>` series
/// ("" for any other series).
inline std::string owner(std::string_view name) {
  for (std::string_view prefix : {kService, kPolicy}) {
    if (name.substr(0, prefix.size()) != prefix) continue;
    const std::size_t slash = name.rfind('/');
    if (slash > prefix.size())
      return std::string(name.substr(prefix.size(), slash - prefix.size()));
  }
  return "";
}

/// The metric of a series: its last path part ("queue" of "service/food_bank/queue").
inline std::string metric(std::string_view name) {
  return std::string(name.substr(name.rfind('/') + 1));
}

/// The unit of a series, from its name: "share" (prevalences, rates), "GBP" (a week's cost),
/// "GBP/week", "points (0-10)", "weeks", "people", "places", "ties" or "0/1" (a campaign won);
/// "" for a name outside
/// this catalogue. Written beside the names as /series/unit.
inline std::string unit(std::string_view name) {
  const auto starts = [&](std::string_view p) { return name.substr(0, p.size()) == p; };
  if (starts(kPrevalence) || starts(kAfterRelief) || name == kUnemploymentRate ||
      name == kChildrenLow)
    return "share";
  if (name == kMeanDisposable) return "GBP/week";
  if (starts("wellbeing/mean/") || name == kChildrenMean) return "points (0-10)";
  if (name == kCommunityTies) return "ties";
  if (name == kChildrenInNeed) return "per 10,000 children";
  if (is_cost(name)) return "GBP";
  if (starts(kPolicy) && metric(name) == kWon) return "0/1";
  if (!starts(kService)) return "";
  const std::string m = metric(name);
  if (m == kMeanWait) return "weeks";
  if (m == kCapacity) return "places";
  if (m == kEnrolled || m == kQueue || m == kAdmitted || m == kGainHolders) return "people";
  return "";
}

}  // namespace wellsim::sim::series
