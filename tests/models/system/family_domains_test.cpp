// The family domains ([family], models/life/family.cpp) in whole towns: their published
// prevalence holds in a run without policy, turning them on shifts no other draw, and the
// family services change only the families they serve, by exactly their configured effect.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "models/community/vocabulary.hpp"
#include "models/life/family.hpp"
#include "tests/models/interventions/fixture.hpp"
#include "tests/models/system/paired_runs.hpp"
#include "tests/town_toml.hpp"

using namespace wellsim;
using test::near_rate;

namespace {

const std::string kFamilyTown =
    test::town_toml(1313, 52, {"North", "South", "East"}, {3000, 3000, 2000}) +
    "[family]\nenabled = true\n";

// The family route to mental illness off (relative risks 1): mental illness then reads nothing of
// the family domains, so the tests below can require every other domain to be unchanged. The
// route itself is tested in family_mental_route_test.cpp.
const std::string kRouteOff = R"(
[life]
mental_rr_relationship_distress = 1
mental_rr_domestic_abuse = 1
)";

constexpr models::DomainBits kFamilyBits = models::kRelationshipDistress | models::kDomesticAbuse;

bool adult(const test::RunRecord& r, std::size_t i) { return r.age[i] >= 16; }
bool partner(const test::RunRecord& r, std::size_t i) {
  return adult(r, i) && (r.traits0[i] & models::kPartnered);
}

/// Share of couple households (with a partnered adult) whose partners are distressed in week w.
std::pair<double, double> distressed_couples(const test::RunRecord& r, std::size_t w) {
  std::set<std::uint32_t> couples, distressed;
  for (std::size_t i = 0; i < r.age.size(); ++i) {
    if (!partner(r, i)) continue;
    couples.insert(r.household[i]);
    if (r.domains[w][i] & models::kRelationshipDistress) distressed.insert(r.household[i]);
  }
  return {static_cast<double>(distressed.size()) / couples.size(),
          static_cast<double>(couples.size())};
}

}  // namespace

TEST_CASE("point_prevalence turns a last-year share into the chain's share at any time",
          "[models][life]") {
  const double r = 1.0 / 52, p = models::point_prevalence(0.051, r, 52);
  const double h = p * r / (1 - p);
  CHECK(1 - (1 - p) * std::pow(1 - h, 52) == Approx(0.051).epsilon(1e-9));
  CHECK(p < 0.051);
  CHECK(models::point_prevalence(0.0, r, 52) == 0.0);
}

TEST_CASE("the family domains hold their published prevalence in a town without policy",
          "[models][system][large]") {
  const auto run = test::run_scenario_text(kFamilyTown);
  REQUIRE(run.domains.size() == 53);
  const double point = models::point_prevalence(0.051, 1.0 / 52, 52);
  std::size_t adults = 0, ever = 0;
  for (std::size_t i = 0; i < run.age.size(); ++i) {
    if (!adult(run, i)) continue;
    ++adults;
    bool had = false;
    for (const auto& week : run.domains) had |= (week[i] & models::kDomesticAbuse) != 0;
    ever += had;
  }
  for (std::size_t w : {0, 26, 52}) {
    INFO("week " << w);
    const auto [share, couples] = distressed_couples(run, w);
    CHECK(near_rate(share, 0.18, static_cast<std::size_t>(couples)));  // Relate 2016
    std::size_t abused = 0;
    for (std::size_t i = 0; i < run.age.size(); ++i)
      abused += adult(run, i) && (run.domains[w][i] & models::kDomesticAbuse);
    CHECK(near_rate(double(abused) / adults, point, adults));
  }
  // The run file's prevalence series count them like every other domain (share of people).
  for (const auto& [name, bit] : {std::pair<std::string, models::DomainBits>{
                                      "relationship_distress", models::kRelationshipDistress},
                                  {"domestic_abuse", models::kDomesticAbuse}}) {
    const auto& week = run.domains.back();
    const double share =
        double(std::count_if(week.begin(), week.end(), [&](auto d) { return (d & bit) != 0; })) /
        week.size();
    CHECK(run.series_of("prevalence/" + name).back() == Approx(share).epsilon(1e-12));
    CHECK(share > 0);
  }
  // The CSEW figure itself: adults with domestic abuse at some time in the year.
  CHECK(near_rate(double(ever) / adults, 0.051, adults));
  // Children carry their household's states; adults outside couples carry no distress.
  const auto& last = run.domains.back();
  std::map<std::uint32_t, std::pair<bool, bool>> household;  // distress, abuse among adults
  for (std::size_t j = 0; j < run.age.size(); ++j) {
    if (!adult(run, j)) continue;
    auto& [distress, abuse] = household[run.household[j]];
    distress |= partner(run, j) && (last[j] & models::kRelationshipDistress);
    abuse |= (last[j] & models::kDomesticAbuse) != 0;
  }
  std::size_t children = 0;
  // A widowed person 65+ may count as partnered again (widowhood_turnover): their traits moved.
  const auto turned = run.agents_with("widowhood_turnover");
  for (std::size_t i = 0; i < run.age.size(); ++i) {
    if (adult(run, i)) {
      const bool repartnered = std::find(turned.begin(), turned.end(), i) != turned.end();
      if (!partner(run, i) && !repartnered) CHECK_FALSE((last[i] & models::kRelationshipDistress));
      continue;
    }
    ++children;
    const auto [distress, abuse] = household[run.household[i]];
    INFO("child " << i);
    CHECK(bool(last[i] & models::kRelationshipDistress) == distress);
    CHECK(bool(last[i] & models::kDomesticAbuse) == abuse);
  }
  CHECK(children > 1000);
}

TEST_CASE("turning the family domains on shifts no other mechanism's draws", "[models][system]") {
  std::string off = kFamilyTown + kRouteOff;
  off.replace(off.find("enabled = true"), 14, "enabled = false");
  const auto without = test::run_scenario_text(off);
  const auto with = test::run_scenario_text(kFamilyTown + kRouteOff);
  REQUIRE(without.domains.size() == with.domains.size());
  std::size_t family = 0;
  for (std::size_t w = 0; w < with.domains.size(); ++w)
    for (std::size_t i = 0; i < with.domains[w].size(); ++i) {
      if ((with.domains[w][i] & ~kFamilyBits) != without.domains[w][i])
        FAIL("agent " << i << " week " << w << ": another domain moved");
      family += (with.domains[w][i] & kFamilyBits) != 0;
    }
  CHECK(family > 0);
}

TEST_CASE("family services change only the families they serve, by their configured effect",
          "[models][system]") {
  // Social terms off (no ties' influence, no support buffering): a person's wellbeing moves only
  // with their own circumstances, so everyone outside a served family must be bit-identical,
  // and inside one the gap must be the relationship-distress effect run through the adaptation
  // x(t) = x(t-1) + alpha (u(t) - x(t-1)).
  const std::string social_off = R"(
[wellbeing]
susceptibility = 0
buffer = 0
)";
  const std::string services =
      test::intervention("relationship_counselling", "counselling",
                         {{"start_week", "5"},
                          {"capacity", "40"},
                          {"target", "{ neighbourhoods = [\"North\"] }"}}) +
      test::intervention("family_support", "parenting",
                         {{"start_week", "5"},
                          {"capacity", "30"},
                          {"course_weeks", "8"},
                          {"recovery_rate", "0.1"}});
  const auto base = test::run_scenario_text(kFamilyTown + social_off + kRouteOff);
  const auto policy = test::run_scenario_text(kFamilyTown + social_off + kRouteOff + services);
  std::set<std::uint32_t> served;
  for (const std::string kind : {"counselling", "parenting"})
    for (auto i : policy.agents_with("intervention/" + kind + "/start"))
      served.insert(policy.household[i]);
  REQUIRE(served.size() > 40);
  const auto gap = test::check_served_gap(base, policy, served, models::kRelationshipDistress,
                                          -0.4f);  // effect_relationship_distress default
  CHECK(gap.checked > 100);
  CHECK(gap.gained > 20);
  CHECK(gap.children_gained > 5);  // children gain when their parents' distress is resolved
}
