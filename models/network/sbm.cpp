#include "models/network/sbm.hpp"

#include <cmath>
#include <set>

#include "models/network/source_support.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

const sim::ParamTable<SbmParams>& sbm_table() {
  using P = SbmParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("sizes", &P::sizes, std::vector<double>{})
        .range(1, kMaxAgents)
        .required()
        .unit("agents")
        .help("Agents in each block (neighbourhood), e.g. [400, 250, 350].");
    t.add("names", &P::names, std::vector<std::string>{})
        .help("Block names, one per block; default n1, n2, ...");
    t.add("degree_within", &P::degree_within, 0.0)
        .at_least(0)
        .required()
        .unit("ties")
        .help("Expected ties of each agent inside its own block; the same in every block.");
    t.add("degree_between", &P::degree_between, 0.0)
        .at_least(0)
        .unit("ties")
        .help("Expected ties of an agent to other blocks, averaged over all agents.");
  });
}

BlockModel sbm_model(const SbmParams& params, const SourceContext& ctx) {
  BlockModel model;
  double n = 0.0, sum_squares = 0.0;
  for (double size : params.sizes) {
    if (size < 1.0 || size != std::floor(size) || size > kMaxAgents)
      throw param_error(ctx, "sizes",
                        "expected whole numbers of agents (at least 1), found " +
                            sim::format_number(size) + " for block " +
                            std::to_string(model.sizes.size() + 1));
    model.sizes.push_back(static_cast<sim::AgentId>(size));
    n += size;
    sum_squares += size * size;
  }
  if (model.sizes.empty()) throw param_error(ctx, "sizes", "expected at least one block");
  if (n > kMaxAgents)
    throw param_error(ctx, "sizes",
                      "the blocks hold " + sim::format_number(n) + " agents, over 2^32 - 2");

  double within = params.degree_within;
  for (std::size_t b = 0; b < model.sizes.size(); ++b) {
    double others = model.sizes[b] - 1.0;
    if (within > others)
      throw param_error(ctx, "degree_within",
                        sim::format_number(within) + " ties is more than block " +
                            std::to_string(b + 1) + " can hold (it has " +
                            std::to_string(model.sizes[b]) + " agents)");
    model.p_within.push_back(others > 0.0 ? within / others : 0.0);
  }

  double between = params.degree_between;
  double pairs2 = n * n - sum_squares;  // twice the number of between-block pairs
  if (between > 0.0 && pairs2 == 0.0)
    throw param_error(ctx, "degree_between", "needs at least two blocks, found one");
  model.p_between = between > 0.0 ? between * n / pairs2 : 0.0;
  if (model.p_between > 1.0)
    throw param_error(ctx, "degree_between",
                      sim::format_number(between) + " ties per agent needs p_between = " +
                          sim::format_number(model.p_between) + " > 1; the blocks are too small");
  return model;
}

std::vector<std::string> sbm_group_names(const SbmParams& params, const SourceContext& ctx) {
  std::size_t blocks = params.sizes.size();
  std::vector<std::string> names = params.names;
  if (names.empty())
    for (std::size_t b = 1; b <= blocks; ++b)
      names.push_back(std::string("n").append(std::to_string(b)));
  if (names.size() != blocks)
    throw param_error(ctx, "names",
                      "expected one name per block (" + std::to_string(blocks) + "), found " +
                          std::to_string(names.size()));
  std::set<std::string> seen;
  for (const auto& name : names)
    if (name.empty() || !seen.insert(name).second)
      throw param_error(ctx, "names",
                        name.empty() ? "names must not be empty" : name + " is repeated");
  return names;
}

namespace {

void check(const sim::ParamSet& set, const SourceContext& ctx) {
  const SbmParams params = sbm_table().read(set);
  sbm_group_names(params, ctx);
  sbm_model(params, ctx);
}

sim::EdgeList build(const sim::ParamSet& set, const SourceContext& ctx) {
  const SbmParams params = sbm_table().read(set);
  // Names are checked before any sampling so a typo fails fast.
  std::vector<std::string> names = sbm_group_names(params, ctx);
  BlockModel model = sbm_model(params, ctx);
  sim::EdgeList out =
      sample_block_model(model, sim::RandomStream(ctx.seed, ctx.replicate, "network.sbm"), true);
  out.layer_names = {"within", "between"};
  out.group_names = std::move(names);
  out.group.reserve(out.n);
  for (std::size_t b = 0; b < model.sizes.size(); ++b)
    out.group.insert(out.group.end(), model.sizes[b], static_cast<std::int32_t>(b));
  return out;
}

NetworkSize size(const sim::ParamSet& set) {
  const SbmParams params = sbm_table().read(set);
  double n = 0.0;
  for (double s : params.sizes) n += s;
  return {n, n * (params.degree_within + params.degree_between) / 2.0};
}

}  // namespace

NetworkSource sbm_source() {
  NetworkSource source{
      "sbm",
      "Stochastic block model: neighbourhoods with dense ties inside and sparse ties between.",
      sbm_table().specs(),
      &build,
      &check,
  };
  source.layers = 2;  // within, between
  source.groups = true;
  source.size = &size;
  return source;
}

}  // namespace wellsim::models
