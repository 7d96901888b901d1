// Demography ([demography], models/life/demography.cpp) in isolation: the life table, deaths by
// age and sex at the table's rates, birthdays, sexes, and what absent people no longer do.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "models/life/demography.hpp"
#include "models/life/life_table.hpp"
#include "models/memory_estimate.hpp"
#include "models/scenario_schema.hpp"
#include "sim/scenario.hpp"
#include "tests/models/life/town_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// n people of ages 0-100 in equal numbers, each a household of one, and a Demography over them.
struct Cohort {
  sim::Network net;
  sim::AgentStore agents;
  std::shared_ptr<models::World> world = std::make_shared<models::World>();
  sim::Ledger ledger;
  std::unique_ptr<models::Demography> demography;

  Cohort(std::size_t n, const sim::ParamSet& params) {
    agents.resize(n);
    agents.resize_people(n);
    world->household_start.resize(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
      agents.age[i] = static_cast<std::uint8_t>(i % 101);
      agents.household[i] = static_cast<std::uint32_t>(i);
      world->household_start[i + 1] = static_cast<std::uint32_t>(i + 1);
    }
    demography = std::make_unique<models::Demography>(params, world, 11, 0);
    demography->prepare(net, agents, ledger);
  }
  void step(std::uint32_t t) {
    ledger.begin_step();
    sim::StepContext ctx{t, net, agents, 11, 0, ledger};
    demography->run(sim::Phase::LifeEvents, ctx);
  }
};

sim::ParamSet demography_on() {
  auto p = test::defaults(models::demography_params());
  p.set("enabled", true);
  return p;
}

/// Age band of an age, for counting deaths: 0-14, 15-44, 45-64, 65-79, 80+.
int band(unsigned age) { return age < 15 ? 0 : age < 45 ? 1 : age < 65 ? 2 : age < 80 ? 3 : 4; }

}  // namespace

TEST_CASE("the life table gives the ONS period life expectancy at birth",
          "[models][life][demography]") {
  // ONS 2018-based past and projected period life tables, England and Wales, year 2020: 80.1
  // years for males, 83.5 for females (to a tenth; the table's rates are rounded to 5 places).
  CHECK(models::life_expectancy_at_birth(false) == Approx(80.1).margin(0.05));
  CHECK(models::life_expectancy_at_birth(true) == Approx(83.5).margin(0.05));
  // Rates rise with age after childhood and men die younger at every adult age.
  for (unsigned x = 12; x < models::kLifeTableOldest; ++x) {
    CHECK(models::annual_death_probability(false, x + 1) >=
          models::annual_death_probability(false, x));
    CHECK(models::annual_death_probability(false, x) > models::annual_death_probability(true, x));
  }
  CHECK(models::annual_death_probability(true, 130) == models::annual_death_probability(true, 100));
}

TEST_CASE("a weekly hazard compounds over 52 weeks to the annual probability",
          "[models][life][demography]") {
  for (double q : {0.0, 0.0001, 0.01, 0.3849, 1.0})
    CHECK(1 - std::pow(1 - models::weekly_hazard(q), 52) == Approx(q).margin(1e-12));
}

TEST_CASE("deaths over a year match the life table by age band and sex",
          "[models][life][demography][heavy]") {
  // 303,000 people, 3,000 at each age 0-100. A person's chance of dying in the year is
  // 1 - prod_t (1 - h(age at week t)), with their birthday falling in one of the 52 weeks; the
  // count in a band is a sum of independent Bernoullis, so it lies within 5 SD of its mean.
  Cohort c(303000, demography_on());
  std::map<std::pair<int, bool>, double> expected, variance, observed;
  for (std::uint32_t i = 0; i < c.agents.size(); ++i) {
    double survive = 1;
    unsigned age = c.agents.age[i];
    for (std::uint32_t t = 1; t <= 52; ++t) {
      survive *=
          1 - models::weekly_hazard(models::annual_death_probability(c.demography->female(i), age));
      if (t % 52 == c.demography->birthday_week(i) && age < 100) ++age;
    }
    const auto key = std::make_pair(band(c.agents.age[i]), c.demography->female(i));
    expected[key] += 1 - survive;
    variance[key] += survive * (1 - survive);
  }
  std::vector<std::uint8_t> age0 = c.agents.age;
  for (std::uint32_t t = 1; t <= 52; ++t) c.step(t);
  std::size_t deaths = 0;
  for (std::uint32_t i = 0; i < c.agents.size(); ++i)
    if (!c.agents.present[i]) {
      observed[{band(age0[i]), c.demography->female(i)}] += 1;
      ++deaths;
    }
  for (const auto& [key, mean] : expected) {
    INFO("band " << key.first << (key.second ? " female" : " male") << ": " << observed[key]
                 << " deaths, expected " << mean);
    CHECK(std::abs(observed[key] - mean) <= 5 * std::sqrt(variance[key]));
  }
  // Deaths per 1,000 a year among people 80+ are of the table's order (about 100).
  CHECK(deaths > 10000);
  const auto series = c.ledger.find_series("population/deaths");
  REQUIRE(series >= 0);
}

TEST_CASE("every living person is a year older after 52 weeks, on their birthday week",
          "[models][life][demography][large]") {
  auto p = demography_on();
  p.set("mortality_scale", 0.0);  // no deaths: everyone ages
  Cohort c(52000, p);
  const std::vector<std::uint8_t> age0 = c.agents.age;
  std::vector<std::size_t> per_week(52, 0);
  for (std::uint32_t i = 0; i < c.agents.size(); ++i) ++per_week[c.demography->birthday_week(i)];
  for (std::size_t k : per_week)  // a birthday week is uniform: 1,000 a week, binomial spread
    CHECK(std::abs(static_cast<double>(k) - 1000.0) <= 5 * std::sqrt(1000.0 * 51 / 52));
  for (std::uint32_t t = 1; t <= 104; ++t) {
    c.step(t);
    if (t == 26)
      for (std::uint32_t i = 0; i < c.agents.size(); i += 97) {
        const unsigned b = c.demography->birthday_week(i);
        const bool had = b >= 1 && b <= 26;
        CHECK(c.agents.age[i] == std::min(100, age0[i] + (had ? 1 : 0)));
      }
  }
  for (std::uint32_t i = 0; i < c.agents.size(); ++i)
    REQUIRE(c.agents.age[i] == std::min(100, age0[i] + 2));
  CHECK(c.ledger.values()[static_cast<std::size_t>(c.ledger.find_series("population/present"))] ==
        52000.0);
}

TEST_CASE("a couple's partners are of opposite sex and the female share is as set",
          "[models][life][demography]") {
  auto town = test::make_town(20000);
  models::Demography d(demography_on(), town.world, 5, 0);
  d.prepare(town.net, town.agents, town.ledger);
  const auto& hs = town.world->household_start;
  std::size_t couples = 0, women = 0, singles = 0;
  for (std::size_t h = 0; h + 1 < hs.size(); ++h) {
    std::vector<bool> partners;
    for (auto i = hs[h]; i < hs[h + 1]; ++i) {
      if (town.agents.traits[i] & models::kPartnered)
        partners.push_back(d.female(i));
      else
        women += d.female(i), ++singles;
    }
    if (partners.size() != 2) continue;
    CHECK(partners[0] != partners[1]);
    ++couples;
  }
  CHECK(couples > 1000);
  CHECK(std::abs(double(women) / singles - 0.51) <= 5 * std::sqrt(0.51 * 0.49 / singles));
}

TEST_CASE("people who have left carry no influence on anyone's wellbeing",
          "[models][life][demography]") {
  // Two identical towns, one person absent in both; their last wellbeing is set to 0 in one
  // town and 10 in the other. No one else's week may differ. With the person present, the same
  // change moves their household (the control that the test can fail).
  auto week_of_others = [](bool absent, float value) {
    auto town = test::make_town(3000);
    test::add_community(town, models::default_life_params(),
                        test::defaults(models::CommunityWellbeing::params()));
    town.prepare();
    town.agents.present.assign(town.agents.size(), 1);
    if (absent) town.agents.present[0] = 0;
    town.agents.wellbeing[0] = value;
    town.step(1);
    std::vector<float> w(town.agents.wellbeing.begin() + 1, town.agents.wellbeing.end());
    return std::make_pair(w, town.agents.wellbeing[0]);
  };
  const auto low = week_of_others(true, 0.f), high = week_of_others(true, 10.f);
  CHECK(low.first == high.first);
  CHECK(low.second == 0.f);  // the absent keep their last value
  CHECK(high.second == 10.f);
  CHECK(week_of_others(false, 0.f).first != week_of_others(false, 10.f).first);
}

TEST_CASE("the memory estimate counts what demography keeps per person",
          "[models][life][demography]") {
  const std::string town =
      "[run]\nmodel = \"town\"\n[population]\nneighbourhoods = [\"A\", \"B\"]\n"
      "sizes = [30000, 20000]\n";
  const std::string dir = test::source_path("scenarios");
  auto estimate = [&](const std::string& text) {
    return models::estimated_run_bytes(
        sim::parse_scenario(text, dir + "/m.toml", dir, models::scenario_schema()));
  };
  // The default 52 weeks: 0.16 rows reserved per person.
  CHECK(estimate(town + "[demography]\nenabled = true\n") ==
        Approx(50000.0 * 1.16 * (models::kBytesPerPerson + models::kBytesPerPersonDemography)));
  CHECK(models::birth_reserve_share(0) == 0);
  CHECK(models::birth_reserve_share(520) == Approx(0.45));
  CHECK(models::birth_reserve_share(52 * 20) == Approx(0.62));
  CHECK(models::birth_reserve_share(52 * 100) == Approx(0.85));
  CHECK(estimate(town + "[demography]\nenabled = false\n") == estimate(town));
}
