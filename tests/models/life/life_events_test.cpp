// Life events: calibration, shocks, household consistency, determinism, errors.
#include <tbb/global_control.h>
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/errors.hpp"
#include "tests/models/life/town_fixture.hpp"

using namespace wellsim;

namespace {

/// A test mechanism that sets part of the week's macro environment.
class SetMacro : public sim::Mechanism {
 public:
  SetMacro(std::shared_ptr<models::World> w, std::function<void(models::World&)> f)
      : world_(std::move(w)), f_(std::move(f)) {}
  std::string name() const override { return "test.macro"; }
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::MacroEnvironment); }
  void run(sim::Phase, sim::StepContext&) override { f_(*world_); }

 private:
  std::shared_ptr<models::World> world_;
  std::function<void(models::World&)> f_;
};

test::Town community_town(std::size_t n, std::uint64_t seed = 7) {
  auto town = test::make_town(n, seed);
  test::add_community(town, models::default_life_params(),
                      test::defaults(models::CommunityWellbeing::params()));
  return town;
}

double value(const test::Town& t, const std::string& series) {
  const long k = t.ledger.find_series(series);
  REQUIRE(k >= 0);
  return t.ledger.values()[static_cast<std::size_t>(k)];
}

double unemployment(const sim::AgentStore& a) {
  double e = 0, u = 0;
  for (auto act : a.activity) {
    e += act == static_cast<std::uint8_t>(models::Activity::Employed);
    u += act == static_cast<std::uint8_t>(models::Activity::Unemployed);
  }
  return u / (e + u);
}

}  // namespace

TEST_CASE("Unemployment stays near its calibrated rate for two years", "[models][life]") {
  auto town = community_town(50000);
  town.prepare();
  double active = 0;
  for (auto act : town.agents.activity)
    active += act == static_cast<std::uint8_t>(models::Activity::Employed) ||
              act == static_cast<std::uint8_t>(models::Activity::Unemployed);
  // At stationarity each active person is unemployed independently with probability u, so the
  // rate is binomial: 5 standard errors of u over the active population.
  const double u = 0.043, tol = 5 * std::sqrt(u * (1 - u) / active);
  for (std::uint32_t t = 1; t <= 104; ++t) {
    town.step(t);
    if (t % 26 == 0) CHECK(std::abs(unemployment(town.agents) - u) < tol);
  }
  CHECK(value(town, "employment/unemployment_rate") == Approx(unemployment(town.agents)));
}

TEST_CASE("An energy price shock raises fuel poverty and lowers disposable income",
          "[models][life]") {
  auto base = community_town(20000), shock = community_town(20000);
  shock.mechanisms.insert(
      shock.mechanisms.begin() + 1,
      std::make_unique<SetMacro>(shock.world, [](models::World& w) { w.macro.energy_price = 2; }));
  base.prepare(), shock.prepare();
  for (std::uint32_t t = 1; t <= 8; ++t) base.step(t), shock.step(t);
  CHECK(value(shock, "income/mean_disposable") <
        value(base, "income/mean_disposable") - 0.9 * base.world->energy_cost);
  // A 20,000-person town: prevalence SE is at most 0.5/sqrt(20000) ~ 0.0035; the shock moves
  // far more than 5 SE.
  CHECK(value(shock, "prevalence/fuel_poor") >
        value(base, "prevalence/fuel_poor") + 5 * 0.5 / std::sqrt(20000.0));
}

TEST_CASE("A need relieved for a week comes back the next unless its cause has gone",
          "[models][life]") {
  auto town = community_town(20000);
  town.prepare();
  auto& a = town.agents;
  // Relieve every food-insecure person for the week, as a food bank would.
  std::vector<std::uint32_t> relieved;
  for (std::uint32_t i = 0; i < a.size(); ++i)
    if (a.domains[i] & models::kFoodInsecure) {
      town.world->relieve(a, i, models::kFoodInsecure);
      relieved.push_back(i);
    }
  REQUIRE(relieved.size() > 500);
  town.step(1);
  // Below the threshold income a food-insecure household has no way out but income: all of them
  // are still in need (their disposable income has not moved in one quiet week, bar a few job
  // changes); the mask is reset and no end event was recorded for a relief.
  std::size_t back = 0;
  for (std::uint32_t i : relieved) {
    back += (a.domains[i] & models::kFoodInsecure) != 0;
    CHECK(town.world->relieved[i] == 0);
  }
  CHECK(static_cast<double>(back) / relieved.size() > 0.95);
  CHECK(value(town, "prevalence/food_insecure") ==
        Approx(static_cast<double>(
                   std::count_if(a.domains.begin(), a.domains.end(),
                                 [](auto d) { return (d & models::kFoodInsecure) != 0; })) /
               a.size()));
}

TEST_CASE("Victimisation rises with the local multiplier", "[models][life]") {
  auto base = community_town(20000), local = community_town(20000);
  local.mechanisms.insert(local.mechanisms.begin() + 1,
                          std::make_unique<SetMacro>(
                              local.world, [](models::World& w) { w.local_victimisation[0] = 3; }));
  base.prepare(), local.prepare();
  for (std::uint32_t t = 1; t <= 13; ++t) base.step(t), local.step(t);
  const double b = value(base, "prevalence/victimised/Bacup");
  const double l = value(local, "prevalence/victimised/Bacup");
  const double people = 5000, se = std::sqrt(b * (1 - b) / people);
  CHECK(l > b + 5 * se * std::sqrt(2.0));
  // Other neighbourhoods share the draws (common random numbers), so they are unchanged.
  CHECK(value(local, "prevalence/victimised/Waterfoot") ==
        value(base, "prevalence/victimised/Waterfoot"));
}

TEST_CASE("Household states and budgets are the same for every member", "[models][life]") {
  auto town = community_town(20000);
  town.prepare();
  const std::uint16_t household_bits = models::kHousingInsecure | models::kHomeless |
                                       models::kFoodInsecure | models::kFuelPoor |
                                       models::kFinancialStrain;
  auto check = [&] {
    const auto& hs = town.world->household_start;
    std::size_t bad = 0;
    for (std::size_t h = 0; h + 1 < hs.size(); ++h)
      for (auto i = hs[h] + 1; i < hs[h + 1]; ++i)
        bad += (town.agents.domains[i] & household_bits) !=
                   (town.agents.domains[hs[h]] & household_bits) ||
               town.agents.disposable[i] != town.agents.disposable[hs[h]];
    CHECK(bad == 0);
  };
  check();
  for (std::uint32_t t = 1; t <= 20; ++t) town.step(t);
  check();
  // Week-0 prevalences follow their calibration: food and fuel from income by construction.
  CHECK(value(town, "prevalence/fuel_poor") > 0.05);
  CHECK(value(town, "prevalence/mental_illness") > 0.05);
}

TEST_CASE("Life events and the community model are identical on 1 and 2 threads",
          "[models][life]") {
  auto run = [](int threads) {
    tbb::global_control gc(tbb::global_control::max_allowed_parallelism, threads);
    auto town = community_town(30000);
    town.prepare();
    std::vector<sim::Event> events;
    for (std::uint32_t t = 1; t <= 10; ++t) {
      town.step(t);
      events.insert(events.end(), town.ledger.events().begin(), town.ledger.events().end());
    }
    return std::make_tuple(town.agents.wellbeing, town.agents.domains, town.agents.disposable,
                           town.ledger.values(), events.size());
  };
  const auto one = run(1), two = run(2);
  CHECK(std::get<0>(one) == std::get<0>(two));
  CHECK(std::get<1>(one) == std::get<1>(two));
  CHECK(std::get<2>(one) == std::get<2>(two));
  CHECK(std::get<3>(one) == std::get<3>(two));
  CHECK(std::get<4>(one) == std::get<4>(two));
  CHECK(std::get<4>(one) > 0);
}

TEST_CASE("A victimisation list of the wrong length is refused with its key", "[models][life]") {
  auto town = test::make_town(2000);
  auto life = models::default_life_params();
  life.set("victimisation_by_neighbourhood", std::vector<double>{1, 2});
  test::add_community(town, life, test::defaults(models::CommunityWellbeing::params()));
  try {
    town.prepare();
    FAIL("no error");
  } catch (const sim::InputError& e) {
    CHECK(std::string(e.what()) ==
          "life.victimisation_by_neighbourhood: expected 4 values (one per neighbourhood), "
          "found 2");
  }
}

TEST_CASE("Every [life] parameter has help, and defaults lie in range", "[models][life]") {
  for (const auto& s : models::life_params()) {
    INFO(s.name);
    CHECK(!s.help.empty());
    REQUIRE(s.fallback.has_value());
    if (auto* x = std::get_if<double>(&*s.fallback)) CHECK((*x >= s.min && *x <= s.max));
  }
}
