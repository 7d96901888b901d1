// The live session behind `wellsim view --live`: a fork leaves the weeks before it untouched,
// is exactly the run of its exported scenario after it, steps the same on any thread count, and
// saves the file `wellsim run` writes for that scenario.
#include <tbb/global_control.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "batch/live_session.hpp"
#include "models/scenario_schema.hpp"
#include "output/run_reader.hpp"
#include "sim/errors.hpp"
#include "tests/batch/live_fixture.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/smoke_overrides.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using batch::Branch;
using batch::LiveSession;
using test::kCaseWork;
using test::person_in_need;

namespace {

// The live town with the default town's food bank.
const std::string kTown =
    test::kLiveTown +
    test::intervention("food_bank", "food_bank", {{"capacity", "40"}, {"duration_weeks", "6"}});
using test::kPriceShock;

sim::Scenario town(const test::TempDir& dir) {
  return sim::load_scenario(dir.write("town.toml", kTown), models::scenario_schema());
}

std::vector<float> wellbeing(const LiveSession& s, Branch b) { return s.agents(b).wellbeing; }

void step_to(LiveSession& s, std::uint32_t week) {
  while (s.week() < week) REQUIRE(s.step());
}

}  // namespace

TEST_CASE("a live fork keeps the weeks before it and is its exported scenario's run after it",
          "[batch][live]") {
  test::TempDir dir("live-fork");
  LiveSession s(town(dir));
  step_to(s, 4);
  const std::vector<float> at_fork = wellbeing(s, Branch::Baseline);
  CHECK_FALSE(s.forked());
  s.add(kPriceShock, "shock.toml");
  REQUIRE(s.forked());
  CHECK(s.fork_week() == 5);
  // Re-run from week 0, the policy branch went through the same weeks 0-4 as the baseline.
  CHECK(wellbeing(s, Branch::Policy) == at_fork);
  const auto& base_mean = s.mean(Branch::Baseline);
  const auto& policy_mean = s.mean(Branch::Policy);
  REQUIRE(policy_mean.size() == 5);
  CHECK(std::vector<double>(base_mean.begin(), base_mean.begin() + 5) == policy_mean);
  step_to(s, 10);
  CHECK(wellbeing(s, Branch::Policy) != wellbeing(s, Branch::Baseline));
  // Dearer energy and food lower wellbeing (docs/model.md: fuel poverty, food insecurity).
  CHECK(s.mean(Branch::Policy).back() < s.mean(Branch::Baseline).back());

  // The baseline is the untouched scenario's run, and the policy is its exported scenario's.
  LiveSession untouched(town(dir));
  step_to(untouched, 10);
  CHECK(wellbeing(untouched, Branch::Baseline) == wellbeing(s, Branch::Baseline));
  CHECK(untouched.mean(Branch::Baseline) == s.mean(Branch::Baseline));
  s.export_toml(Branch::Policy, dir.file("policy.toml"));
  const sim::Scenario exported =
      sim::load_scenario(dir.file("policy.toml"), models::scenario_schema());
  REQUIRE(exported.list("intervention").size() == 2);
  CHECK(exported.list("intervention")[1].values.integer("start_week") == 5);
  LiveSession replay(exported);
  step_to(replay, 10);
  CHECK(wellbeing(replay, Branch::Baseline) == wellbeing(s, Branch::Policy));
  CHECK(replay.mean(Branch::Baseline) == s.mean(Branch::Policy));
}

TEST_CASE("live stepping and forking are bit-identical on 1 and 2 threads", "[batch][live]") {
  test::TempDir dir("live-threads");
  auto run = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    LiveSession s(town(dir));
    step_to(s, 3);
    s.add(kPriceShock, "shock.toml");
    step_to(s, 12);
    CHECK_FALSE(s.step());  // the last week
    return std::vector<std::vector<float>>{wellbeing(s, Branch::Baseline),
                                           wellbeing(s, Branch::Policy)};
  };
  CHECK(run(1) == run(2));
}

TEST_CASE("a saved live branch is the file wellsim run writes for its exported scenario",
          "[batch][live]") {
  test::TempDir dir("live-save");
  LiveSession s(town(dir));
  step_to(s, 2);
  s.add(kPriceShock, "shock.toml");
  step_to(s, 8);
  s.save(Branch::Policy, dir.file("live.h5"), 1, false);
  s.export_toml(Branch::Policy, dir.file("policy.toml"));
  const auto r = test::run_wellsim(
      {"run", dir.file("policy.toml"), "-o", dir.file("run.h5"), "--threads", "1", "-q"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  const output::RunReader live(dir.file("live.h5")), ran(dir.file("run.h5"));
  const auto names = ran.dataset_names();
  REQUIRE(names.size() > 20);
  REQUIRE(live.dataset_names() == names);
  for (const auto& ds : names) {
    INFO(ds);
    CHECK(live.raw_bytes(ds) == ran.raw_bytes(ds));
  }
  // What the class saw at week 8 is the file's week 8 (record_every = 4).
  const auto rec = live.recorded_steps();
  const auto at = std::find(rec.begin(), rec.end(), 8) - rec.begin();
  REQUIRE(std::size_t(at) < rec.size());
  CHECK(live.wellbeing_at(std::size_t(at)) == wellbeing(s, Branch::Policy));
  CHECK(live.status() == "complete");
  CHECK_THROWS_WITH(s.save(Branch::Policy, dir.file("live.h5"), 1, false),
                    Catch::Contains("live.h5"));
}

TEST_CASE("an exported live scenario finds its network file from another folder", "[batch][live]") {
  test::TempDir dir("live-paths");
  std::filesystem::create_directories(dir.path() / "data");
  std::filesystem::create_directories(dir.path() / "elsewhere");
  std::string ties;
  for (int i = 0; i < 60; ++i)
    ties += std::to_string(i) + " " + std::to_string((i + 1) % 60) + "\n" + std::to_string(i) +
            " " + std::to_string((i + 7) % 60) + "\n";
  dir.write("data/ties.txt", ties);
  const std::string scenario =
      dir.write("ring.toml",
                "[run]\nsteps = 4\n[network]\nsource = \"edge_list\"\npath = \"data/ties.txt\"\n");
  // Named relative to the working folder, as on a command line: its resolved paths are too.
  const std::string relative = std::filesystem::relative(scenario).string();
  REQUIRE(std::filesystem::path(relative).is_relative());
  LiveSession s(sim::load_scenario(relative, models::scenario_schema()));
  step_to(s, 2);
  const std::string exported = dir.file("elsewhere/ring.toml");
  s.export_toml(Branch::Policy, exported);
  CHECK_THAT(test::read_text(exported),
             Catch::Contains("path = \"" + (dir.path() / "data/ties.txt").string() + "\""));
  LiveSession again(sim::load_scenario(exported, models::scenario_schema()));
  step_to(again, 2);
  CHECK(wellbeing(again, Branch::Baseline) == wellbeing(s, Branch::Baseline));
}

TEST_CASE("every scenario in scenarios/ starts live and steps a week",
          "[batch][live][slow][heavy]") {
  int started = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("scenarios"))) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".toml") continue;
    if (test::read_text(path).find("shared/data") != std::string::npos &&
        test::shared_data("").empty())
      continue;  // its network file is not on this machine
    INFO(path);
    LiveSession s(sim::load_scenario(path, models::scenario_schema(), test::smoke_overrides(path)));
    CHECK(s.step());
    CHECK(s.mean(Branch::Baseline).size() == 2);
    ++started;
  }
  CHECK(started >= 8);
}

TEST_CASE("live remove and change end an intervention after this week", "[batch][live]") {
  test::TempDir dir("live-edit");
  LiveSession s(town(dir));
  step_to(s, 6);
  s.remove("food_bank");
  auto rows = s.interventions(Branch::Policy);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].end_week == 6);
  CHECK(s.interventions(Branch::Baseline)[0].end_week > 12);
  s.change("food_bank",
           "[[intervention]]\ntype = \"food_bank\"\nname = \"food_bank\"\n"
           "capacity = 80\n",
           "the panel");
  rows = s.interventions(Branch::Policy);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].name == "food_bank_w7");
  CHECK(rows[1].start_week == 7);
  // An intervention that has not started yet is taken out whole.
  s.add(kPriceShock, "shock.toml");
  LiveSession fresh(town(dir));
  fresh.add(kPriceShock, "shock.toml");
  fresh.remove("winter_prices");
  CHECK(fresh.interventions(Branch::Policy).size() == 1);
}

TEST_CASE("a bad live edit is one line naming where, and changes nothing", "[batch][live]") {
  test::TempDir dir("live-bad");
  LiveSession s(town(dir));
  step_to(s, 2);
  auto refused = [&](const std::string& toml, const std::string& says) {
    try {
      s.add(toml, "edit.toml");
      FAIL("accepted: " << toml);
    } catch (const sim::InputError& e) {
      const std::string msg = e.what();
      CHECK_THAT(msg, Catch::Contains(says));
      CHECK(msg.find('\n') == std::string::npos);
    }
    CHECK_FALSE(s.forked());
  };
  refused("[[intervention]]\ntype = \"free_money\"\n", "edit.toml:2: intervention[1].type");
  refused("[run]\nseed = 3\n", "edit.toml:1: run: a live edit holds only [[intervention]]");
  refused("[[intervention]]\ntype = \"food_bank\"\n", "duplicate intervention name 'food_bank'");
  refused("[[intervention]]\ntype = \"youth_project\"\ntarget.neighbourhoods = [\"Nowhere\"]\n",
          "Nowhere");
  refused("[[intervention\n", "edit.toml:1");
  refused("", "edit.toml: no [[intervention]] table");
  CHECK_THROWS_WITH(s.remove("nothing"), Catch::Contains("no intervention named 'nothing'"));
  step_to(s, 12);
  refused(kPriceShock, "the run ended at week 12");
}

namespace {

/// The agents whose wellbeing or problems differ between the branches.
std::vector<sim::AgentId> differing(const LiveSession& s) {
  const auto &p = s.agents(Branch::Policy), &b = s.agents(Branch::Baseline);
  std::vector<sim::AgentId> out;
  for (sim::AgentId i = 0; i < p.size(); ++i)
    if (p.wellbeing[i] != b.wellbeing[i] || p.domains[i] != b.domains[i]) out.push_back(i);
  return out;
}

bool are_tied(const sim::Network& net, sim::AgentId a, sim::AgentId b) {
  const auto n = net.neighbours_of(a);
  return std::find(n.begin(), n.end(), b) != n.end();
}

}  // namespace

TEST_CASE("a fork aimed at one person changes only them in its first week, then their ties",
          "[batch][live]") {
  test::TempDir dir("live-person");
  LiveSession s(town(dir));
  step_to(s, 4);
  const sim::AgentId who = person_in_need(s);
  const std::int64_t id = s.network().original_id[who];
  s.add(kCaseWork, "case.toml", batch::LiveTarget{{id}, {}});
  CHECK(s.scenario(Branch::Policy).list("intervention").back().values.reals("target.people") ==
        std::vector<double>{double(id)});
  step_to(s, 5);  // the fork's first week
  CHECK(differing(s) == std::vector<sim::AgentId>{who});
  // Everyone else is bit-identical (common random numbers): the whole wellbeing column agrees
  // but for them.
  std::vector<float> policy = wellbeing(s, Branch::Policy);
  policy[who] = s.agents(Branch::Baseline).wellbeing[who];
  CHECK(policy == wellbeing(s, Branch::Baseline));
  step_to(s, 8);
  const auto later = differing(s);
  INFO(later.size() << " people differ at week 8");
  CHECK(std::any_of(later.begin(), later.end(),
                    [&](sim::AgentId b) { return are_tied(s.network(), who, b); }));
}

TEST_CASE("a fork aimed at a household changes only its members in its first week",
          "[batch][live]") {
  test::TempDir dir("live-household");
  LiveSession s(town(dir));
  step_to(s, 4);
  const sim::AgentId who = person_in_need(s);
  const auto& households = s.agents(Branch::Baseline).household;
  const std::uint32_t home = households[who];
  s.add(kCaseWork, "case.toml", batch::LiveTarget{{}, {home}});
  step_to(s, 5);
  const auto changed = differing(s);
  REQUIRE_FALSE(changed.empty());
  for (sim::AgentId a : changed) CHECK(households[a] == home);
}

TEST_CASE("a fork aimed at a person nobody has is one line naming the key and the id",
          "[batch][live]") {
  test::TempDir dir("live-bad-person");
  LiveSession s(town(dir));
  step_to(s, 2);
  CHECK_THROWS_WITH(s.add(kCaseWork, "case.toml", batch::LiveTarget{{987654}, {}}),
                    "case.toml:1: intervention[2].target.people: no person 987654 in the "
                    "population (750 people)");
  CHECK_THROWS_WITH(s.add(kCaseWork, "case.toml", batch::LiveTarget{{}, {100000}}),
                    Catch::StartsWith("case.toml:1: intervention[2].target.households: no "
                                      "household 100000 in the population (households 0 to "));
  CHECK_FALSE(s.forked());
}
