// The cost-of-living burden (models/life/cost_burden.cpp): week-0 shares as configured, the share
// in difficulty at other prices as the logistic of log burden says, food insecurity nested in
// difficulty, and households whose burden a price change leaves alone left alone.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

#include "tests/models/life/town_fixture.hpp"

using namespace wellsim;

namespace {

/// Sets the week's energy price multiplier (the macro environment phase).
class EnergyPrice : public sim::Mechanism {
 public:
  EnergyPrice(std::shared_ptr<models::World> w, double price) : world_(std::move(w)), p_(price) {}
  std::string name() const override { return "test.energy_price"; }
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::MacroEnvironment); }
  void run(sim::Phase, sim::StepContext&) override { world_->macro.energy_price = p_; }

 private:
  std::shared_ptr<models::World> world_;
  double p_;
};

/// A town with the community model; `price` (if not 1) multiplies energy prices from week 1.
/// `isolated`: no social influence and no income effect, so a person's wellbeing reads only
/// their own domains, activity and traits.
test::Town burden_town(std::size_t n, double price = 1, bool isolated = false) {
  auto town = test::make_town(n);
  auto wb = test::defaults(models::CommunityWellbeing::params());
  if (isolated) wb.set("susceptibility", 0.0), wb.set("effect_log_income", 0.0);
  test::add_community(town, models::default_life_params(), wb);
  if (price != 1)
    town.mechanisms.insert(town.mechanisms.begin() + 1,
                           std::make_unique<EnergyPrice>(town.world, price));
  return town;
}

/// Share of people whose domains have `bit`.
double share(const sim::AgentStore& a, std::uint16_t bit) {
  double k = 0;
  for (auto d : a.domains) k += (d & bit) != 0;
  return k / static_cast<double>(a.size());
}

/// The life-events mechanism of a town (the second after the macro baseline and any test one).
const models::LifeEvents& life_of(const test::Town& t) {
  for (const auto& m : t.mechanisms)
    if (auto* l = dynamic_cast<const models::LifeEvents*>(m.get())) return *l;
  throw std::logic_error("no life events");
}

/// Largest household's share of people: how far a share solved by whole households can miss.
double household_grain(const test::Town& t) {
  const auto& hs = t.world->household_start;
  std::uint32_t most = 0;
  for (std::size_t h = 0; h + 1 < hs.size(); ++h) most = std::max(most, hs[h + 1] - hs[h]);
  return most / static_cast<double>(t.agents.size());
}

}  // namespace

TEST_CASE("cost burden: week 0 has the configured shares and the food insecure are in difficulty",
          "[models][life]") {
  auto town = burden_town(20000);
  town.prepare();
  const auto& a = town.agents;
  const double grain = household_grain(town);
  CHECK(std::abs(share(a, models::kEnergyBills) - 0.35) <= grain);
  CHECK(std::abs(share(a, models::kFoodInsecure) - 0.08) <= grain);
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a.domains[i] & models::kFoodInsecure) REQUIRE((a.domains[i] & models::kEnergyBills) != 0);
}

TEST_CASE("cost burden: the share in difficulty follows the logistic of log burden at any price",
          "[models][life][large]") {
  // Independent of the tolerance draws: over households of burden b the share in difficulty is
  // logistic((ln b - loc) / s), so the people in difficulty after a price rise are binomial
  // around the sum of that probability over their households. 5 standard errors.
  for (double price : {1.0, 1.6, 2.4}) {
    INFO("energy price x" << price);
    auto town = burden_town(30000, price);
    town.prepare();
    town.step(1);
    const auto& a = town.agents;
    const auto& hs = town.world->household_start;
    const auto* cb = life_of(town).cost_burden();
    REQUIRE(cb != nullptr);
    const double unit = town.world->energy_cost * price, s = 0.5;
    double expected = 0, variance = 0, observed = 0;
    for (std::size_t h = 0; h + 1 < hs.size(); ++h) {
      const auto head = hs[h], size = hs[h + 1] - hs[h];
      const double b = models::CostBurden::burden(a.disposable[head], unit);
      const double p = 1 / (1 + std::exp(-(std::log(b) - cb->energy_loc) / s));
      expected += size * p, variance += double(size) * size * p * (1 - p);
      observed += size * ((a.domains[head] & models::kEnergyBills) != 0);
    }
    INFO("observed " << observed << " people, expected " << expected);
    CHECK(std::abs(observed - expected) < 5 * std::sqrt(variance));
  }
}

TEST_CASE("cost burden: a price rise only adds difficulty and the rest of the week stays common",
          "[models][life]") {
  // Energy prices x1.5 from week 1: a household's burden rises unless its income rises more, so
  // nobody in difficulty in the baseline is out of it in the shock run; and a household whose
  // cost-of-living states are the same in both runs has the same draws for everything else
  // (the tolerances have their own stream), so its job, illness and every other domain agree,
  // and with the social terms and the income effect off its wellbeing is bit-identical.
  auto base = burden_town(20000, 1, true), shock = burden_town(20000, 1.5, true);
  base.prepare(), shock.prepare();
  std::size_t untouched = 0, gained = 0;
  const std::uint16_t cost = models::kEnergyBills | models::kFoodInsecure | models::kFuelPoor |
                             models::kFinancialStrain | models::kMentalIll |
                             models::kHousingInsecure | models::kHomeless;
  std::vector<bool> reached(base.agents.size(), false);
  for (std::uint32_t t = 1; t <= 26; ++t) {
    base.step(t), shock.step(t);
    const auto &b = base.agents, &s = shock.agents;
    for (std::size_t i = 0; i < b.size(); ++i) {
      // A household made homeless pays no rent, so its burden can fall: that is not a price.
      const bool homeless = (b.domains[i] | s.domains[i]) & models::kHomeless;
      if (!homeless && (b.domains[i] & models::kEnergyBills) &&
          !(s.domains[i] & models::kEnergyBills))
        FAIL("person " << i << " left difficulty when prices rose, week " << t);
      if ((b.domains[i] ^ s.domains[i]) & cost) reached[i] = true;
      if (!reached[i]) {
        REQUIRE(b.domains[i] == s.domains[i]);
        REQUIRE(b.activity[i] == s.activity[i]);
        REQUIRE(b.wellbeing[i] == s.wellbeing[i]);
      }
    }
  }
  for (std::size_t i = 0; i < reached.size(); ++i) {
    untouched += !reached[i];
    gained += reached[i] && (shock.agents.domains[i] & models::kEnergyBills);
  }
  INFO(untouched << " people never reached, " << gained << " reached and in difficulty");
  CHECK(untouched > reached.size() / 2);
  CHECK(gained > 0);
}
