#pragma once
// What the live session's tests and the live viewer's share: their town and price shock, and
// forks aimed at one person (case work that resolves a problem in its first week, and a person
// it will take on).
#include <bit>
#include <catch2/catch.hpp>

#include "batch/live_session.hpp"
#include "models/community/vocabulary.hpp"
#include "tests/town_toml.hpp"

namespace wellsim::test {

/// A small town: three neighbourhoods of 750 people in all, 12 weeks, a per-person row every 4.
inline const std::string kLiveTown =
    town_toml(77, 12, {"North", "Middle", "South"}, {300, 250, 200}, "live_town") +
    "[output]\nrecord_every = 4\n";

/// A cost-of-living shock: everyone's energy and food bills rise, so the map cannot stay white.
inline const std::string kPriceShock =
    intervention("price_shock", "winter_prices", {{"energy", "3.0"}, {"food", "1.5"}});

/// The problems case work takes on (models/interventions/micro/case_management.cpp).
inline constexpr unsigned kCaseProblems =
    models::kHousingInsecure | models::kHomeless | models::kFoodInsecure | models::kFuelPoor |
    models::kMentalIll | models::kSubstanceMisuse | models::kFinancialStrain;

/// A live edit: case work that resolves a problem in its first week, so the fork's first week
/// shows on the one person (or household) it reaches.
inline constexpr const char* kCaseWork = R"([[intervention]]
type = "case_management"
name = "one_to_one"
resolve_rate = 1.0
)";

/// The first person with two or more of those problems at the session's week: a problem that
/// lasts into the next week, when case work starts.
inline sim::AgentId person_in_need(const batch::LiveSession& s) {
  const auto& a = s.agents(batch::Branch::Baseline);
  for (sim::AgentId i = 0; i < a.size(); ++i)
    if (std::popcount(unsigned(a.domains[i] & kCaseProblems)) >= 2) return i;
  FAIL("nobody with two problems");
  return 0;
}

}  // namespace wellsim::test
