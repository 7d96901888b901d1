// The engine's state listing, in memory (no file): what it lists is enough to carry a run on. A
// second engine built from the same scenario, given the first one's listed state after step K,
// steps on to exactly the same people, series and events; a mechanism whose state were missing
// from the listing would show here as a difference.
#include <catch2/catch.hpp>
#include <cstring>
#include <set>

#include "models/assemble.hpp"
#include "sim/scenario.hpp"
#include "tests/models/system/paired_runs.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// Copies of every listed column, in listing order.
struct Snapshot : sim::StateVisitor {
  std::vector<std::string> names;
  std::vector<std::vector<unsigned char>> bytes;
  void column(const sim::StateColumn& c) override {
    names.push_back(c.name);
    const auto* p = static_cast<const unsigned char*>(c.data);
    bytes.emplace_back(p, p + c.count * c.element_size);
  }
};

/// Loads a Snapshot's columns back, in the same order.
struct Restore : sim::StateVisitor {
  const Snapshot& from;
  std::size_t next = 0;
  explicit Restore(const Snapshot& s) : from(s) {}
  void column(const sim::StateColumn& c) override {
    REQUIRE(from.names.at(next) == c.name);
    const auto& b = from.bytes[next++];
    void* into = c.resize(b.size() / c.element_size);
    if (!b.empty()) std::memcpy(into, b.data(), b.size());
  }
};

sim::Scenario every_intervention(std::uint32_t steps) {
  return sim::load_scenario(test::source_path("tests/cli/data/every_intervention.toml"),
                            models::scenario_schema(), {"run.steps=" + std::to_string(steps)});
}

}  // namespace

TEST_CASE("the engine's state listing names each column once", "[sim][state]") {
  const auto sc = every_intervention(1);
  auto built = models::assemble(sc, 1, 0);
  built.engine->start(nullptr);
  Snapshot s;
  built.engine->state(s);
  const std::set<std::string> unique(s.names.begin(), s.names.end());
  CHECK(unique.size() == s.names.size());
  // The agents, the ledger, the world (through the macro baseline), life events and services.
  for (const char* expected : {"agents.wellbeing", "ledger.values", "0.macro.baseline.referral",
                               "0.macro.baseline.overlay.ties"})
    CHECK(unique.count(expected) == 1);
  CHECK(std::any_of(s.names.begin(), s.names.end(),
                    [](const std::string& n) { return n.ends_with(".life.sanction_left"); }));
  CHECK(std::any_of(s.names.begin(), s.names.end(),
                    [](const std::string& n) { return n.ends_with(".holders"); }));
}

TEST_CASE("a run carried on from its listed state matches the uninterrupted run", "[sim][state]") {
  constexpr std::uint32_t kSplit = 23, kSteps = 45;
  const auto sc = every_intervention(kSteps);
  // Uninterrupted.
  test::RunRecord whole;
  auto a = models::assemble(sc, 1, 0);
  a.engine->run(kSteps, &whole);
  // Stopped after kSplit, its state carried into a fresh engine, which goes on.
  test::RunRecord first, second;
  auto b = models::assemble(sc, 1, 0);
  b.engine->run(kSplit, &first);
  Snapshot state;
  b.engine->state(state);
  auto c = models::assemble(sc, 1, 0);
  c.engine->start(nullptr);
  Restore restore(state);
  c.engine->state(restore);
  CHECK(restore.next == state.names.size());
  second.series.push_back({});  // steps are recorded from kSplit + 1
  c.engine->run_from(kSplit, kSteps, &second);
  REQUIRE(whole.wellbeing.size() == kSteps + 1);
  REQUIRE(second.wellbeing.size() == kSteps - kSplit);
  for (std::uint32_t k = 1; k <= kSteps - kSplit; ++k) {
    INFO("step " << kSplit + k);
    CHECK(second.wellbeing[k - 1] == whole.wellbeing[kSplit + k]);
    CHECK(second.domains[k - 1] == whole.domains[kSplit + k]);
    CHECK(second.series[k] == whole.series[kSplit + k]);
  }
  std::vector<sim::Event> later;
  for (const auto& e : whole.events)
    if (e.step > kSplit) later.push_back(e);
  REQUIRE(later.size() == second.events.size());
  for (std::size_t k = 0; k < later.size(); ++k) {
    CHECK(later[k].agent == second.events[k].agent);
    CHECK(later[k].kind == second.events[k].kind);
  }
}
