#include <catch2/catch.hpp>

#include "sim/engine.hpp"

using namespace wellsim::sim;

namespace {

/// Records which phases it was called in, and writes x+1 in the update phase.
struct Recorder : Mechanism {
  std::vector<std::pair<std::uint32_t, Phase>>* log;
  PhaseMask mask;
  Recorder(std::vector<std::pair<std::uint32_t, Phase>>* l, PhaseMask m) : log(l), mask(m) {}
  std::string name() const override { return "recorder"; }
  PhaseMask phases() const override { return mask; }
  void run(Phase p, StepContext& ctx) override {
    log->emplace_back(ctx.step, p);
    if (p == Phase::Statistics)
      for (std::size_t i = 0; i < ctx.agents.size(); ++i)
        ctx.agents.wellbeing_next[i] = ctx.agents.wellbeing[i] + 1;
  }
};

struct CountingObserver : StepObserver {
  std::vector<std::uint32_t> seen;
  std::uint32_t finished = 0;
  void on_start(const Network&, const AgentStore&, const Ledger&) override { seen.push_back(0); }
  void on_step(std::uint32_t s, const AgentStore&, const Ledger&) override { seen.push_back(s); }
  void on_finish(std::uint32_t s) override { finished = s; }
};

Network pair_network() {
  EdgeList e;
  e.n = 2;
  e.u = {0};
  e.v = {1};
  return freeze(e, Ordering::None);
}

}  // namespace

TEST_CASE("the engine calls only subscribers, in phase order, and swaps buffers", "[sim]") {
  AgentStore agents;
  agents.resize(2);
  Engine engine(pair_network(), agents, 1, 0);
  std::vector<std::pair<std::uint32_t, Phase>> log;
  engine.add(
      std::make_unique<Recorder>(&log, bit(Phase::Statistics) | bit(Phase::MacroEnvironment)));
  CountingObserver obs;
  engine.run(3, &obs);
  REQUIRE(log.size() == 6);
  for (std::uint32_t s = 1; s <= 3; ++s) {
    CHECK(log[2 * (s - 1)] == std::pair{s, Phase::MacroEnvironment});
    CHECK(log[2 * (s - 1) + 1] == std::pair{s, Phase::Statistics});
  }
  CHECK(engine.agents().wellbeing[0] == 3.f);
  CHECK(obs.seen == std::vector<std::uint32_t>{0, 1, 2, 3});
  CHECK(obs.finished == 3);
}
