#include "models/network/erdos_renyi.hpp"

#include "models/network/geometric_skipping.hpp"
#include "models/network/source_support.hpp"

namespace wellsim::models {

sim::EdgeList erdos_renyi(sim::AgentId n, double p, const sim::RandomStream& stream) {
  return sample_block_model(BlockModel{{n}, {p}, 0.0}, stream, false);
}

namespace {

/// The tie probability the parameters ask for, after checking they ask for exactly one.
double tie_probability(const sim::ParamSet& params, const SourceContext& ctx) {
  sim::AgentId n = agent_count(params, ctx, "n");
  double degree = params.real("mean_degree");
  double p = params.real("p");
  // Both default to 0 so that either can be given alone; giving both would be ambiguous.
  if (degree > 0.0 && p > 0.0) throw param_error(ctx, "p", "give mean_degree or p, not both");
  if (degree > 0.0) {
    if (degree > n - 1.0)
      throw param_error(ctx, "mean_degree",
                        "expected at most n - 1 = " + std::to_string(n - 1) + ", found " +
                            sim::format_number(degree));
    p = degree / (n - 1.0);
  } else if (!(p > 0.0)) {
    throw param_error(ctx, "mean_degree", "give mean_degree (ties per agent) or p (both are 0)");
  }
  return p;
}

void check(const sim::ParamSet& params, const SourceContext& ctx) { tie_probability(params, ctx); }

sim::EdgeList build(const sim::ParamSet& params, const SourceContext& ctx) {
  return erdos_renyi(agent_count(params, ctx, "n"), tie_probability(params, ctx),
                     sim::RandomStream(ctx.seed, ctx.replicate, "network.erdos_renyi"));
}

}  // namespace

NetworkSource erdos_renyi_source() {
  using sim::ParamType;
  return {
      "erdos_renyi",
      "Erdős–Rényi random graph G(n, p): every pair tied independently (no clustering).",
      {
          spec("n", ParamType::Integer, "Number of agents.", "agents", std::nullopt, 1, kMaxAgents),
          spec("mean_degree", ParamType::Real,
               "Expected ties per agent; p = mean_degree / (n - 1). Give this or p.", "ties", 0.0,
               0),
          spec("p", ParamType::Real, "Probability that a pair is tied. Give this or mean_degree.",
               "", 0.0, 0, 1),
      },
      &build,
      &check,
  };
}

}  // namespace wellsim::models
