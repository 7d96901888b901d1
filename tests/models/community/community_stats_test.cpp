// CommunityStats against a direct count, and the macro baseline's reset.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include "tests/models/life/town_fixture.hpp"

using namespace wellsim;

namespace {

double value(const test::Town& t, const std::string& series) {
  const long k = t.ledger.find_series(series);
  REQUIRE(k >= 0);
  return t.ledger.values()[static_cast<std::size_t>(k)];
}

void check_against_count(const test::Town& town, const std::vector<float>& wellbeing) {
  const auto& a = town.agents;
  const std::size_t n = a.size();
  for (unsigned d = 0; d < models::kDomainCount; ++d) {
    double all = 0, minority = 0, minorities = 0, group0 = 0, in0 = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const bool has = (a.domains[i] >> d) & 1;
      all += has;
      if (a.traits[i] & models::kMinority) minority += has, ++minorities;
      if (town.net.group[i] == 0) group0 += has, ++in0;
    }
    const std::string name = std::string("prevalence/") + models::domain_name(d);
    INFO(name);
    CHECK(value(town, name) == Approx(all / n).epsilon(1e-12));
    CHECK(value(town, name + "/minority") == Approx(minority / minorities).epsilon(1e-12));
    CHECK(value(town, name + "/Bacup") == Approx(group0 / in0).epsilon(1e-12));
    // No service relieved anything here: need and what is left after relief agree.
    CHECK(value(town, std::string("after_relief/") + models::domain_name(d)) == value(town, name));
  }
  double e = 0, u = 0, disp = 0, wb = 0, wb_n = 0, wm = 0, wm_n = 0;
  for (std::size_t i = 0; i < n; ++i) {
    e += a.activity[i] == static_cast<std::uint8_t>(models::Activity::Employed);
    u += a.activity[i] == static_cast<std::uint8_t>(models::Activity::Unemployed);
    disp += a.disposable[i];
    if (town.net.group[i] == 3) wb += wellbeing[i], ++wb_n;
    if (a.traits[i] & models::kMinority) wm += wellbeing[i], ++wm_n;
  }
  CHECK(value(town, "employment/unemployment_rate") == Approx(u / (e + u)).epsilon(1e-12));
  CHECK(value(town, "income/mean_disposable") == Approx(disp / n).epsilon(1e-9));
  CHECK(value(town, "wellbeing/mean/Rawtenstall") == Approx(wb / wb_n).epsilon(1e-9));
  CHECK(value(town, "wellbeing/mean/minority") == Approx(wm / wm_n).epsilon(1e-9));
  CHECK(value(town, "ties/community") == town.world->overlay.ties().size());
}

}  // namespace

TEST_CASE("Community stats equal a direct count at week 0 and after steps", "[models][life]") {
  auto town = test::make_town(20000);
  test::add_community(town, models::default_life_params(),
                      test::defaults(models::CommunityWellbeing::params()));
  town.prepare();
  check_against_count(town, town.agents.wellbeing);
  town.world->overlay.add(1, 2, 1.f, 100);
  town.world->overlay.add(3, 9, 1.f, 100);
  for (std::uint32_t t = 1; t <= 5; ++t) town.step(t);
  // After commit, `wellbeing` holds what the stats read from `wellbeing_next` during the step.
  check_against_count(town, town.agents.wellbeing);
  CHECK(value(town, "ties/community") == 2);
}

TEST_CASE("Prevalence counts need before the week's relief, after_relief what is left",
          "[models][life]") {
  auto town = test::make_town(3000);
  town.mechanisms.push_back(std::make_unique<models::CommunityStats>(town.world));
  // 600 people food insecure, of whom the first 200 got a parcel this week (relieved: the flag is
  // cleared for the week, the need kept aside); fuel poverty relieved for nobody.
  auto& a = town.agents;
  town.world->relieved.assign(a.size(), 0);
  for (std::uint32_t i = 0; i < 600; ++i) a.domains[i] = models::kFoodInsecure | models::kFuelPoor;
  for (std::uint32_t i = 0; i < 200; ++i) town.world->relieve(a, i, models::kFoodInsecure);
  town.prepare();
  const double n = static_cast<double>(a.size());
  CHECK(value(town, "prevalence/food_insecure") == Approx(600 / n));
  CHECK(value(town, "after_relief/food_insecure") == Approx(400 / n));
  CHECK(value(town, "prevalence/fuel_poor") == Approx(600 / n));
  CHECK(value(town, "after_relief/fuel_poor") == Approx(600 / n));
}

TEST_CASE("The macro baseline resets the week and sizes the local multipliers", "[models][life]") {
  auto town = test::make_town(3000);
  town.mechanisms.push_back(std::make_unique<models::MacroBaseline>(town.world));
  town.prepare();
  CHECK(town.world->local_victimisation.size() == 4);
  CHECK(town.world->referral.size() == town.agents.size());
  town.world->macro.energy_price = 3;
  town.world->local_hate[2] = 5;
  town.step(1);
  CHECK(town.world->macro.energy_price == 1);
  CHECK(town.world->local_hate[2] == 1);
}

TEST_CASE("Life events, wellbeing and stats at 1M agents", "[.bench]") {
  auto town = test::make_town(1000000);
  test::add_community(town, models::default_life_params(),
                      test::defaults(models::CommunityWellbeing::params()));
  town.prepare();
  std::printf("entries per agent: %.1f\n", double(town.net.entries()) / town.agents.size());
  double total[4] = {0, 0, 0, 0};
  const int steps = 10;
  for (std::uint32_t t = 1; t <= steps; ++t) {
    town.ledger.begin_step();
    sim::StepContext ctx{t, town.net, town.agents, town.seed, 0, town.ledger};
    const sim::Phase phases[4] = {sim::Phase::MacroEnvironment, sim::Phase::LifeEvents,
                                  sim::Phase::WellbeingUpdate, sim::Phase::Statistics};
    for (int k = 0; k < 4; ++k) {
      const auto start = std::chrono::steady_clock::now();
      town.mechanisms[k]->run(phases[k], ctx);
      total[k] +=
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
    }
    town.agents.commit();
  }
  std::printf("ms/step: baseline %.2f life %.2f wellbeing %.2f stats %.2f\n", total[0] / steps,
              total[1] / steps, total[2] / steps, total[3] / steps);
}
