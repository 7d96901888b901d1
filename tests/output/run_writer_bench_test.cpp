// Cost of the run writer per step at a million agents. Hidden (not part of "[output]"): run it
// with `wellsim_tests "[output-bench]"`; the figures are quoted in docs/output-format.md.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "output/run_writer.hpp"
#include "sim/step_stats.hpp"
#include "tests/output/run_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

/// A well-mixed hash of (agent, step) in [0, 1).
float hashed(std::size_t i, std::uint32_t step) {
  std::uint64_t h = (i + 1) * 0x9E3779B97F4A7C15ull ^ (std::uint64_t{step} << 32);
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return float(h & 0xFFFFFF) / float(0x1000000);
}

/// Full-precision values that drift each step, so deflate sees what a real model writes.
void perturb(sim::AgentStore& a, std::uint32_t step) {
  for (std::size_t i = 0; i < a.size(); ++i)
    a.wellbeing[i] = std::clamp(a.wellbeing[i] + 0.2f * (hashed(i, step) - 0.5f), 0.0f, 10.0f);
}

}  // namespace

TEST_CASE("run writer cost per step at one million agents", "[.][output-bench]") {
  constexpr std::size_t kAgents = 1'000'000;
  constexpr std::uint32_t kSteps = 48;
  test::TempDir dir("output-bench");
  sim::Network net;
  net.offsets.assign(kAgents + 1, 0);  // no ties: the network's one-off cost is not measured
  net.layer_names = {"tie"};
  sim::AgentStore agents;
  agents.resize(kAgents);
  for (std::size_t i = 0; i < kAgents; ++i) agents.wellbeing[i] = 10.0f * hashed(i, 0);

  for (int level : {0, 1, 9}) {
    const std::string path = dir.file("bench-" + std::to_string(level) + ".h5");
    output::RunWriter writer(path, test::small_info(kSteps),
                             output::WriterOptions{4, level, true, {}});
    sim::AgentStore a = agents;
    auto t0 = Clock::now();
    writer.on_start(net, a, {});
    const double start_ms = ms_since(t0);
    std::vector<double> plain, recorded, stats;
    for (std::uint32_t s = 1; s <= kSteps; ++s) {
      perturb(a, s);
      t0 = Clock::now();
      volatile double mean = sim::summarise(a.wellbeing).mean;  // the share of on_step that is
      (void)mean;                                               // the statistics, not I/O
      stats.push_back(ms_since(t0));
      t0 = Clock::now();
      writer.on_step(s, a, {});
      (writer.records(s) ? recorded : plain).push_back(ms_since(t0));
    }
    writer.on_finish(kSteps);
    std::printf(
        "compression %d: on_start %.0f ms; on_step %.2f ms without a per-agent row, "
        "%.2f ms with one, of which summarise %.2f ms (medians); file %.1f MB\n",
        level, start_ms, median(plain), median(recorded), median(stats),
        double(std::filesystem::file_size(path)) / 1e6);
  }
}
