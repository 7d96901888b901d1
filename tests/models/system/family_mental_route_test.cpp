// The family route to mental illness ([life] mental_rr_relationship_distress and
// mental_rr_domestic_abuse, models/life/life_params.hpp kMentalRisks): in a whole town, the
// weekly onset of mental illness among adults carrying a family domain is the onset of adults
// carrying none times exactly the configured relative risk, within sampling error.
#include <catch2/catch.hpp>

#include <cmath>
#include <tuple>

#include "models/community/vocabulary.hpp"
#include "tests/models/system/paired_runs.hpp"

using namespace wellsim;

namespace {

// Every other risk set to 1, so a person's onset hazard depends on their family domains alone.
const std::string kRouteTown = R"(
[run]
model = "town"
seed = 2121
steps = 104
[population]
neighbourhoods = ["North", "South", "East"]
sizes = [3000, 3000, 2000]
[family]
enabled = true
[life]
mental_rr_unemployed = 1
mental_rr_strain = 1
mental_rr_food_insecure = 1
mental_rr_fuel_poor = 1
mental_rr_energy_bills = 1
mental_rr_victimised = 1
mental_rr_hate = 1
mental_rr_lonely = 1
mental_rr_bereaved = 1
mental_rr_homeless = 1
mental_rr_relationship_distress = 3.0
mental_rr_domestic_abuse = 2.0
)";

/// Onsets and person-weeks at risk of adults whose family bits were `bits` as the week began.
struct AtRisk {
  double onsets = 0, weeks = 0;
  double rate() const { return onsets / weeks; }
};

}  // namespace

TEST_CASE("the family route raises mental illness onset exactly by its relative risks",
          "[models][system][large]") {
  const auto run = test::run_scenario_text(kRouteTown);
  constexpr models::DomainBits kFamily = models::kRelationshipDistress | models::kDomesticAbuse;
  AtRisk none, distress, abuse;
  for (std::size_t w = 1; w < run.domains.size(); ++w)
    for (std::size_t i = 0; i < run.age.size(); ++i) {
      const auto before = run.domains[w - 1][i];
      if (run.age[i] < 16 || (before & models::kMentalIll)) continue;
      // The life events of week w read the family bits the family mechanism left at w - 1.
      AtRisk* group = (before & kFamily) == 0                               ? &none
                      : (before & kFamily) == models::kRelationshipDistress ? &distress
                      : (before & kFamily) == models::kDomesticAbuse        ? &abuse
                                                                            : nullptr;
      if (!group) continue;
      group->weeks += 1;
      group->onsets += (run.domains[w][i] & models::kMentalIll) != 0;
    }
  for (const auto& [label, g, rr] :
       {std::tuple<const char*, AtRisk*, double>{"relationship distress", &distress, 3.0},
        {"domestic abuse", &abuse, 2.0}}) {
    INFO(label << ": " << g->onsets << " onsets in " << g->weeks << " weeks; none: " << none.onsets
               << " in " << none.weeks);
    REQUIRE(g->onsets > 50);
    // The log of a ratio of two Poisson rates has standard error sqrt(1/k1 + 1/k0).
    const double se = std::sqrt(1 / g->onsets + 1 / none.onsets);
    CHECK(std::abs(std::log(g->rate() / none.rate() / rr)) < 5 * se);
    CHECK(std::abs(std::log(g->rate() / none.rate())) > 5 * se);  // and not 1: the route acts
  }
}
