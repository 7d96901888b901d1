#include "models/network/watts_strogatz.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "models/network/source_support.hpp"

namespace wellsim::models {

sim::EdgeList watts_strogatz(sim::AgentId n, std::uint32_t k, double p,
                             const sim::RandomStream& stream) {
  const std::uint64_t half = k / 2;
  const std::uint64_t outside = n - 1 - 2 * half;  // agents farther than k/2 from i on the ring
  sim::EdgeList out;
  out.n = n;
  out.u.resize(n * half);
  out.v.resize(n * half);
  tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, n, 4096), [&](const auto& range) {
    for (std::uint64_t i = range.begin(); i != range.end(); ++i) {
      for (std::uint64_t j = 1; j <= half; ++j) {
        // One Philox block per tie: words 0-1 decide whether it is rewired, words 2-3 where to.
        auto w = stream.words(0, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - 1));
        double coin = u01fixedpt_open_open_64_double((std::uint64_t{w[0]} << 32) | w[1]);
        std::uint64_t other = i + j;
        if (coin < p) {
          std::uint64_t bits = (std::uint64_t{w[2]} << 32) | w[3];
          auto pick =
              static_cast<std::uint64_t>((static_cast<unsigned __int128>(bits) * outside) >> 64);
          other = i + half + 1 + pick;
        }
        std::uint64_t e = i * half + j - 1;
        out.u[e] = static_cast<sim::AgentId>(i);
        out.v[e] = static_cast<sim::AgentId>(other % n);
      }
    }
  });
  return out;
}

const sim::ParamTable<WattsStrogatzParams>& watts_strogatz_table() {
  using P = WattsStrogatzParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("n", &P::n, 0).range(4, kMaxAgents).required().unit("agents").help("Number of agents.");
    t.add("k", &P::k, 10)
        .at_least(2)
        .unit("ties")
        .help("Ties per agent in the lattice, even: k/2 neighbours on each side.");
    t.add("p", &P::p, 0.1)
        .range(0, 1)
        .help("Probability that a lattice tie is rewired to a random agent.");
  });
}

namespace {

/// Checks k against n and returns n.
sim::AgentId checked_size(const WattsStrogatzParams& params, const SourceContext& ctx) {
  sim::AgentId n = agent_count(params.n, ctx, "n");
  std::int64_t k = params.k;
  if (k % 2 != 0 || k < 2)
    throw param_error(
        ctx, "k", "expected an even number of ties (k/2 on each side), found " + std::to_string(k));
  if (k > std::int64_t{n} - 2)
    throw param_error(ctx, "k",
                      "expected at most n - 2 = " + std::to_string(std::int64_t{n} - 2) +
                          " so that ties can be rewired, found " + std::to_string(k));
  return n;
}

void check(const sim::ParamSet& set, const SourceContext& ctx) {
  checked_size(watts_strogatz_table().read(set), ctx);
}

sim::EdgeList build(const sim::ParamSet& set, const SourceContext& ctx) {
  const WattsStrogatzParams params = watts_strogatz_table().read(set);
  return watts_strogatz(checked_size(params, ctx), static_cast<std::uint32_t>(params.k), params.p,
                        sim::RandomStream(ctx.seed, ctx.replicate, "network.watts_strogatz"));
}

NetworkSize size(const sim::ParamSet& set) {
  const WattsStrogatzParams params = watts_strogatz_table().read(set);
  const double n = static_cast<double>(params.n);
  return {n, n * static_cast<double>(params.k) / 2.0};
}

}  // namespace

NetworkSource watts_strogatz_source() {
  NetworkSource source{
      "watts_strogatz",
      "Watts–Strogatz small world: a ring lattice with ties rewired at random (clustered, short "
      "paths).",
      watts_strogatz_table().specs(),
      &build,
      &check,
  };
  source.size = &size;
  return source;
}

}  // namespace wellsim::models
