// The community wellbeing model: effects in isolation, buffering, the Friedkin-Johnsen fixed
// point against Eigen, week-0 rank reassignment and fixed point, baseline stability, errors.
#include <catch2/catch.hpp>

#include <Eigen/Sparse>
#include <algorithm>
#include <cmath>

#include "sim/errors.hpp"
#include "tests/models/life/town_fixture.hpp"

using namespace wellsim;

namespace {

/// A ring with chords of friend ties; everyone employed, at the median income, no problems.
struct Hand {
  sim::Network net;
  sim::AgentStore a;
  std::shared_ptr<models::World> world = std::make_shared<models::World>();
  sim::Ledger ledger;

  explicit Hand(std::size_t n) {
    sim::EdgeList e;
    e.n = n;
    e.layer_names.assign(std::begin(models::kLayerNames), std::end(models::kLayerNames));
    for (sim::AgentId i = 0; i < n; ++i) {
      e.u.push_back(i), e.v.push_back((i + 1) % n), e.layer.push_back(models::kFriend);
      if (i % 3 == 0)
        e.u.push_back(i), e.v.push_back((i + 7) % n), e.layer.push_back(models::kHousehold);
    }
    net = sim::freeze(e, sim::Ordering::None);
    a.resize(n);
    a.resize_people(n);
    sim::RandomStream r(3, 0, "test.hand");
    for (std::uint32_t i = 0; i < n; ++i) {
      a.wellbeing[i] = static_cast<float>(3 + 6 * r.uniform(0, i));
      a.activity[i] = static_cast<std::uint8_t>(models::Activity::Employed);
      a.disposable[i] = 400;
    }
    world->median_income = 400;
  }
  sim::ParamSet params(double lambda, double alpha) const {
    auto p = test::defaults(models::CommunityWellbeing::params());
    p.set("susceptibility", lambda);
    p.set("adaptation", alpha);
    p.set("rank_noise_sd", 0.0);
    return p;
  }
  void step(models::CommunityWellbeing& m, std::uint32_t t) {
    sim::StepContext ctx{t, net, a, 1, 0, ledger};
    m.run(sim::Phase::WellbeingUpdate, ctx);
    a.commit();
  }
};

}  // namespace

TEST_CASE("Unemployment moves wellbeing by its effect, geometrically when alpha < 1",
          "[models][wellbeing]") {
  Hand h(1000);
  SECTION("alpha = 1: the full effect in one step") {
    models::CommunityWellbeing m(h.net, h.params(0, 1), h.world);
    m.prepare(h.net, h.a, h.ledger);
    const auto before = h.a.wellbeing;
    for (std::uint32_t i = 0; i < 1000; i += 10)
      h.a.activity[i] = static_cast<std::uint8_t>(models::Activity::Unemployed);
    h.step(m, 1);
    double drop = 0, others = 0;
    for (std::uint32_t i = 0; i < 1000; ++i)
      (i % 10 == 0 ? drop : others) += h.a.wellbeing[i] - before[i];
    CHECK(drop / 100 == Approx(-0.70).margin(1e-5));
    CHECK(others == Approx(0).margin(1e-3));
  }
  SECTION("alpha = 0.25: the gap closes by a quarter a week") {
    models::CommunityWellbeing m(h.net, h.params(0, 0.25), h.world);
    m.prepare(h.net, h.a, h.ledger);
    const float x0 = h.a.wellbeing[0];
    h.a.activity[0] = static_cast<std::uint8_t>(models::Activity::Unemployed);
    for (std::uint32_t t = 1; t <= 6; ++t) {
      h.step(m, t);
      CHECK(h.a.wellbeing[0] - x0 == Approx(-0.70 * (1 - std::pow(0.75, t))).margin(1e-5));
    }
  }
}

TEST_CASE("Each default effect moves wellbeing by its size, buffered by support",
          "[models][wellbeing]") {
  struct Case {
    const char* what;
    std::function<void(sim::AgentStore&, std::uint32_t)> apply;
    double effect;
  };
  const std::vector<Case> cases = {
      {"mental", [](auto& a, auto i) { a.domains[i] |= models::kMentalIll; }, -0.72},
      {"physical", [](auto& a, auto i) { a.domains[i] |= models::kPhysicalIll; }, -0.22},
      {"lonely", [](auto& a, auto i) { a.domains[i] |= models::kLonely; }, -0.6},
      {"homeless", [](auto& a, auto i) { a.domains[i] |= models::kHomeless; }, -1.6},
      {"food", [](auto& a, auto i) { a.domains[i] |= models::kFoodInsecure; }, -0.4},
      {"fuel", [](auto& a, auto i) { a.domains[i] |= models::kFuelPoor; }, -0.3},
      {"strain", [](auto& a, auto i) { a.domains[i] |= models::kFinancialStrain; }, -0.4},
      {"housing", [](auto& a, auto i) { a.domains[i] |= models::kHousingInsecure; }, -0.3},
      {"victim", [](auto& a, auto i) { a.domains[i] |= models::kVictimised; }, -0.3},
      {"hate", [](auto& a, auto i) { a.domains[i] |= models::kHateIncident; }, -0.3},
      {"substance", [](auto& a, auto i) { a.domains[i] |= models::kSubstanceMisuse; }, -0.4},
      {"energy bills", [](auto& a, auto i) { a.domains[i] |= models::kEnergyBills; }, -0.8},
      // Difficulty paying energy bills is not counted on top of fuel poverty or strain (the same
      // squeeze by an income line), but is on top of food insecurity (a harm beyond it).
      {"energy bills and fuel",
       [](auto& a, auto i) { a.domains[i] |= models::kEnergyBills | models::kFuelPoor; }, -0.3},
      {"energy bills and strain",
       [](auto& a, auto i) { a.domains[i] |= models::kEnergyBills | models::kFinancialStrain; },
       -0.4},
      {"energy bills and food",
       [](auto& a, auto i) { a.domains[i] |= models::kEnergyBills | models::kFoodInsecure; }, -1.2},
      {"partnered", [](auto& a, auto i) { a.traits[i] |= models::kPartnered; }, 0.59},
      {"widowed", [](auto& a, auto i) { a.traits[i] |= models::kWidowed; }, -0.48},
      {"income x e", [](auto& a, auto i) { a.disposable[i] = 400 * std::exp(1.f); }, 0.17},
      {"income / e", [](auto& a, auto i) { a.disposable[i] = 400 / std::exp(1.f); }, -0.17},
  };
  for (const auto& c : cases) {
    for (int support : {0, 5, 2}) {
      INFO(c.what << " with support " << support);
      Hand h(200);
      for (auto& s : h.a.support) s = static_cast<std::uint16_t>(support);
      models::CommunityWellbeing m(h.net, h.params(0, 1), h.world);
      m.prepare(h.net, h.a, h.ledger);
      const float x0 = h.a.wellbeing[5];
      c.apply(h.a, 5);
      h.step(m, 1);
      // Negative effects shrink by buffer (0.2) times min(1, support / 5); positive ones do not.
      const double scale = c.effect < 0 ? 1 - 0.2 * std::min(1.0, support / 5.0) : 1.0;
      CHECK(h.a.wellbeing[5] - x0 == Approx(c.effect * scale).margin(2e-5));
    }
  }
}

TEST_CASE("With fixed circumstances the model converges to the Friedkin-Johnsen point",
          "[models][wellbeing]") {
  const double lambda = 0.4, alpha = 0.25;
  Hand h(120);
  models::CommunityWellbeing m(h.net, h.params(lambda, alpha), h.world);
  m.prepare(h.net, h.a, h.ledger);
  sim::RandomStream r(5, 0, "test.fj");
  for (std::uint32_t i = 0; i < 120; ++i) {
    h.a.set_point[i] = static_cast<float>(3 + 5 * r.uniform(0, i));
    if (i % 4 == 0) h.a.domains[i] |= models::kMentalIll;
  }
  for (std::uint32_t t = 1; t <= 800; ++t) h.step(m, t);
  // W: household ties weigh 3, friends 1 (the default layer weights), row-normalised.
  const auto n = static_cast<Eigen::Index>(h.net.size());
  std::vector<Eigen::Triplet<double>> trip;
  for (sim::AgentId i = 0; i < h.net.size(); ++i) {
    double total = 0;
    for (auto k = h.net.offsets[i]; k < h.net.offsets[i + 1]; ++k)
      total += h.net.layer[k] == models::kHousehold ? 3 : 1;
    for (auto k = h.net.offsets[i]; k < h.net.offsets[i + 1]; ++k)
      trip.emplace_back(i, h.net.neighbours[k],
                        (h.net.layer[k] == models::kHousehold ? 3 : 1) / total);
  }
  Eigen::SparseMatrix<double> w(n, n), eye(n, n);
  w.setFromTriplets(trip.begin(), trip.end());
  eye.setIdentity();
  const double lp = lambda / (lambda + (1 - lambda) * alpha);
  Eigen::VectorXd u(n);
  for (Eigen::Index i = 0; i < n; ++i) u[i] = h.a.set_point[i] + m.effect_sum(h.a, i);
  Eigen::SparseMatrix<double> lhs = eye - lp * w;
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(lhs);
  const Eigen::VectorXd x = lu.solve((1 - lp) * u);
  double gap = 0;
  for (Eigen::Index i = 0; i < n; ++i) gap = std::max(gap, std::abs(h.a.wellbeing[i] - x[i]));
  CHECK(gap < 1e-4);
}

TEST_CASE("Week 0 keeps the calibrated values, ranks them by circumstance, and is a fixed point",
          "[models][wellbeing]") {
  auto town = test::make_town(20000);
  // The values of people 16+ and of children, each sorted: ranking reorders within each group.
  auto by_group = [&town] {
    std::vector<float> group[2];
    for (std::size_t i = 0; i < town.agents.size(); ++i)
      group[town.agents.age[i] >= 16].push_back(town.agents.wellbeing[i]);
    for (auto& g : group) std::sort(g.begin(), g.end());
    return std::make_pair(group[0], group[1]);
  };
  const auto groups_before = by_group();
  auto sorted_before = town.agents.wellbeing;
  std::sort(sorted_before.begin(), sorted_before.end());
  test::add_community(town, models::default_life_params(),
                      test::defaults(models::CommunityWellbeing::params()));
  town.prepare();
  auto sorted_after = town.agents.wellbeing;
  std::sort(sorted_after.begin(), sorted_after.end());
  CHECK(sorted_before == sorted_after);
  CHECK(by_group() == groups_before);
  CHECK(town.agents.initial_wellbeing == town.agents.wellbeing);
  double sum[2] = {0, 0}, sq[2] = {0, 0}, count[2] = {0, 0};
  for (std::size_t i = 0; i < town.agents.size(); ++i) {
    const auto act = static_cast<models::Activity>(town.agents.activity[i]);
    if (act != models::Activity::Employed && act != models::Activity::Unemployed) continue;
    const int k = act == models::Activity::Unemployed;
    sum[k] += town.agents.wellbeing[i],
        sq[k] += double(town.agents.wellbeing[i]) * town.agents.wellbeing[i], ++count[k];
  }
  const double m0 = sum[0] / count[0], m1 = sum[1] / count[1];
  const double se =
      std::sqrt((sq[1] / count[1] - m1 * m1) / count[1] + (sq[0] / count[0] - m0 * m0) / count[0]);
  CHECK(m1 < m0 - 3 * se);
  // One step of the wellbeing model alone (no life events) leaves everyone where they are.
  sim::StepContext ctx{1, town.net, town.agents, town.seed, 0, town.ledger};
  town.mechanisms[2]->run(sim::Phase::WellbeingUpdate, ctx);
  double gap = 0;
  for (std::size_t i = 0; i < town.agents.size(); ++i)
    gap = std::max(gap, double(std::abs(town.agents.wellbeing_next[i] - town.agents.wellbeing[i])));
  CHECK(gap < 1e-4);
}

TEST_CASE("A year without interventions stays near the week-0 mean", "[models][wellbeing][large]") {
  auto town = test::make_town(20000);
  test::add_community(town, models::default_life_params(),
                      test::defaults(models::CommunityWellbeing::params()));
  town.prepare();
  auto mean = [&] {
    double s = 0;
    for (float x : town.agents.wellbeing) s += x;
    return s / town.agents.size();
  };
  const double m0 = mean();
  for (std::uint32_t t = 1; t <= 52; ++t) town.step(t);
  // Tolerance: 5 standard errors of a mean of 20,000 values with SD 1.9 (~0.067 points).
  CHECK(std::abs(mean() - m0) < 5 * 1.9 / std::sqrt(double(town.agents.size())));
}

TEST_CASE("Layer weights of the wrong length are refused with the key", "[models][wellbeing]") {
  Hand h(10);
  auto p = h.params(0.2, 0.25);
  p.set("layer_weights", std::vector<double>{1, 2, 3});
  CHECK_THROWS_MATCHES(models::CommunityWellbeing(h.net, p, h.world), sim::InputError,
                       Catch::Message("wellbeing.layer_weights: expected 7 values (household, "
                                      "kin, close_friend, friend, workplace, school, "
                                      "community), found 3"));
}

TEST_CASE("An age profile of the wrong length is refused with the key", "[models][wellbeing]") {
  Hand h(10);
  auto p = h.params(0.2, 0.25);
  p.set("age_profile", std::vector<double>{0.1, -0.1});
  CHECK_THROWS_MATCHES(models::CommunityWellbeing(h.net, p, h.world), sim::InputError,
                       Catch::Message("wellbeing.age_profile: expected 7 values (16-24, 25-34, "
                                      "35-44, 45-59, 60-64, 65-79, 80+) or none, found 2"));
}

TEST_CASE("A week's step is the model's formula bit for bit, rows of any length",
          "[models][wellbeing]") {
  // The step's loop is tuned (prefetching, folded row weights, a reused log): its floats must
  // be those of the plain formula, row by row in row order, for rows of unequal length and a
  // hub, so that tuning never changes a result unnoticed.
  const std::uint32_t n = 1001;
  Hand h(n);
  sim::EdgeList e;
  e.n = n;
  e.layer_names.assign(std::begin(models::kLayerNames), std::end(models::kLayerNames));
  sim::RandomStream r(9, 0, "test.rows");
  for (sim::AgentId i = 0; i < n; ++i) {
    e.u.push_back(i), e.v.push_back((i + 1) % n), e.layer.push_back(models::kFriend);
    if (i % 3 == 0)
      e.u.push_back(i), e.v.push_back((i + 7) % n), e.layer.push_back(models::kHousehold);
    const auto extra = static_cast<std::uint32_t>(r.uniform(0, i) * (i < 5 ? 300 : 6));
    for (std::uint32_t k = 0; k < extra; ++k)
      e.u.push_back(i), e.v.push_back(static_cast<sim::AgentId>(r.uniform(1 + k, i) * n)),
          e.layer.push_back(models::kFriend);
  }
  h.net = sim::freeze(e, sim::Ordering::None);
  const float lambda = 0.4f, alpha = 0.3f;
  models::CommunityWellbeing m(h.net, h.params(lambda, alpha), h.world);
  m.prepare(h.net, h.a, h.ledger);
  h.step(m, 1);  // now the latent values are the reported ones (all inside 0-10)
  for (float x : h.a.wellbeing) REQUIRE((x > 0 && x < 10));
  for (std::uint32_t i = 0; i < n; i += 7) h.a.domains[i] |= models::kMentalIll;
  std::vector<float> expected(n);
  for (sim::AgentId i = 0; i < n; ++i) {
    float sum = 0;
    double weight = 0;
    for (auto k = h.net.offsets[i]; k < h.net.offsets[i + 1]; ++k) {
      const float w = h.net.layer[k] == models::kHousehold ? 3.f : 1.f;
      sum += w * h.a.wellbeing[h.net.neighbours[k]];
      weight += w;
    }
    const auto total = static_cast<float>(weight);
    const float l = h.a.wellbeing[i];
    const float u = h.a.set_point[i] + m.effect_sum(h.a, i);
    const float own = l + alpha * (u - l);
    expected[i] =
        std::clamp(total > 0 ? lambda * (sum / total) + (1 - lambda) * own : own, 0.f, 10.f);
  }
  h.step(m, 2);
  std::uint32_t differ = 0;
  for (sim::AgentId i = 0; i < n; ++i) differ += h.a.wellbeing[i] != expected[i];
  CHECK(differ == 0);
}
