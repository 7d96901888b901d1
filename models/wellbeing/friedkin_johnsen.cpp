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
// parameter. Isolates (no ties) keep their anchor-weighted value: x(t+1) = lambda x(t) + (1-lambda) u
// would drift towards u, but with no one to hear from they simply keep x (W's row is empty).
// The kernel is a pull loop over CSR rows, written once per weighting so that the common
// unweighted case reads only the neighbour index stream (memory bandwidth is the limit).
#include "models/wellbeing/friedkin_johnsen.hpp"

#include <tbb/parallel_for.h>

namespace wellsim::models {

const std::vector<sim::ParamSpec>& FriedkinJohnsen::params() {
  using sim::ParamType;
  static const std::vector<sim::ParamSpec> specs = {
      {"susceptibility", ParamType::Real,
       "lambda: weight a person gives to their ties' wellbeing each week (1 = DeGroot, no anchor)",
       "", 0.5, 0.0, 1.0},
      {"layer_weights", ParamType::RealList,
       "relative weight of each network layer, in the network's layer order (empty = all equal)",
       "", std::vector<double>{}, 0.0, 1e6},
  };
  return specs;
}

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
      inv_weight_[i] = total > 0 ? static_cast<float>(1.0 / total) : 0.f;
    }
  });
}

namespace {

template <bool Weighted>
void fj_step(const sim::Network& net, sim::AgentStore& a, const std::vector<float>& inv_weight,
             const std::vector<float>& entry_weight) {
  const std::uint64_t* off = net.offsets.data();
  const sim::AgentId* nb = net.neighbours.data();
  const float* w = entry_weight.data();
  const float* x = a.wellbeing.data();
  const float* u = a.initial_wellbeing.data();
  const float* lambda = a.susceptibility.data();
  const float* inv = inv_weight.data();
  float* next = a.wellbeing_next.data();
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, net.size(), 2048), [&](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      double sum = 0.0;
      for (auto k = off[i]; k < off[i + 1]; ++k) sum += Weighted ? w[k] * x[nb[k]] : x[nb[k]];
      // An isolate has no one to hear from: the social term is its own current value.
      float social = inv[i] > 0.f ? static_cast<float>(sum * inv[i]) : x[i];
      next[i] = lambda[i] * social + (1.f - lambda[i]) * u[i];
    }
  });
}

}  // namespace

void FriedkinJohnsen::run(sim::Phase, sim::StepContext& ctx) {
  if (uniform_rows_) fj_step<false>(ctx.network, ctx.agents, inv_weight_, entry_weight_);
  else fj_step<true>(ctx.network, ctx.agents, inv_weight_, entry_weight_);
}

}  // namespace wellsim::models
