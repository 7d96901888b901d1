// wellsim_bench_load: loading an edge-list file through the `edge_list` network source
// (docs/performance.md, "loading a 5-million-line edge list").
//
// The source is looked up by name in models::network_sources() and given a sim::ParamSet built
// from its own ParamSpecs (defaults, then path/header/group_divisor), exactly as a scenario's
// [network] table would reach it. Three figures per repetition: the parse alone (text to
// sim::EdgeList), and sim::freeze of that list with ordering "none" and with "auto" (no groups,
// so reverse Cuthill-McKee: the default). Freezing works on a copy made outside the clock, so
// each repetition parses once. The file is read from the page cache after the first repetition;
// the figures are warm-cache figures.
#include <cstdio>
#include <map>
#include <string>

#include "bench/bench_common.hpp"
#include "models/network/sources.hpp"
#include "sim/errors.hpp"

namespace {

using namespace wellsim;

/// The `edge_list` source's parameters: its declared defaults, overridden by `given`.
sim::ParamSet edge_list_params(const models::NetworkSource& source,
                               const std::map<std::string, sim::ParamValue>& given) {
  sim::ParamSet params;
  for (const auto& spec : source.params)
    if (spec.fallback) params.set(spec.name, *spec.fallback);
  for (const auto& [name, value] : given) {
    if (!sim::find_spec(source.params, name))
      throw sim::InputError("the edge_list source declares no parameter " + name);
    params.set(name, value);
  }
  return params;
}

struct Options {
  std::string path, header = "auto";
  std::int64_t group_divisor = 0;
  int reps = 5, threads = 0;
};

void run(const Options& o) {
  auto limit = bench::limit_threads(o.threads);
  const models::NetworkSource* source = models::find_network_source("edge_list");
  if (!source) throw std::logic_error("no network source named edge_list");
  const sim::ParamSet params = edge_list_params(
      *source, {{"path", o.path}, {"header", o.header}, {"group_divisor", o.group_divisor}});
  const models::SourceContext ctx{"bench", 0, 0};

  std::vector<double> parse, with_none, with_auto;
  sim::EdgeList edges;
  for (int r = 0; r < o.reps; ++r) {
    parse.push_back(bench::seconds([&] { edges = source->build(params, ctx); }));
    for (auto [ordering, total] :
         {std::pair{sim::Ordering::None, &with_none}, std::pair{sim::Ordering::Auto, &with_auto}}) {
      sim::EdgeList copy = edges;
      sim::Network net;
      double t = bench::seconds([&] { net = sim::freeze(std::move(copy), ordering); });
      total->push_back(parse.back() + t);
    }
  }
  std::printf("%s: %zu agents, %zu ties (lines), %d repetitions, median (min-max) s\n",
              o.path.c_str(), edges.n, edges.u.size(), o.reps);
  for (auto [label, times] :
       {std::pair{"parse", &parse}, std::pair{"parse + freeze(none)", &with_none},
        std::pair{"parse + freeze(auto = cuthill_mckee)", &with_auto}}) {
    const bench::Spread s = bench::spread(*times);
    std::printf("  %-38s %.3f (%.3f-%.3f)  %.1f M lines/s\n", label, s.median, s.min, s.max,
                edges.u.size() / s.median * 1e-6);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Load an edge list through the edge_list network source, then sim::freeze it",
               "wellsim_bench_load"};
  app.add_option("EDGES", o.path, "edge-list file (wellsim_bench_yardstick --write-edges)")
      ->required();
  app.add_option("--header", o.header, "edge_list header mode")
      ->check(CLI::IsMember({"auto", "yes", "no"}))
      ->capture_default_str();
  app.add_option("--group-divisor", o.group_divisor, "edge_list group_divisor")
      ->capture_default_str();
  app.add_option("--reps", o.reps, "repetitions")->capture_default_str();
  app.add_option("--threads", o.threads, "TBB threads (0: all cores)")->capture_default_str();
  return bench::main_with(app, argc, argv, [&] { run(o); });
}
