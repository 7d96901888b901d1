// The `wellsim` command as a user meets it: exit codes, messages, determinism, killed runs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/run_reader.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

const char* kSmall = R"([run]
name = "small"
seed = 3
steps = 9

[network]
source = "watts_strogatz"
n = 3000
k = 6
p = 0.2

[output]
record_every = 4
)";

}  // namespace

TEST_CASE("run writes a file and prints a summary", "[cli]") {
  test::TempDir dir("cli-run");
  auto scenario = dir.write("small.toml", kSmall);
  auto r = test::run_wellsim({"run", scenario, "-o", dir.file("a.h5")});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("wrote " + dir.file("a.h5")) && Contains("3000 agents") &&
                        Contains("9 steps") && Contains("mean wellbeing"));
  CHECK(r.err.empty());  // not a terminal: no progress line
  output::RunReader run(dir.file("a.h5"));
  CHECK(run.status() == "complete");
  CHECK(run.steps_completed() == 9);
  CHECK(run.recorded_steps() == std::vector<std::int32_t>{0, 4, 8, 9});
  CHECK(run.scenario_text() == kSmall);

  auto again = test::run_wellsim({"run", scenario, "-o", dir.file("a.h5")});
  CHECK(again.status == 2);
  CHECK_THAT(again.err, Contains("a.h5: exists; pass --overwrite"));
}

TEST_CASE("run options --set, --seed and --steps override the scenario", "[cli]") {
  test::TempDir dir("cli-set");
  auto scenario = dir.write("small.toml", kSmall);
  auto r = test::run_wellsim({"run", scenario, "-o", dir.file("b.h5"), "--set", "network.n=500",
                              "--seed", "9", "--steps", "2", "--quiet"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  output::RunReader run(dir.file("b.h5"));
  CHECK(run.agent_count() == 500);
  CHECK(run.seed() == 9);
  CHECK(run.steps_completed() == 2);
  CHECK(run.overrides() == std::vector<std::string>{"network.n=500", "run.seed=9", "run.steps=2"});
  CHECK(run.has_layout());
  auto bare = test::run_wellsim(
      {"run", scenario, "-o", dir.file("c.h5"), "--set", "output.layout=false", "--quiet"});
  REQUIRE(bare.status == 0);
  CHECK_FALSE(output::RunReader(dir.file("c.h5")).has_layout());
}

TEST_CASE("bad input exits 2 with one line naming what and where", "[cli]") {
  test::TempDir dir("cli-bad");
  auto bad = dir.write("bad.toml", "[network]\nsource = \"watts_strogatz\"\nn = -5\n");
  auto check = [](const test::CliResult& r, const std::string& text) {
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains(text));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  };
  check(test::run_wellsim({"run", bad}), "bad.toml:3: network.n: expected an integer in [4,");
  check(test::run_wellsim({"validate", bad}), "bad.toml:3: network.n");
  check(test::run_wellsim({"validate", dir.write("odd.toml", kSmall), "--set", "network.k=7"}),
        "odd.toml: network.k: expected an even number");
  dir.write("ties.txt", "0 1\n1 x\n");
  check(test::run_wellsim({"validate", dir.write("file.toml",
                                                 "[network]\nsource = \"edge_list\"\n"
                                                 "path = \"ties.txt\"\n")}),
        "ties.txt:2:");
  check(test::run_wellsim({"validate", dir.write("sd.toml", kSmall), "--set",
                           "population.wellbeing_distribution=clipped_normal", "--set",
                           "population.wellbeing_mean=9.5", "--set", "population.wellbeing_sd=4"}),
        "sd.toml: population: no clipped normal on [0, 10] has mean 9.5");
  check(test::run_wellsim({"validate", dir.write("shares.toml", kSmall), "--set",
                           "population.wellbeing_shares=[0.5, 0.6]"}),
        "shares.toml: population.wellbeing_shares: expected 11 shares (answers 0 to 10) summing "
        "to 1, found 2 summing to 1.1");
  check(test::run_wellsim({"validate", dir.write("mix.toml", kSmall), "--set", "run.model=town"}),
        "mix.toml:7: network.source: set by run.model = \"town\"; remove it");
  check(test::run_wellsim(
            {"validate", dir.write("model.toml", kSmall), "--set", "run.model=\"city\""}),
        "run.model: expected one of opinion, town, villages, found 'city'");
  check(test::run_wellsim({"run", dir.file("none.toml")}), "none.toml: cannot read scenario file");
  check(test::run_wellsim({"run"}), "SCENARIO (or --resume RUN.h5) is required");
  check(test::run_wellsim({"frobnicate"}), "frobnicate");
  check(test::run_wellsim({"run", bad, "--threads", "0"}), "--threads");
  check(test::run_wellsim({"run", bad, "--set", "nonsense"}),
        "--set nonsense: expected TABLE.KEY=VALUE");
  check(test::run_wellsim({"inspect", bad}), "bad.toml: not an HDF5 file");
  check(test::run_wellsim({"inspect", dir.file("none.h5")}), "none.h5");
}

TEST_CASE("validate prints the effective scenario", "[cli]") {
  test::TempDir dir("cli-validate");
  auto r = test::run_wellsim({"validate", dir.write("small.toml", kSmall)});
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out,
             Contains("valid (hash ") && Contains("susceptibility = 0.5") && Contains("n = 3000"));
}

TEST_CASE("the same scenario and seed give bit-identical datasets on 1, 2 and 4 threads",
          "[cli][determinism][heavy]") {
  test::TempDir dir("cli-threads");
  // Neighbourhoods of unequal size, so thread chunks and blocks never line up with them.
  auto scenario = dir.write("sbm.toml", R"([run]
seed = 5
steps = 9
[network]
source = "sbm"
sizes = [900, 700, 1400]
degree_within = 8.0
degree_between = 1.0
[output]
record_every = 2
)");
  for (const char* t : {"1", "2", "4"}) {
    auto r = test::run_wellsim(
        {"run", scenario, "-o", dir.file(std::string("t") + t + ".h5"), "--threads", t});
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  output::RunReader one(dir.file("t1.h5"));
  CHECK(one.threads() == 1);
  auto names = one.dataset_names();
  REQUIRE(names.size() > 10);
  for (const char* t : {"2", "4"}) {
    output::RunReader other(dir.file(std::string("t") + t + ".h5"));
    CHECK(other.threads() == static_cast<std::uint32_t>(std::stoi(t)));
    REQUIRE(other.dataset_names() == names);
    for (const auto& ds : names) {
      INFO(ds << " with " << t << " threads");
      CHECK(other.raw_bytes(ds) == one.raw_bytes(ds));
    }
  }
}

TEST_CASE("a run killed with SIGKILL leaves its complete steps readable", "[cli][slow]") {
  test::TempDir dir("cli-kill");
  auto scenario = dir.write("small.toml", kSmall);
  auto path = dir.file("killed.h5"), full = dir.file("full.h5");
  const std::vector<std::string> common = {
      "run", scenario, "--set", "network.n=200000", "--set", "output.record_every=2"};
  auto args = common;
  for (auto a : {"-o", path.c_str(), "--steps", "100000", "--progress", "always"})
    args.push_back(a);
  REQUIRE(test::kill_wellsim_after(args, 30));
  output::RunReader killed(path);
  CHECK(killed.status() == "running");
  const auto done = killed.steps_completed();
  REQUIRE(done >= 30);
  REQUIRE(done < 100000);
  // The same run, stopped normally at the step the killed run completed, is the reference.
  auto ref_args = common;
  for (auto a : {"-o", full.c_str(), "--steps"}) ref_args.push_back(a);
  ref_args.push_back(std::to_string(done));
  auto r = test::run_wellsim(ref_args);
  REQUIRE(r.status == 0);
  output::RunReader ref(full);
  CHECK(killed.steps() == ref.steps());
  for (const char* stat : {"mean", "sd", "median", "share_low"})
    CHECK(killed.stat(stat) == ref.stat(stat));
  // Every per-agent record written before the kill matches (the reference adds a final record).
  auto rec = killed.recorded_steps();
  REQUIRE(rec.size() >= 15);
  for (std::size_t i = 0; i < rec.size(); ++i) {
    REQUIRE(ref.recorded_steps()[i] == rec[i]);
    CHECK(killed.wellbeing_at(i) == ref.wellbeing_at(i));
  }
}

TEST_CASE("list prints every source and model with its parameters", "[cli]") {
  auto r = test::run_wellsim({"list"});
  REQUIRE(r.status == 0);
  for (const char* s : {"watts_strogatz", "erdos_renyi", "sbm", "edge_list", "graphml", "graphviz",
                        "friedkin_johnsen", "susceptibility", "record_every"})
    CHECK_THAT(r.out, Contains(s));
}

TEST_CASE("docs/scenario-reference.md is what `wellsim list --markdown` prints", "[cli][docs]") {
  auto r = test::run_wellsim({"list", "--markdown"});
  REQUIRE(r.status == 0);
  std::ifstream in(test::source_path("docs/scenario-reference.md"));
  std::stringstream doc;
  doc << in.rdbuf();
  INFO("regenerate with: build/wellsim list --markdown > docs/scenario-reference.md");
  CHECK(doc.str() == r.out);
}

TEST_CASE("an intervention's key is set by its name on the command line", "[cli]") {
  auto r = test::run_wellsim({"validate", test::source_path("scenarios/default.toml"), "--set",
                              "intervention.food_bank.capacity=400"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("name = \"food_bank\"\nstart_week = 1\nend_week = 1000000\n"
                             "target.neighbourhoods = []\ntarget.filter = []\ntarget.people = "
                             "[]\ntarget.households = []\nuptake = 1.0\n"
                             "capacity = 400\n"));
  auto bad = test::run_wellsim({"validate", test::source_path("scenarios/default.toml"), "--set",
                                "intervention.foodbank.capacity=400"});
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Contains("--set intervention.foodbank.capacity=400: no [[intervention]] "
                               "named 'foodbank' (names: council_case_work, talking_therapies, "
                               "food_bank, community_centre)"));
}

TEST_CASE("the --set example in run's help works on the default scenario", "[cli][docs]") {
  const auto help = test::run_wellsim({"run", "--help"});
  REQUIRE(help.status == 0);
  const auto at = help.out.find("e.g. --set ");
  REQUIRE(at != std::string::npos);
  const std::string example =
      help.out.substr(at + 11, help.out.find_first_of(" \n", at + 11) - at - 11);
  INFO(example);
  test::TempDir dir("help-example");
  const auto r = test::run_wellsim({"run", test::source_path("scenarios/default.toml"), "--set",
                                    example, "--steps", "1", "-o", dir.file("x.h5"), "-q"});
  INFO(r.err);
  CHECK(r.status == 0);
}

TEST_CASE("README's command summary names every option of every command", "[cli][docs]") {
  const std::string readme = test::read_text(test::source_path("README.md"));
  const auto from = readme.find("## The command"), to = readme.find("Exit status:", from);
  REQUIRE(to != std::string::npos);
  const std::string summary = readme.substr(from, to - from);
  const auto top = test::run_wellsim({"--help"});
  std::vector<std::string> commands;
  std::istringstream top_lines(top.out.substr(top.out.find("Subcommands:")));
  for (std::string line; std::getline(top_lines, line);)
    if (line.size() > 2 && line[0] == ' ' && line[2] != ' ')
      commands.push_back(line.substr(2, line.find(' ', 2) - 2));
  REQUIRE(commands.size() >= 9);
  for (const auto& command : commands) {
    const auto help = test::run_wellsim({command, "--help"});
    std::istringstream lines(help.out);
    for (std::string line; std::getline(lines, line);) {
      // Option lines read "  -o,--output TEXT ..." or "  --steps INT ...".
      const auto dash = line.find_first_not_of(' ');
      if (dash != 2 || line.compare(2, 1, "-") != 0) continue;
      const std::string names = line.substr(2, line.find(' ', 2) - 2);
      if (names == "-h,--help") continue;
      const auto comma = names.find(',');
      const std::string shortname = comma == std::string::npos ? "" : names.substr(0, comma);
      const std::string longname = names.substr(comma == std::string::npos ? 0 : comma + 1);
      INFO(command << " " << longname);
      CHECK((summary.find(longname) != std::string::npos ||
             (!shortname.empty() && summary.find(shortname + " ") != std::string::npos) ||
             (!shortname.empty() && summary.find(shortname + "]") != std::string::npos)));
    }
  }
}
