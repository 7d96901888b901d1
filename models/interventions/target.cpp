// Target parsing: see target.hpp. Ages follow the model's Activity: children are under 16.
#include "models/interventions/target.hpp"

#include <charconv>
#include <stdexcept>

#include "sim/errors.hpp"

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

}  // namespace

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

Target::Target(const std::vector<std::string>& neighbourhoods,
               const std::vector<std::string>& filter, const sim::Network& net,
               const std::string& context) {
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
  for (const auto& f : filter) {
    try {
      conditions_.push_back(parse_condition(f));
    } catch (const std::invalid_argument& e) {
      throw sim::InputError(context + "target.filter: " + e.what());
    }
  }
}

}  // namespace wellsim::models
