// `wellsim partition SCENARIO --ranks 4,16,64,256`: how the scenario's population would split
// across MPI ranks by neighbourhood (METIS), what each rank would exchange every step, and the
// step time that predicts under a stated network model (docs/scaling.md).
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "cli/commands.hpp"
#include "models/assemble.hpp"
#include "models/assemble_community.hpp"
#include "sim/errors.hpp"
#include "sim/partition.hpp"
#include "sim/scenario.hpp"
#include "sim/timing.hpp"

namespace wellsim::cli {

namespace {

struct PartitionOptions {
  std::string scenario;
  std::vector<std::string> sets;
  std::vector<std::uint32_t> ranks{4, 16, 64, 256};
  double ns_per_person_week = 0;  // the measured cost of one person's week on one rank
  double latency_us = 2.0;        // per message (assumed: an InfiniBand-class network)
  double bandwidth_gbs = 12.5;    // per rank (assumed: 100 Gb/s)
  unsigned threads = 0;
};

/// Predicted seconds of one step on the slowest rank: its compute, then its ghost exchange
/// (one message to each peer, 4 bytes a ghost's wellbeing received and a boundary person's
/// sent), then the global reductions of the statistics and the services' rankings (an
/// allreduce: 2 log2(P) latencies).
double step_seconds(const sim::GroupPartition& p, std::uint32_t r, const PartitionOptions& o) {
  const double compute = static_cast<double>(p.people[r]) * o.ns_per_person_week * 1e-9;
  const double bytes = 4.0 * static_cast<double>(std::max(p.ghosts[r], p.sends[r]));
  const double exchange = p.peers[r] * o.latency_us * 1e-6 + bytes / (o.bandwidth_gbs * 1e9);
  const double reduce = 2 * std::log2(std::max(2u, p.ranks)) * o.latency_us * 1e-6;
  return compute + exchange + reduce;
}

template <typename T>
double mean_of(const std::vector<T>& v) {
  double s = 0;
  for (T x : v) s += static_cast<double>(x);
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

void print_row(const sim::GroupPartition& p, const PartitionOptions& o) {
  double slowest = 0, exchange = 0;
  std::uint32_t worst = 0;
  for (std::uint32_t r = 0; r < p.ranks; ++r) {
    const double t = step_seconds(p, r, o);
    if (t > slowest) slowest = t, worst = r;
  }
  {
    PartitionOptions no_compute = o;
    no_compute.ns_per_person_week = 0;
    for (std::uint32_t r = 0; r < p.ranks; ++r)
      exchange = std::max(exchange, step_seconds(p, r, no_compute));
  }
  const double share = p.total_ties ? static_cast<double>(p.total_cut) / p.total_ties : 0;
  std::printf(
      "| %u | %.0f | %.4f | %.1f%% | %.0f | %llu | %.0f | %llu | %.1f | %u | %.3f | %.3f |\n",
      p.ranks, mean_of(p.people), p.imbalance(), 100 * share, mean_of(p.cut_ties),
      static_cast<unsigned long long>(*std::max_element(p.cut_ties.begin(), p.cut_ties.end())),
      mean_of(p.ghosts),
      static_cast<unsigned long long>(*std::max_element(p.ghosts.begin(), p.ghosts.end())),
      mean_of(p.peers), *std::max_element(p.peers.begin(), p.peers.end()), exchange * 1e3,
      slowest * 1e3);
  (void)worst;
}

int partition(const PartitionOptions& o) {
  sim::Scenario sc = sim::load_scenario(o.scenario, models::scenario_schema(), o.sets);
  if (!models::is_community(sc))
    throw sim::InputError(sim::where(sc.path) +
                          "partition: needs a community scenario (people in neighbourhoods)");
  tbb::global_control limit(
      tbb::global_control::max_allowed_parallelism,
      o.threads ? o.threads : static_cast<unsigned>(tbb::info::default_concurrency()));
  const models::RunSettings run = models::run_settings(sc);
  const auto t0 = std::chrono::steady_clock::now();
  const sim::Network net = models::community_network(sc, run.seed, run.replicate);
  std::printf("%s: %zu people, %zu ties, %zu neighbourhoods (network built in %.1f s)\n",
              sc.path.c_str(), net.size(), net.entries() / 2, sim::group_count(net),
              sim::seconds_since(t0));
  std::printf("compute %.1f ns per person-week; network: %.1f us a message, %.1f GB/s\n\n",
              o.ns_per_person_week, o.latency_us, o.bandwidth_gbs);
  std::printf(
      "| ranks | people/rank | imbalance | ties cut | cut ties/rank | max | ghosts/rank | max | "
      "peers/rank | max | exchange ms | step ms |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (std::uint32_t r : o.ranks) print_row(sim::partition_groups(net, r), o);
  return 0;
}

}  // namespace

void add_partition_command(CLI::App& app, std::function<int()>& handler) {
  static PartitionOptions o;
  auto* cmd = app.add_subcommand(
      "partition",
      "split a community scenario's neighbourhoods across MPI ranks with METIS and report the "
      "cut, ghosts and predicted step time per rank count (docs/scaling.md)");
  cmd->add_option("SCENARIO", o.scenario, "scenario file (TOML)")->required();
  cmd->add_option("--set", o.sets, "override a scenario key, e.g. --set population.scale=0.1");
  cmd->add_option("--ranks", o.ranks, "rank counts, e.g. 4,16,64,256")
      ->delimiter(',')
      ->check(CLI::Range(1u, 1u << 20));
  cmd->add_option("--ns-per-person-week", o.ns_per_person_week,
                  "measured compute cost of one person's week on one rank (0: exchange only)")
      ->check(CLI::Range(0.0, 1e9));
  cmd->add_option("--latency-us", o.latency_us, "assumed time per message, microseconds")
      ->check(CLI::Range(0.0, 1e6));
  cmd->add_option("--bandwidth-gbs", o.bandwidth_gbs, "assumed bandwidth per rank, GB/s")
      ->check(CLI::Range(1e-6, 1e6));
  cmd->add_option("--threads", o.threads, "worker threads (default: all cores)");
  cmd->callback([&] { handler = [] { return partition(o); }; });
}

}  // namespace wellsim::cli
