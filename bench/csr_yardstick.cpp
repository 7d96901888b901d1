// wellsim_bench_yardstick: the engine's Friedkin-Johnsen step against a minimal hand-written TBB
// CSR pull loop over the identical network (docs/performance.md, "step time"), plus a sketch of
// a leaner FJ kernel that shows what the engine could reach.
//
// The scenario (default bench/ws_1m.toml, with --set overrides as `wellsim run` takes them) is
// assembled by models::assemble, i.e. by the project's own network source and sim::freeze, so
// the engine and the yardstick step over the very CSR that `wellsim run` would. The yardstick is
// the DeGroot product y_i = sum_k x[nb[k]] / deg(i) written plainly over the raw arrays: what a
// competent programmer would write in ten minutes, the floor a framework should stay close to.
// The engine is timed through sim::Engine::run with no observer (no output), which is also the
// no-output baseline of the whole-run measurement. Repetitions alternate the kernels so that a
// disturbance on the shared machine hits all of them; medians are reported.
//
// --writer PATH then runs the engine with output::RunWriter as observer and times each of its
// callbacks: the in-process measurement of the output overhead.
//
// --write-edges PATH writes the frozen network's ties, each once as "i j" (i < j, agent indices),
// for bench/scipy_spmv.py and wellsim_bench_load.
#include <tbb/parallel_for.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "bench/bench_common.hpp"
#include "models/assemble.hpp"
#include "output/run_writer.hpp"
#include "sim/errors.hpp"
#include "sim/scenario.hpp"

namespace {

using namespace wellsim;

/// Runs body(i) for every agent, in parallel, as plainly as TBB allows.
template <class Body>
void for_rows(std::size_t n, const Body& body) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) body(i);
  });
}

/// The yardstick: one synchronous DeGroot step y = D^-1 A x over raw CSR arrays.
void pull_step(const sim::Network& net, const float* x, float* y) {
  const std::uint64_t* off = net.offsets.data();
  const sim::AgentId* nb = net.neighbours.data();
  for_rows(net.size(), [=](std::size_t i) {
    float sum = 0.f;
    for (std::uint64_t k = off[i]; k < off[i + 1]; ++k) sum += x[nb[k]];
    const std::uint64_t deg = off[i + 1] - off[i];
    y[i] = deg ? sum / static_cast<float>(deg) : x[i];
  });
}

/// Share of directed entries whose two agents lie within `window` indices of each other: how
/// many of a step's gathers x[nb[k]] land near x[i] (4096 floats = 16 KiB, an L1's worth).
double near_share(const sim::Network& net, std::uint64_t window = 4096) {
  std::uint64_t near = 0;
  for (sim::AgentId i = 0; i < net.size(); ++i)
    for (sim::AgentId j : net.neighbours_of(i)) near += (i > j ? i - j : j - i) < window;
  return net.entries() ? static_cast<double>(near) / net.entries() : 0.0;
}

/// Writes each tie of `net` once as "i j\n" (i < j); returns the number of lines.
std::size_t write_edges(const sim::Network& net, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw sim::RuntimeError(sim::where(path) + "cannot create the file");
  std::string buf;
  std::size_t lines = 0;
  char num[24];
  auto put = [&](std::uint64_t v, char end) {
    char* stop = std::to_chars(num, num + sizeof num, v).ptr;
    buf.append(num, stop).push_back(end);
  };
  for (sim::AgentId i = 0; i < net.size(); ++i) {
    for (sim::AgentId j : net.neighbours_of(i)) {
      if (j <= i) continue;
      put(i, ' ');
      put(j, '\n');
      ++lines;
    }
    if (buf.size() > (1u << 20) || i + 1 == net.size()) {
      if (std::fwrite(buf.data(), 1, buf.size(), f) != buf.size()) {
        std::fclose(f);
        throw sim::RuntimeError(sim::where(path) + "write failed");
      }
      buf.clear();
    }
  }
  if (std::fclose(f) != 0) throw sim::RuntimeError(sim::where(path) + "write failed");
  return lines;
}

/// Adds up the time the run writer takes in each callback, split by whether a step records
/// every agent's wellbeing.
class TimedWriter : public sim::StepObserver {
 public:
  explicit TimedWriter(output::RunWriter& writer) : writer_(writer) {}
  void on_start(const sim::Network& net, const sim::AgentStore& agents,
                const sim::Ledger& ledger) override {
    start += bench::seconds([&] { writer_.on_start(net, agents, ledger); });
  }
  void on_step(std::uint32_t step, const sim::AgentStore& agents,
               const sim::Ledger& ledger) override {
    const double t = bench::seconds([&] { writer_.on_step(step, agents, ledger); });
    (writer_.records(step) ? recorded : plain).push_back(t);
  }
  void on_finish(std::uint32_t steps) override {
    finish += bench::seconds([&] { writer_.on_finish(steps); });
  }
  double start = 0, finish = 0;         ///< seconds in on_start, on_finish
  std::vector<double> recorded, plain;  ///< seconds of each on_step, by kind

 private:
  output::RunWriter& writer_;
};

/// What the run file's manifest needs (the writer's cost does not depend on the rest).
output::RunInfo run_info(const sim::Scenario& sc, std::uint32_t steps) {
  const models::RunSettings run = models::run_settings(sc);
  output::RunInfo info;
  info.scenario_path = sc.path;
  info.scenario_text = sc.text;
  info.seed = run.seed;
  info.replicate = run.replicate;
  info.steps_planned = steps;
  info.model = sc.variant("wellbeing");
  info.network_source = sc.variant("network");
  return info;
}

/// Runs the engine with the run writer as observer `reps` times (all cores, as `wellsim run`)
/// and reports where the writer's time goes against the engine-only median `engine_s`.
void time_writer(const sim::Scenario& sc, sim::Engine& engine, std::uint32_t steps, int reps,
                 const std::string& path, double engine_s) {
  const models::OutputSettings out = models::output_settings(sc);
  output::WriterOptions opts;
  opts.record_every = out.record_every;
  opts.compression = out.compression;
  opts.overwrite = true;
  std::vector<double> total, create, start, rec, plain, finish, writer;
  for (int r = 0; r < reps; ++r) {
    std::unique_ptr<output::RunWriter> w;
    create.push_back(bench::seconds(
        [&] { w = std::make_unique<output::RunWriter>(path, run_info(sc, steps), opts); }));
    TimedWriter timed(*w);
    total.push_back(bench::seconds([&] { engine.run(steps, &timed); }) + create.back());
    start.push_back(timed.start);
    finish.push_back(timed.finish);
    rec.push_back(bench::spread(timed.recorded).median);
    plain.push_back(bench::spread(timed.plain).median);
    double sum = create.back() + timed.start + timed.finish;
    for (double t : timed.recorded) sum += t;
    for (double t : timed.plain) sum += t;
    writer.push_back(sum);
  }
  auto med = [](const std::vector<double>& v) { return bench::spread(v).median; };
  std::printf("run writer (%s, record_every %u, deflate %d), %d repetitions, medians:\n",
              path.c_str(), opts.record_every, opts.compression, reps);
  std::printf(
      "  engine + writer %.3f s, engine alone %.3f s, writer callbacks %.3f s = %.1f%%"
      " of the run (%.1f%% by difference)\n",
      med(total), engine_s, med(writer), 100 * med(writer) / med(total),
      100 * (med(total) - engine_s) / med(total));
  std::printf(
      "  create %.3f s, on_start %.3f s, on_step %.2f ms recorded / %.2f ms not, "
      "on_finish %.3f s\n",
      med(create), med(start), 1e3 * med(rec), 1e3 * med(plain), med(finish));
}

struct Options {
  std::string scenario = "bench/ws_1m.toml", edges, writer;
  std::vector<std::string> sets;
  std::vector<int> threads{1, 2};
  int reps = 5, steps = -1;
};

void run(const Options& o) {
  const sim::Scenario sc = sim::load_scenario(o.scenario, models::scenario_schema(), o.sets);
  const models::RunSettings run = models::run_settings(sc);
  const auto seed = run.seed;
  const auto replicate = run.replicate;
  const auto steps = o.steps >= 0 ? static_cast<std::uint32_t>(o.steps) : run.steps;
  models::Assembled built;
  const double setup = bench::seconds([&] { built = models::assemble(sc, seed, replicate); });
  sim::Engine& engine = *built.engine;
  const sim::Network& net = engine.network();
  const double m = static_cast<double>(net.entries());
  std::printf(
      "%s: %zu agents, %zu directed entries, ordering %s, bandwidth %llu, %.1f%% of "
      "entries within 4096 agents\n",
      sc.path.c_str(), net.size(), net.entries(), sc.table("network").string("ordering").c_str(),
      static_cast<unsigned long long>(sim::bandwidth(net)), 100 * near_share(net));
  std::printf("setup %.3f s (network %.3f s, freeze %.3f s)\n", setup, built.build_seconds,
              built.freeze_seconds);
  if (!o.edges.empty()) {
    std::size_t lines = 0;
    double t = bench::seconds([&] { lines = write_edges(net, o.edges); });
    std::printf("wrote %zu ties to %s in %.2f s\n", lines, o.edges.c_str(), t);
  }
  if (o.reps <= 0 || steps == 0) return;

  std::vector<float> x = engine.agents().wellbeing, y(x.size());
  auto stepping = [&](auto step) {  // runs `steps` steps of a raw kernel over x, y
    return [&, step] {
      for (std::uint32_t s = 0; s < steps; ++s) {
        step(x.data(), y.data());
        x.swap(y);
      }
    };
  };
  const std::vector<std::pair<const char*, std::function<void()>>> kernels = {
      {"yardstick loop", stepping([&](const float* a, float* b) { pull_step(net, a, b); })},
      {"engine (FJ)", [&] { engine.run(steps, nullptr); }},
  };
  std::printf("%u steps, %d repetitions, ms/step (wall median, min-max; process CPU median)\n",
              steps, o.reps);
  std::printf("%7s  %-16s %22s %8s %11s %16s\n", "threads", "kernel", "wall ms/step", "cpu",
              "vs loop", "entries/s");
  const double per_step = 1e3 / steps;
  double engine_s = 0;  // engine-only seconds for all steps, at the last thread count
  for (int t : o.threads) {
    auto limit = bench::limit_threads(t);
    for (const auto& k : kernels) k.second();  // warm-up: TBB's arena starts at the new limit
    std::vector<std::vector<double>> wall(kernels.size()), cpu(kernels.size());
    for (int r = 0; r < o.reps; ++r)
      for (std::size_t k = 0; k < kernels.size(); ++k) {
        const bench::Timing tm = bench::measure(kernels[k].second);
        wall[k].push_back(per_step * tm.wall);
        cpu[k].push_back(per_step * tm.cpu);
      }
    const double loop = bench::spread(wall[0]).median;
    for (std::size_t k = 0; k < kernels.size(); ++k) {
      const bench::Spread w = bench::spread(wall[k]);
      std::printf("%7d  %-16s %7.2f (%6.2f-%6.2f) %8.2f %10.2fx %16.3e\n", t, kernels[k].first,
                  w.median, w.min, w.max, bench::spread(cpu[k]).median, w.median / loop,
                  m / (w.median * 1e-3));
    }
    engine_s = bench::spread(wall[1]).median * steps * 1e-3;
  }
  if (!o.writer.empty()) time_writer(sc, engine, steps, o.reps, o.writer, engine_s);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Engine Friedkin-Johnsen step vs a minimal TBB CSR pull loop on the same network",
               "wellsim_bench_yardstick"};
  app.add_option("SCENARIO", o.scenario, "scenario file")->capture_default_str();
  app.add_option("--set", o.sets, "override a scenario key, as in wellsim run")
      ->type_name("TABLE.KEY=VALUE");
  app.add_option("--steps", o.steps, "steps per repetition (default: run.steps)");
  app.add_option("--reps", o.reps, "repetitions per thread count (0: only build/write)")
      ->capture_default_str();
  app.add_option("--threads", o.threads, "thread counts to time")->capture_default_str();
  app.add_option("--writer", o.writer,
                 "also time the run writer (options from [output]) writing this file; the "
                 "engine-only baseline is the last --threads entry");
  app.add_option("--write-edges", o.edges, "write the frozen network's ties to this edge list");
  return bench::main_with(app, argc, argv, [&] { run(o); });
}
