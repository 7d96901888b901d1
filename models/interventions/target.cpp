// Target parsing: see target.hpp. Ages follow the model's Activity: children are under 16.
#include "models/interventions/target.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include "sim/errors.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::models {

namespace {

struct Named {
  const char* name;
  Condition::Kind kind;
  std::uint32_t value;
};

using K = Condition::Kind;

constexpr std::uint8_t act(Activity a) { return static_cast<std::uint8_t>(a); }

const Named kNamed[] = {
    {"unemployed", K::Activity, act(Activity::Unemployed)},
    {"employed", K::Activity, act(Activity::Employed)},
    {"student", K::Activity, act(Activity::Student)},
    {"retired", K::Activity, act(Activity::Retired)},
    {"inactive", K::Activity, act(Activity::Inactive)},
    {"minority", K::Trait, kMinority},
    {"partnered", K::Trait, kPartnered},
    {"widowed", K::Trait, kWidowed},
    {"household_head", K::Trait, kHouseholdHead},
    {"housing_insecure", K::Domain, kHousingInsecure},
    {"homeless", K::Domain, kHomeless},
    {"food_insecure", K::Domain, kFoodInsecure},
    {"fuel_poor", K::Domain, kFuelPoor},
    {"physical_illness", K::Domain, kPhysicalIll},
    {"mental_illness", K::Domain, kMentalIll},
    {"substance_misuse", K::Domain, kSubstanceMisuse},
    {"bereaved", K::Domain, kBereaved},
    {"victimised", K::Domain, kVictimised},
    {"hate_incident", K::Domain, kHateIncident},
    {"lonely", K::Domain, kLonely},
    {"financial_strain", K::Domain, kFinancialStrain},
    {"sanctioned", K::Domain, kSanctioned},
    {"energy_bills_difficult", K::Domain, kEnergyBills},
    {"child", K::AgeBelow, 16},
    {"adult", K::AgeAtLeast, 16},
    {"owner", K::Tenure, 0},
};

const char* const kTenures[] = {"owner", "social_rent", "private_rent"};

bool parse_age(const std::string& s, std::size_t from, std::uint32_t& out) {
  const char* b = s.data() + from;
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e && b != e && out <= 200;
}

/// "an id" as a message shows it: whole numbers without a fraction.
std::string id_text(double id) {
  return id >= 0 && id < 9007199254740992.0 && id == std::floor(id)
             ? std::to_string(std::int64_t(id))
             : sim::format_number(id);
}

/// Checks that every id of `key` is a whole number >= 0 (a list of numbers in TOML).
void check_whole(const std::vector<double>& ids, const std::string& key,
                 const std::string& context) {
  for (double id : ids)
    if (!(id >= 0) || id != std::floor(id))
      throw sim::InputError(context + key + ": expected whole-number ids, found " + id_text(id));
}

}  // namespace

void Target::mark_named(const TargetKeys& keys, const sim::Network& net,
                        const std::vector<std::uint32_t>& household_start,
                        const std::string& context) {
  if (keys.people.empty() && keys.households.empty()) return;
  check_whole(keys.people, "target.people", context);
  check_whole(keys.households, "target.households", context);
  named_.assign(net.size(), false);
  // A scan of the ids the source gave, once: a lesson names a handful of people.
  std::unordered_map<std::int64_t, bool> wanted;
  for (double id : keys.people) wanted.emplace(std::int64_t(id), false);
  for (std::size_t i = 0; i < net.size(); ++i) {
    const std::int64_t id = net.original_id.empty() ? std::int64_t(i) : net.original_id[i];
    if (const auto it = wanted.find(id); it != wanted.end()) it->second = named_[i] = true;
  }
  for (double id : keys.people)
    if (!wanted.at(std::int64_t(id)))
      throw sim::InputError(context + "target.people: no person " + id_text(id) +
                            " in the population (" + std::to_string(net.size()) + " people)");
  const std::size_t households = household_start.empty() ? 0 : household_start.size() - 1;
  for (double h : keys.households) {
    if (h >= double(households))
      throw sim::InputError(
          context + "target.households: no household " + id_text(h) + " in the population (" +
          (households == 0 ? std::string("it has no households")
                           : "households 0 to " + std::to_string(households - 1)) +
          ")");
    const auto k = std::size_t(h);
    for (std::uint32_t m = household_start[k]; m < household_start[k + 1]; ++m) named_[m] = true;
  }
}

std::string condition_forms() {
  std::string s;
  for (const auto& n : kNamed) s += std::string(n.name) + ", ";
  return s +
         "age>=N, age>N, age<N, age<=N, tenure=owner|social_rent|private_rent; prefix ! to "
         "negate";
}

Condition parse_condition(const std::string& text) {
  Condition c{K::Domain, 0, false};
  std::string s = text;
  if (!s.empty() && s[0] == '!') c.negate = true, s.erase(0, 1);
  for (const auto& n : kNamed)
    if (s == n.name) {
      c.kind = n.kind, c.value = n.value;
      return c;
    }
  std::uint32_t age = 0;
  if (s.rfind("age>=", 0) == 0 && parse_age(s, 5, age))
    c.kind = K::AgeAtLeast, c.value = age;
  else if (s.rfind("age<=", 0) == 0 && parse_age(s, 5, age))
    c.kind = K::AgeBelow, c.value = age + 1;
  else if (s.rfind("age>", 0) == 0 && parse_age(s, 4, age))
    c.kind = K::AgeAtLeast, c.value = age + 1;
  else if (s.rfind("age<", 0) == 0 && parse_age(s, 4, age))
    c.kind = K::AgeBelow, c.value = age;
  else if (s.rfind("tenure=", 0) == 0) {
    for (std::uint32_t t = 0; t < 3; ++t)
      if (s.substr(7) == kTenures[t]) {
        c.kind = K::Tenure, c.value = t;
        return c;
      }
    throw std::invalid_argument("unknown condition '" + text + "'; expected one of " +
                                condition_forms());
  } else {
    throw std::invalid_argument("unknown condition '" + text + "'; expected one of " +
                                condition_forms());
  }
  return c;
}

Target::Target(const TargetKeys& keys, const sim::Network& net,
               const std::vector<std::uint32_t>& household_start, const std::string& context) {
  const auto& neighbourhoods = keys.neighbourhoods;
  if (!neighbourhoods.empty()) {
    groups_.assign(net.group_names.size(), false);
    for (const auto& name : neighbourhoods) {
      std::size_t g = 0;
      while (g < net.group_names.size() && net.group_names[g] != name) ++g;
      if (g == net.group_names.size()) {
        std::string known;
        for (const auto& k : net.group_names) known += (known.empty() ? "" : ", ") + k;
        throw sim::InputError(context + "target.neighbourhoods: unknown neighbourhood '" + name +
                              "'; known: " +
                              (known.empty() ? "(none: the network has no "
                                               "neighbourhoods)"
                                             : known));
      }
      groups_[g] = true;
    }
  }
  mark_named(keys, net, household_start, context);
  for (const auto& f : keys.filter) {
    try {
      conditions_.push_back(parse_condition(f));
    } catch (const std::invalid_argument& e) {
      throw sim::InputError(context + "target.filter: " + e.what());
    }
  }
}

}  // namespace wellsim::models
