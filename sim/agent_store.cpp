#include "sim/agent_store.hpp"

namespace wellsim::sim {

const char* domain_name(unsigned b) {
  static const char* const kNames[kDomainCount] = {
      "housing_insecure", "homeless",     "food_insecure", "fuel_poor",       "physical_illness",
      "mental_illness",   "substance_misuse", "bereaved",  "victimised",      "hate_incident",
      "lonely",           "financial_strain", "sanctioned"};
  return b < kDomainCount ? kNames[b] : "?";
}

}  // namespace wellsim::sim
