// Friedkin-Johnsen against its closed form, solved independently with Eigen.
#include <catch2/catch.hpp>

#include <Eigen/Dense>
#include <Eigen/Sparse>

#include "models/network/sources.hpp"
#include "models/wellbeing/friedkin_johnsen.hpp"
#include "sim/rng.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

sim::Network ring_with_chords(std::size_t n) {
  sim::EdgeList e;
  e.n = n;
  for (sim::AgentId i = 0; i < n; ++i) {
    e.u.push_back(i), e.v.push_back((i + 1) % n);
    if (i % 3 == 0) e.u.push_back(i), e.v.push_back((i + 5) % n);
  }
  return sim::freeze(e, sim::Ordering::None);
}

sim::AgentStore agents_for(const sim::Network& net, float lambda_base, bool vary) {
  sim::AgentStore a;
  a.resize(net.size());
  sim::RandomStream r(11, 0, "test.fj");
  for (std::size_t i = 0; i < net.size(); ++i) {
    a.initial_wellbeing[i] = a.wellbeing[i] = static_cast<float>(10 * r.uniform(0, i));
    a.susceptibility[i] = vary ? static_cast<float>(0.2 + 0.7 * r.uniform(1, i)) : lambda_base;
  }
  return a;
}

/// Runs the mechanism until the state moves less than tol in a step (or max_steps).
std::vector<float> iterate(const sim::Network& net, sim::AgentStore a,
                           const std::vector<float>& layer_weights, int max_steps) {
  models::FriedkinJohnsen fj(net, layer_weights);
  for (int t = 1; t <= max_steps; ++t) {
    sim::Ledger ledger;
    sim::StepContext ctx{static_cast<std::uint32_t>(t), net, a, 1, 0, ledger};
    fj.run(sim::Phase::WellbeingUpdate, ctx);
    a.commit();
  }
  return a.wellbeing;
}

/// W row-normalised from the CSR, isolates listening to themselves (W_ii = 1).
Eigen::SparseMatrix<double> row_normalised(const sim::Network& net,
                                           const std::vector<float>& layer_weights) {
  std::vector<Eigen::Triplet<double>> t;
  for (sim::AgentId i = 0; i < net.size(); ++i) {
    double total = 0;
    for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k)
      total += (net.unit_weights() ? 1.0 : net.weight[k]) *
               (layer_weights.empty() ? 1.0 : layer_weights[net.layer[k]]);
    if (total == 0) t.emplace_back(i, i, 1.0);
    for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k)
      t.emplace_back(i, net.neighbours[k],
                     (net.unit_weights() ? 1.0 : net.weight[k]) *
                         (layer_weights.empty() ? 1.0 : layer_weights[net.layer[k]]) / total);
  }
  Eigen::SparseMatrix<double> w(net.size(), net.size());
  w.setFromTriplets(t.begin(), t.end());
  return w;
}

/// x* = (I - L W)^-1 (I - L) u.
Eigen::VectorXd closed_form(const sim::Network& net, const sim::AgentStore& a,
                            const std::vector<float>& layer_weights) {
  const auto n = static_cast<Eigen::Index>(net.size());
  Eigen::VectorXd lambda(n), u(n);
  for (Eigen::Index i = 0; i < n; ++i)
    lambda[i] = a.susceptibility[i], u[i] = a.initial_wellbeing[i];
  Eigen::SparseMatrix<double> eye(n, n);
  eye.setIdentity();
  Eigen::SparseMatrix<double> m = eye - lambda.asDiagonal() * row_normalised(net, layer_weights);
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(m);
  return lu.solve(((1.0 - lambda.array()) * u.array()).matrix());
}

double max_gap(const std::vector<float>& x, const Eigen::VectorXd& y) {
  double gap = 0;
  for (std::size_t i = 0; i < x.size(); ++i) gap = std::max(gap, std::abs(x[i] - y[i]));
  return gap;
}

}  // namespace

TEST_CASE("FJ converges to the closed-form equilibrium on small graphs", "[models][fj]") {
  auto net = ring_with_chords(60);
  SECTION("uniform susceptibility") {
    auto a = agents_for(net, 0.6f, false);
    CHECK(max_gap(iterate(net, a, {}, 400), closed_form(net, a, {})) < 1e-5);
  }
  SECTION("susceptibility varying by person") {
    auto a = agents_for(net, 0, true);
    CHECK(max_gap(iterate(net, a, {}, 400), closed_form(net, a, {})) < 1e-5);
  }
  SECTION("weighted ties and layers") {
    sim::EdgeList e;
    e.n = 40;
    for (sim::AgentId i = 0; i < 40; ++i) {
      e.u.push_back(i), e.v.push_back((i + 1) % 40), e.w.push_back(1.f + i % 4);
      e.layer.push_back(static_cast<std::uint8_t>(i % 2));
      if (i % 7 == 0)
        e.u.push_back(i), e.v.push_back((i + 11) % 40), e.w.push_back(0.5f), e.layer.push_back(1);
    }
    e.layer_names = {"household", "friend"};
    auto wnet = sim::freeze(e, sim::Ordering::None);
    auto a = agents_for(wnet, 0.7f, false);
    std::vector<float> lw = {3.f, 1.f};
    CHECK(max_gap(iterate(wnet, a, lw, 600), closed_form(wnet, a, lw)) < 1e-5);
  }
  SECTION("an isolate keeps its anchor") {
    sim::EdgeList e;
    e.n = 3;
    e.u = {0};
    e.v = {1};
    auto inet = sim::freeze(e, sim::Ordering::None);
    auto a = agents_for(inet, 0.5f, false);
    a.wellbeing[2] = 0.f;  // start away from its anchor: it relaxes back
    auto x = iterate(inet, a, {}, 200);
    CHECK(x[2] == Approx(a.initial_wellbeing[2]).margin(1e-5));
  }
}

TEST_CASE("DeGroot on a connected graph reaches the degree-weighted mean", "[models][fj]") {
  // Circulant graph with chords of length 1, 7 and 19 on 61 nodes: connected, aperiodic (odd
  // cycle) and fast-mixing, so 400 steps reach consensus.
  sim::EdgeList e;
  e.n = 61;
  for (sim::AgentId i = 0; i < 61; ++i)
    for (sim::AgentId c : {1u, 7u, 19u}) e.u.push_back(i), e.v.push_back((i + c) % 61);
  // Make degrees unequal so the degree-weighted mean differs from the plain mean.
  for (sim::AgentId i = 0; i < 20; i += 2) e.u.push_back(i), e.v.push_back(i + 30);
  auto net = sim::freeze(e, sim::Ordering::None);
  auto a = agents_for(net, 1.0f, false);
  double num = 0, den = 0;
  for (sim::AgentId i = 0; i < net.size(); ++i)
    num += net.degree(i) * double(a.initial_wellbeing[i]), den += net.degree(i);
  double plain = 0;
  for (float u : a.initial_wellbeing) plain += u / 61.0;
  REQUIRE(std::abs(plain - num / den) > 1e-2);
  const int steps = 400;
  auto x = iterate(net, a, {}, steps);
  // Consensus is neutrally stable, so float rounding (half an ulp at 10 is 4.8e-7 per step) can
  // walk it: the bound is steps x 4.8e-7.
  for (float v : x) CHECK(v == Approx(num / den).margin(steps * 4.8e-7));
}

TEST_CASE("FJ matches the closed form on the Facebook network", "[models][fj][slow][heavy]") {
  std::string path = test::shared_data("snap_ego_facebook/facebook_combined.txt");
  if (path.empty()) {
    WARN("../shared/data/snap_ego_facebook is absent: skipped");
    return;
  }
  const models::NetworkSource* src = nullptr;
  for (const auto& s : models::network_sources())
    if (s.name == "edge_list") src = &s;
  REQUIRE(src);
  sim::ParamSet p;
  p.set("path", path);
  p.set("header", std::string("auto"));
  p.set("group_divisor", std::int64_t{0});
  auto net = sim::freeze(src->build(p, {"fb", 1, 0}), sim::Ordering::CuthillMcKee);
  REQUIRE(net.size() == 4039);
  REQUIRE(net.entries() == 2 * 88234);
  auto a = agents_for(net, 0.5f, false);
  // lambda = 0.5: the error contracts by at least half each step; 60 steps reach float precision.
  CHECK(max_gap(iterate(net, a, {}, 60), closed_form(net, a, {})) < 1e-5);
}

TEST_CASE("FJ with equal layer weights other than 1 is FJ without weights", "[models][fj]") {
  // Uniform rows sum their neighbours unweighted; a common weight of 2 once halved the social
  // term (W's rows summed to 1/2) instead of cancelling out of W.
  sim::EdgeList e;
  e.n = 30;
  for (sim::AgentId i = 0; i < 30; ++i) {
    e.u.push_back(i), e.v.push_back((i + 1) % 30), e.layer.push_back(i % 2);
    if (i % 4 == 0) e.u.push_back(i), e.v.push_back((i + 9) % 30), e.layer.push_back(1);
  }
  e.layer_names = {"household", "friend"};
  auto net = sim::freeze(e, sim::Ordering::None);
  auto a = agents_for(net, 0.8f, false);
  const std::vector<float> twos = {2.f, 2.f};
  CHECK(max_gap(iterate(net, a, twos, 500), closed_form(net, a, twos)) < 1e-5);
  CHECK(iterate(net, a, twos, 7) == iterate(net, a, {}, 7));
}

TEST_CASE("FJ's step is the folded formula bit for bit, hubs beyond the degree table included",
          "[models][fj]") {
  // The kernel takes lambda / deg from a table by degree when every tie and lambda are alike;
  // it must give the very floats of scale_i = lambda * float(1 / deg_i) times the row sum in row
  // order, plus (1 - lambda) u_i (the per-agent path, kept for varying lambda), for degrees past
  // the table's 4,096 too: a star of 5,000 leaves, a ring among them, an isolate.
  sim::EdgeList e;
  e.n = 5002;
  for (sim::AgentId i = 1; i <= 5000; ++i) {
    e.u.push_back(0), e.v.push_back(i);
    e.u.push_back(i), e.v.push_back(i % 5000 + 1);
  }
  auto net = sim::freeze(e, sim::Ordering::None);
  REQUIRE(net.degree(0) == 5000);
  for (bool vary : {false, true}) {
    auto a = agents_for(net, 0.35f, vary);
    for (std::size_t i = 0; i < net.size(); ++i) a.wellbeing[i] = 10.f - a.initial_wellbeing[i];
    std::vector<float> expected(net.size());
    for (sim::AgentId i = 0; i < net.size(); ++i) {
      const float lambda = a.susceptibility[i];
      float sum = 0.f;
      for (auto j : net.neighbours_of(i)) sum += a.wellbeing[j];
      if (net.degree(i) == 0) sum = a.wellbeing[i];
      const float inv = net.degree(i) ? static_cast<float>(1.0 / net.degree(i)) : 0.f;
      const float scale = inv > 0.f ? lambda * inv : lambda;
      expected[i] = scale * sum + (1.f - lambda) * a.initial_wellbeing[i];
    }
    CHECK(iterate(net, a, {}, 1) == expected);
  }
}
