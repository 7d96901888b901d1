#pragma once
// The community model's vocabulary for the person columns of sim::AgentStore: what a person
// does (Activity), fixed facts (Trait bits), this week's problems (Domain bits), and the names
// run files give them. The engine stores these columns as plain integers and never interprets
// them; the meaning belongs to the model, so it lives here (DESIGN: sim depends on nothing of
// ours). output/ gets the names from the caller (output::PeopleCodes), never from here.
#include <cstdint>
#include <string>
#include <vector>

namespace wellsim::models {

/// What a person does in a week (the employment domain). Children are under 16.
enum class Activity : std::uint8_t { Child, Student, Employed, Unemployed, Retired, Inactive };

/// Bits of `AgentStore::traits`: fixed facts about a person for the run.
enum Trait : std::uint8_t {
  kMinority = 1,      ///< visibly different or of a minority group (higher hate-incident risk)
  kPartnered = 2,     ///< lives with a partner
  kWidowed = 4,       ///< has lost a partner (set by bereavement during a run too)
  kHouseholdHead = 8  ///< first adult of the household: housing and costs are counted on them
};

/// A set of Domain bits, as `AgentStore::domains` holds them (32 bits: 16 were not enough).
using DomainBits = std::uint32_t;

/// Bits of `AgentStore::domains`: the life-domain problems a person has this week.
enum Domain : DomainBits {
  kHousingInsecure = 1 << 0,   ///< arrears, notice or overcrowding: at risk of losing the home
  kHomeless = 1 << 1,          ///< no home of their own (temporary accommodation, sofa, street)
  kFoodInsecure = 1 << 2,      ///< cannot afford enough food
  kFuelPoor = 1 << 3,          ///< cannot afford to heat the home
  kPhysicalIll = 1 << 4,       ///< a limiting physical illness
  kMentalIll = 1 << 5,         ///< depression or anxiety
  kSubstanceMisuse = 1 << 6,   ///< harmful alcohol or drug use
  kBereaved = 1 << 7,          ///< lost a partner in the last year
  kVictimised = 1 << 8,        ///< victim of crime in the last 13 weeks
  kHateIncident = 1 << 9,      ///< of which a hate incident
  kLonely = 1 << 10,           ///< weak or few ties
  kFinancialStrain = 1 << 11,  ///< disposable income below costs this week
  kSanctioned = 1 << 12,       ///< benefit sanction in force
  kEnergyBills = 1 << 13,      ///< finds it difficult to pay the energy bills (ONS OPN question)
  kRelationshipDistress = 1 << 14,  ///< partners in a distressed relationship, and their children
  kDomesticAbuse =
      1 << 15,  ///< living with domestic abuse (the victim and the household's children)
  kNeighbourConflict = 1 << 16,  ///< the household is in a dispute or trouble with neighbours
  kDomainCount = 17
};

/// Name of domain bit `b` (0-based) as used in the run file ("homeless").
const char* domain_name(unsigned b);

/// Names of the domain bits in bit order (/people domain_names).
std::vector<std::string> domain_names();
/// Names of the Activity codes in code order (/people activity_names).
std::vector<std::string> activity_names();
/// Names of the tenure codes in code order (/people tenure_names).
std::vector<std::string> tenure_names();
/// Names of the Trait bits in bit order (/people trait_names).
std::vector<std::string> trait_names();

}  // namespace wellsim::models
