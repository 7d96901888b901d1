#include "models/network/erdos_renyi.hpp"

#include "models/network/geometric_skipping.hpp"
#include "models/network/source_support.hpp"

namespace wellsim::models {

sim::EdgeList erdos_renyi(sim::AgentId n, double p, const sim::RandomStream& stream) {
  return sample_block_model(BlockModel{{n}, {p}, 0.0}, stream, false);
}

const sim::ParamTable<ErdosRenyiParams>& erdos_renyi_table() {
  using P = ErdosRenyiParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("n", &P::n, 0).range(1, kMaxAgents).required().unit("agents").help("Number of agents.");
    t.add("mean_degree", &P::mean_degree, 0.0)
        .at_least(0)
        .unit("ties")
        .help("Expected ties per agent; p = mean_degree / (n - 1). Give this or p.");
    t.add("p", &P::p, 0.0)
        .range(0, 1)
        .help("Probability that a pair is tied. Give this or mean_degree.");
  });
}

namespace {

/// The tie probability the parameters ask for, after checking they ask for exactly one.
double tie_probability(const ErdosRenyiParams& params, const SourceContext& ctx) {
  sim::AgentId n = agent_count(params.n, ctx, "n");
  double degree = params.mean_degree;
  double p = params.p;
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

void check(const sim::ParamSet& set, const SourceContext& ctx) {
  tie_probability(erdos_renyi_table().read(set), ctx);
}

sim::EdgeList build(const sim::ParamSet& set, const SourceContext& ctx) {
  const ErdosRenyiParams params = erdos_renyi_table().read(set);
  return erdos_renyi(agent_count(params.n, ctx, "n"), tie_probability(params, ctx),
                     sim::RandomStream(ctx.seed, ctx.replicate, "network.erdos_renyi"));
}

NetworkSize size(const sim::ParamSet& set) {
  const ErdosRenyiParams params = erdos_renyi_table().read(set);
  const double n = static_cast<double>(params.n);
  const double degree = params.mean_degree > 0.0 ? params.mean_degree : params.p * (n - 1.0);
  return {n, n * degree / 2.0};
}

}  // namespace

NetworkSource erdos_renyi_source() {
  NetworkSource source{
      "erdos_renyi",
      "Erdős–Rényi random graph G(n, p): every pair tied independently (no clustering).",
      erdos_renyi_table().specs(),
      &build,
      &check,
  };
  source.size = &size;
  return source;
}

}  // namespace wellsim::models
