// Births ([demography], models/life/births.cpp) in isolation: the fertility table, births by
// mother's age at the table's rates, what a newborn is, a full reserve counted not crashed, and
// a newborn's ties counted again for support.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "models/community/vocabulary.hpp"
#include "models/life/births.hpp"
#include "models/life/demography.hpp"
#include "models/life/fertility_table.hpp"
#include "models/life/support.hpp"
#include "sim/series_names.hpp"
#include "tests/models/life/town_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// Households of one woman aged 15-49 (`per_age` at each age) and `reserved` rows waiting for
/// her babies; everyone female, no deaths.
struct Mothers {
  sim::Network net;
  sim::AgentStore agents;
  std::shared_ptr<models::World> world = std::make_shared<models::World>();
  sim::Ledger ledger;
  std::unique_ptr<models::Demography> demography;

  Mothers(std::size_t per_age, std::uint32_t reserved, double fertility_scale = 1) {
    const std::size_t households = per_age * 35, size = 1 + reserved, n = households * size;
    agents.resize(n);
    agents.resize_people(n);
    agents.present.assign(n, 1);
    world->household_start.resize(households + 1);
    for (std::size_t h = 0; h < households; ++h) {
      world->household_start[h + 1] = static_cast<std::uint32_t>((h + 1) * size);
      for (std::size_t k = 0; k < size; ++k) {
        const std::size_t i = h * size + k;
        agents.household[i] = static_cast<std::uint32_t>(h);
        agents.age[i] = k == 0 ? static_cast<std::uint8_t>(15 + h % 35) : 0;
        agents.present[i] = k == 0;
      }
    }
    auto p = test::defaults(models::demography_params());
    p.set("enabled", true);
    p.set("mortality_scale", 0.0);
    p.set("female_share", 1.0);
    p.set("fertility_scale", fertility_scale);
    demography = std::make_unique<models::Demography>(p, world, 17, 0);
    demography->prepare(net, agents, ledger);
  }
  void step(std::uint32_t t) {
    ledger.begin_step();
    sim::StepContext ctx{t, net, agents, 17, 0, ledger};
    demography->run(sim::Phase::LifeEvents, ctx);
  }
  double series(const char* name) const {
    const auto s = ledger.find_series(name);
    REQUIRE(s >= 0);
    return ledger.values()[static_cast<std::size_t>(s)];
  }
};

int five_year_group(unsigned age) { return static_cast<int>((age - 15) / 5); }

}  // namespace

TEST_CASE("the fertility table gives the ONS total fertility rate for 2022",
          "[models][life][births]") {
  // ONS, Births in England and Wales: 2022: total fertility rate 1.49 children per woman.
  CHECK(models::total_fertility_rate() == Approx(1.49).margin(0.01));
  CHECK(models::annual_fertility(14) == 0);
  CHECK(models::annual_fertility(50) == 0);
  CHECK(models::annual_fertility(32) > models::annual_fertility(22));
}

TEST_CASE("births over a year match the ONS rates by mother's age group",
          "[models][life][births][large]") {
  // 70,000 women, 2,000 at each age 15-49, each with 3 free rows (enough for a year). A woman's
  // births in a week are a Bernoulli of the weekly hazard of her age that week; a group's count
  // is a sum of independent Bernoullis, within 5 SD of its mean.
  Mothers m(2000, 3);
  std::map<int, double> expected, variance, observed;
  std::size_t births = 0;
  for (std::uint32_t t = 1; t <= 52; ++t) {
    for (std::uint32_t h = 0; h + 1 < m.world->household_start.size(); ++h) {
      const std::uint32_t i = m.world->household_start[h];
      const double p = 1 - std::pow(1 - models::annual_fertility(m.agents.age[i]), 1.0 / 52);
      expected[five_year_group(m.agents.age[i])] += p;
      variance[five_year_group(m.agents.age[i])] += p * (1 - p);
    }
    const std::vector<std::uint8_t> age = m.agents.age;  // the mothers' ages this week
    m.step(t);
    for (const sim::Event& ev : m.ledger.events()) {
      REQUIRE(ev.other != sim::kNoAgent);  // never unplaced: rows were enough
      observed[five_year_group(age[ev.other])] += 1;
      ++births;
    }
    CHECK(m.series(sim::series::kPopulationBirthsUnplaced) == 0);
  }
  for (const auto& [group, mean] : expected) {
    INFO("age group " << 15 + 5 * group << ": " << observed[group] << " births, expected " << mean);
    CHECK(std::abs(observed[group] - mean) <= 5 * std::sqrt(variance[group]));
  }
  // 2,000 women a year at each age: the total fertility rate times 2,000, about 3,000 births.
  CHECK(births == Approx(2000 * models::total_fertility_rate()).epsilon(0.1));
}

TEST_CASE("a newborn is present from its birth week, aged 0, a child of its mother's household",
          "[models][life][births]") {
  Mothers m(200, 1, 10);
  std::size_t born = 0;
  for (std::uint32_t t = 1; t <= 10; ++t) {
    m.step(t);
    for (const sim::Event& ev : m.ledger.events()) {
      if (ev.other == sim::kNoAgent) continue;
      const std::uint32_t baby = ev.agent, mother = ev.other;
      ++born;
      CHECK(m.agents.household[baby] == m.agents.household[mother]);
      CHECK(m.agents.present[baby] == 1);
      CHECK(m.agents.entered[baby] == static_cast<std::int32_t>(t));
      CHECK(m.agents.left[baby] == -1);
      CHECK(m.agents.age[baby] == 0);
      CHECK(m.agents.activity[baby] == static_cast<std::uint8_t>(models::Activity::Child));
      CHECK(m.agents.wellbeing[baby] == m.agents.initial_wellbeing[baby]);
    }
  }
  CHECK(born > 50);
  // Rows still waiting are absent and have not entered; the week-0 women entered at week 0.
  for (std::uint32_t i = 0; i < m.agents.size(); ++i) {
    if (m.agents.age[i] >= 15) CHECK(m.agents.entered[i] == 0);
    if (!m.agents.present[i]) CHECK(m.agents.entered[i] == -1);
  }
}

TEST_CASE("a newborn has its birthday in the week of the year it was born",
          "[models][life][births]") {
  Mothers m(100, 1, 10);
  for (std::uint32_t t = 1; t <= 60; ++t) m.step(t);
  std::size_t checked = 0;
  for (std::uint32_t i = 0; i < m.agents.size(); ++i) {
    const std::int32_t week = m.agents.entered[i];
    if (week <= 0) continue;
    // Born in week w: one year older from week w + 52 on, not before.
    CHECK(m.agents.age[i] == (week + 52 <= 60 ? 1 : 0));
    ++checked;
  }
  CHECK(checked > 100);
}

TEST_CASE("a birth with no free row is counted as unplaced, not lost and not a crash",
          "[models][life][births]") {
  Mothers m(200, 0, 10);  // no reserved rows at all
  double unplaced = 0, events = 0;
  for (std::uint32_t t = 1; t <= 10; ++t) {
    m.step(t);
    CHECK(m.series(sim::series::kPopulationBirths) == 0);
    unplaced += m.series(sim::series::kPopulationBirthsUnplaced);
    events += static_cast<double>(m.ledger.events().size());  // one on each mother
  }
  CHECK(unplaced > 50);
  CHECK(events == unplaced);
  CHECK(m.series(sim::series::kPopulationPresent) == 200 * 35);
}

TEST_CASE("a newborn's ties count again for its household's support", "[models][life][births]") {
  // A household of three (agents 0-2, a clique); agent 2 a reserved row, absent.
  sim::EdgeList e;
  e.n = 3;
  e.u = {0, 0, 1};
  e.v = {1, 2, 2};
  e.layer = {0, 0, 0};
  e.layer_names = {"household", "kin", "close_friend", "friend", "workplace", "school"};
  const sim::Network net = sim::freeze(e, sim::Ordering::None);
  models::FrozenTies f = models::count_frozen_ties(net);
  std::vector<std::uint8_t> present = {1, 1, 0}, dropped;
  models::drop_absent_ties(f, net, present, dropped);
  CHECK(f.close[0] == 1);
  CHECK(f.all[1] == 1);
  present[2] = 1;  // born
  models::drop_absent_ties(f, net, present, dropped);
  CHECK(f.close[0] == 2);
  CHECK(f.close[1] == 2);
  CHECK(f.all[0] == 2);
  CHECK(f.close[2] == 2);
  present[0] = 0;  // and a death takes one off again
  models::drop_absent_ties(f, net, present, dropped);
  CHECK(f.close[2] == 1);
}
