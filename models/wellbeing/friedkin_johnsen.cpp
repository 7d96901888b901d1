// Friedkin-Johnsen (FJ) opinion dynamics applied to life satisfaction.
//
// Mechanism: each person's wellbeing moves towards the (weighted) mean wellbeing of their ties
// with susceptibility lambda_i, while staying anchored to their own initial value u_i:
//     x_i(t+1) = lambda_i * sum_j W_ij x_j(t) + (1 - lambda_i) * u_i,
// W the row-normalised adjacency. With lambda = 1 it is DeGroot averaging, which on a connected
// aperiodic graph converges to consensus at the degree-weighted mean of u (the stationary
// distribution of the random walk). With lambda < 1 it converges to x* = (I - L W)^-1 (I - L) u.
// Sources: N. E. Friedkin & E. C. Johnsen, "Social influence and opinions", J. Math. Sociol. 15
// (1990) 193-206; M. H. DeGroot, "Reaching a consensus", JASA 69 (1974) 118-121.
//
// Why this way: it is wellsim's validation and teaching baseline — it has closed forms the tests
// check against, and an educator can show consensus versus anchored disagreement with one
// parameter. An isolate (no ties) hears only itself (W_ii = 1), so it relaxes back to its anchor
// u_i instead of being dragged towards 0 by an empty row.
// The kernel is a pull loop over CSR rows, written once per weighting so that the common
// unweighted case reads only the neighbour index stream (memory bandwidth is the limit). Row sums
// are accumulated in float in row order: deterministic, and double accumulation cost ~20% of the
// step with no difference the closed-form tests (1e-5, Facebook hubs of 1,000 ties) can see.
#include "models/wellbeing/friedkin_johnsen.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>

namespace wellsim::models {

const sim::ParamTable<FriedkinJohnsenParams>& FriedkinJohnsen::table() {
  using P = FriedkinJohnsenParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("susceptibility", &P::susceptibility, 0.5)
        .range(0, 1)
        .help(
            "lambda: weight a person gives to their ties' wellbeing each week (1 = DeGroot, no "
            "anchor)");
    t.add("layer_weights", &P::layer_weights, std::vector<double>{})
        .range(0, 1e6)
        .help(
            "relative weight of each network layer, in the network's layer order (empty = all "
            "equal)");
  });
}

const std::vector<sim::ParamSpec>& FriedkinJohnsen::params() { return table().specs(); }

FriedkinJohnsen::FriedkinJohnsen(const sim::Network& net, std::vector<float> layer_weights) {
  const std::size_t n = net.size();
  bool layers_equal = true;
  for (float w : layer_weights) layers_equal &= (w == layer_weights.front());
  uniform_rows_ = net.unit_weights() && layers_equal;
  inv_weight_.assign(n, 0.f);
  if (!uniform_rows_) entry_weight_.resize(net.entries());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      double total = 0;
      for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k) {
        double w = net.unit_weights() ? 1.0 : net.weight[k];
        if (!layer_weights.empty()) w *= layer_weights[net.layer[k]];
        if (!uniform_rows_) entry_weight_[k] = static_cast<float>(w);
        total += w;
      }
      // Uniform rows sum their neighbours unweighted, so they divide by the degree: a common
      // layer weight other than 1 cancels out of W instead of scaling the social term.
      if (uniform_rows_) total = static_cast<double>(net.offsets[i + 1] - net.offsets[i]);
      inv_weight_[i] = total > 0 ? static_cast<float>(1.0 / total) : 0.f;
    }
  });
}

namespace {

/// lambda / deg as scale_ folds it: lambda times the float of 1 / deg (lambda for an isolate).
float degree_scale(float lambda, std::uint64_t deg) {
  return deg > 0 ? lambda * static_cast<float>(1.0 / static_cast<double>(deg)) : lambda;
}

template <bool Weighted>
void fj_step(const sim::Network& net, sim::AgentStore& a, const std::vector<float>& scale,
             const std::vector<float>& offset, const std::vector<float>& entry_weight) {
  const std::uint64_t* off = net.offsets.data();
  const sim::AgentId* nb = net.neighbours.data();
  const float* w = entry_weight.data();
  const float* x = a.wellbeing.data();
  const float* sc = scale.data();
  const float* of = offset.data();
  float* next = a.wellbeing_next.data();
  // Captured by value: the compiler then knows the stores to next[] cannot move the pointers, and
  // keeps them in registers (by-reference capture measured 10-20% slower here).
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, net.size()), [=](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      const auto begin = off[i], end = off[i + 1];
      float sum = 0.f;
      for (auto k = begin; k < end; ++k) sum += Weighted ? w[k] * x[nb[k]] : x[nb[k]];
      // An isolate has no one to hear from: its social term is its own current value.
      if (begin == end) sum = x[i];
      next[i] = sc[i] * sum + of[i];
    }
  });
}

/// The common case, every tie and every agent alike: the scale lambda / deg(i) comes from a
/// table by degree (the very floats scale_ would hold), so the loop streams one per-agent column
/// (offset) besides the CSR, as the hand-written yardstick loop does.
void fj_step_by_degree(const sim::Network& net, sim::AgentStore& a,
                       const std::vector<float>& by_degree, float lambda,
                       const std::vector<float>& offset) {
  const std::uint64_t* off = net.offsets.data();
  const sim::AgentId* nb = net.neighbours.data();
  const float* x = a.wellbeing.data();
  const float* table = by_degree.data();
  const std::uint64_t table_size = by_degree.size();
  const float* of = offset.data();
  float* next = a.wellbeing_next.data();
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, net.size()), [=](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      const auto begin = off[i], end = off[i + 1];
      float sum = 0.f;
      for (auto k = begin; k < end; ++k) sum += x[nb[k]];
      if (begin == end) sum = x[i];
      const std::uint64_t deg = end - begin;
      const float sc = deg < table_size ? table[deg] : degree_scale(lambda, deg);
      next[i] = sc * sum + of[i];
    }
  });
}

}  // namespace

void FriedkinJohnsen::run(sim::Phase, sim::StepContext& ctx) {
  const auto& a = ctx.agents;
  if (offset_.size() != a.size()) fold(ctx.network, a);
  if (!by_degree_.empty())
    fj_step_by_degree(ctx.network, ctx.agents, by_degree_, a.susceptibility.front(), offset_);
  else if (uniform_rows_)
    fj_step<false>(ctx.network, ctx.agents, scale_, offset_, entry_weight_);
  else
    fj_step<true>(ctx.network, ctx.agents, scale_, offset_, entry_weight_);
}

void FriedkinJohnsen::fold(const sim::Network& net, const sim::AgentStore& a) {
  const std::size_t n = a.size();
  offset_.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    offset_[i] = (1.f - a.susceptibility[i]) * a.initial_wellbeing[i];
  const bool same_lambda = std::all_of(a.susceptibility.begin(), a.susceptibility.end(),
                                       [&](float l) { return l == a.susceptibility.front(); });
  by_degree_.clear();
  scale_.clear();
  if (uniform_rows_ && same_lambda && n > 0) {
    // Degrees beyond the table (hubs) are folded in the loop, the same way.
    std::uint64_t max_degree = 0;
    for (std::size_t i = 0; i < n; ++i)
      max_degree = std::max<std::uint64_t>(max_degree, net.degree(static_cast<sim::AgentId>(i)));
    by_degree_.resize(std::min<std::uint64_t>(max_degree, kDegreeTable - 1) + 1);
    for (std::uint64_t d = 0; d < by_degree_.size(); ++d)
      by_degree_[d] = degree_scale(a.susceptibility.front(), d);
    return;
  }
  scale_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const float lambda = a.susceptibility[i];
    scale_[i] = inv_weight_[i] > 0.f ? lambda * inv_weight_[i] : lambda;
  }
}

}  // namespace wellsim::models
