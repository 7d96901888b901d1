#include "models/community/vocabulary.hpp"

namespace wellsim::models {

const char* domain_name(unsigned b) {
  static const char* const kNames[kDomainCount] = {"housing_insecure",
                                                   "homeless",
                                                   "food_insecure",
                                                   "fuel_poor",
                                                   "physical_illness",
                                                   "mental_illness",
                                                   "substance_misuse",
                                                   "bereaved",
                                                   "victimised",
                                                   "hate_incident",
                                                   "lonely",
                                                   "financial_strain",
                                                   "sanctioned",
                                                   "energy_bills_difficult",
                                                   "relationship_distress",
                                                   "domestic_abuse",
                                                   "neighbour_conflict"};
  return b < kDomainCount ? kNames[b] : "?";
}

std::vector<std::string> domain_names() {
  std::vector<std::string> out;
  for (unsigned b = 0; b < kDomainCount; ++b) out.push_back(domain_name(b));
  return out;
}

std::vector<std::string> activity_names() {
  return {"child", "student", "employed", "unemployed", "retired", "inactive"};
}

std::vector<std::string> tenure_names() { return {"owner", "social_rent", "private_rent"}; }

std::vector<std::string> trait_names() {
  return {"minority", "partnered", "widowed", "household_head"};
}

}  // namespace wellsim::models
