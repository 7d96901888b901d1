#include "output/run_writer.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "output/run_reader.hpp"
#include "output/schema.hpp"
#include "sim/build_info.hpp"
#include "sim/errors.hpp"
#include "sim/step_stats.hpp"
#include "tests/output/run_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using output::RunReader;
using output::WriterOptions;

namespace {

std::vector<std::int32_t> recorded_for(std::uint32_t planned, std::uint32_t steps,
                                       std::uint32_t every) {
  test::TempDir dir("output-record");
  const std::string path = dir.file("run.h5");
  test::write_small_run(path, planned, steps, WriterOptions{every, 1, false, {}});
  return RunReader(path).recorded_steps();
}

}  // namespace

TEST_CASE("a run file reads back every field exactly", "[output]") {
  test::TempDir dir("output-roundtrip");
  const std::string path = dir.file("run.h5");
  const bool weighted = GENERATE(true, false);
  const int compression = GENERATE(0, 1, 9);
  const auto history =
      test::write_small_run(path, 6, 6, WriterOptions{2, compression, false, {}}, true, weighted);
  const output::RunInfo info = test::small_info(6);
  RunReader r(path);

  SECTION("scenario and manifest") {
    CHECK(r.schema_version() == output::kSchemaVersion);
    CHECK(r.scenario_text() == info.scenario_text);
    CHECK(r.effective_scenario() == info.effective_scenario);
    CHECK(r.scenario_hash() == info.scenario_hash);
    CHECK(r.scenario_path() == info.scenario_path);
    CHECK(r.overrides() == info.overrides);
    CHECK(r.seed() == info.seed);
    CHECK(r.replicate() == info.replicate);
    CHECK(r.threads() == info.threads);
    CHECK(r.steps_planned() == 6);
    CHECK(r.steps_completed() == 6);
    CHECK(r.status() == "complete");
    CHECK(r.parameters() == info.parameters);
    const auto m = r.manifest();
    const auto& build = sim::build_info();
    CHECK(m.at("wellsim_version") == build.version);
    CHECK(m.at("git_commit") == build.git_commit);
    CHECK(m.at("build_type") == build.build_type);
    CHECK(m.at("compiler") == build.compiler);
    CHECK(m.at("build_flags") == build.flags);
    CHECK(m.at("build_flags").find("-std=c++") != std::string::npos);  // never empty (issue 15)
    CHECK(m.at("seed") == std::to_string(info.seed));
    CHECK(m.at("steps_completed") == "6");
    CHECK(m.at("model") == info.model);
    CHECK(m.at("network_source") == info.network_source);
    CHECK_FALSE(m.at("host").empty());
    const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
    CHECK(std::regex_match(m.at("started_at"), iso));
    CHECK(std::regex_match(m.at("finished_at"), iso));
  }

  SECTION("population and network") {
    const sim::Network net = test::small_network(weighted);
    const sim::AgentStore agents = test::small_agents();
    CHECK(r.agent_count() == 5);
    CHECK(r.original_ids() == net.original_id);
    CHECK(r.groups() == net.group);
    CHECK(r.initial_wellbeing() == agents.initial_wellbeing);
    CHECK(r.susceptibility() == agents.susceptibility);
    const sim::Network back = r.network();
    CHECK(back.offsets == net.offsets);
    CHECK(back.neighbours == net.neighbours);
    CHECK(back.layer == net.layer);
    CHECK(back.weight == net.weight);
    CHECK(back.layer_names == net.layer_names);
    CHECK(back.original_id == net.original_id);
    CHECK(back.group == net.group);
    CHECK(back.group_names == net.group_names);
  }

  SECTION("per-step statistics and per-agent rows") {
    CHECK(r.steps() == std::vector<std::int32_t>{0, 1, 2, 3, 4, 5, 6});
    for (const auto& f : output::kStatFields) {
      const auto series = r.stat(f.name);
      REQUIRE(series.size() == history.size());
      for (std::size_t s = 0; s < history.size(); ++s)
        CHECK(series[s] == sim::summarise(history[s]).*f.member);
    }
    CHECK(r.record_every() == 2);
    REQUIRE(r.recorded_steps() == std::vector<std::int32_t>{0, 2, 4, 6});
    for (std::size_t i = 0; i < 4; ++i) CHECK(r.wellbeing_at(i) == history[2 * i]);
    CHECK_THROWS_AS(r.wellbeing_at(4), std::out_of_range);
  }

  SECTION("dataset listing and raw bytes") {
    std::vector<std::string> expected = {
        "/agents/group", "/agents/initial_wellbeing", "/agents/original_id",
        "/agents/susceptibility", "/network/layer", "/network/neighbours", "/network/offsets",
        "/scenario", "/steps/step", "/wellbeing/steps", "/wellbeing/values", "/events/step",
        "/events/agent", "/events/other", "/events/kind", "/events/detail",
        // coordinates and dimensions (run_labels.hpp)
        "/agents/agent", "/wellbeing/agent", "/network/offset", "/network/entry", "/events/event"};
    if (!test::small_network(weighted).group_names.empty())
      expected.push_back("/agents/neighbourhood");
    if (weighted) expected.push_back("/network/weight");
    for (const auto& f : output::kStatFields) expected.push_back(std::string("/steps/") + f.name);
    std::sort(expected.begin(), expected.end());
    CHECK(r.dataset_names() == expected);
    CHECK(r.raw_bytes("/steps/step").size() == 7 * sizeof(std::int32_t));
    CHECK(r.raw_bytes("/wellbeing/values").size() == 4 * 5 * sizeof(float));
    const auto text = r.raw_bytes("/scenario");
    CHECK(std::string(text.begin(), text.end() - 1) == info.scenario_text);
    CHECK_THROWS_WITH(r.raw_bytes("/nope"), Catch::Contains("no dataset /nope"));
  }
}

TEST_CASE("per-agent wellbeing is recorded at 0, every k-th step and the last", "[output]") {
  using V = std::vector<std::int32_t>;
  CHECK(recorded_for(10, 10, 4) == V{0, 4, 8, 10});
  CHECK(recorded_for(10, 10, 5) == V{0, 5, 10});
  CHECK(recorded_for(3, 3, 1) == V{0, 1, 2, 3});
  CHECK(recorded_for(10, 10, 0) == V{0, 10});   // 0: first and last only
  CHECK(recorded_for(10, 6, 4) == V{0, 4, 6});  // stopped early: the last done step
  CHECK(recorded_for(10, 8, 4) == V{0, 4, 8});  // stopped early on a recorded step
  CHECK(recorded_for(10, 0, 4) == V{0});        // no steps at all
}

TEST_CASE("the writer refuses to overwrite unless told to", "[output]") {
  test::TempDir dir("output-overwrite");
  const std::string path = dir.file("nested/deeper/run.h5");  // parents are created
  test::write_small_run(path, 2, 2, WriterOptions{});
  REQUIRE(std::filesystem::exists(path));
  REQUIRE_THROWS_AS(output::RunWriter(path, test::small_info(2), WriterOptions{}), sim::InputError);
  REQUIRE_THROWS_WITH(output::RunWriter(path, test::small_info(2), WriterOptions{}),
                      path + ": exists; pass --overwrite to replace it");
  CHECK(RunReader(path).steps_completed() == 2);  // the refused writer left the file alone

  test::write_small_run(path, 3, 3, WriterOptions{4, 1, true, {}});
  CHECK(RunReader(path).steps_completed() == 3);
}

TEST_CASE("the writer rejects bad options and misuse", "[output]") {
  test::TempDir dir("output-options");
  const std::string path = dir.file("run.h5");
  REQUIRE_THROWS_WITH(output::RunWriter(path, test::small_info(2), WriterOptions{4, 10, false, {}}),
                      path + ": compression level 10 is not in 0-9");
  CHECK_FALSE(std::filesystem::exists(path));

  output::RunWriter writer(path, test::small_info(2), WriterOptions{});
  sim::AgentStore agents = test::small_agents();
  CHECK_THROWS_AS(writer.on_step(1, agents, {}), std::logic_error);  // before on_start
  writer.on_start(test::small_network(false), agents, {});
  CHECK_THROWS_AS(writer.on_step(2, agents, {}), std::logic_error);  // skipped step 1
  writer.on_step(1, agents, {});
  CHECK_THROWS_AS(writer.on_finish(2), std::logic_error);  // step 2 never arrived

  const std::string dir_as_file = dir.file("folder.h5");
  std::filesystem::create_directories(dir_as_file);
  CHECK_THROWS_AS(
      output::RunWriter(dir_as_file, test::small_info(2), WriterOptions{4, 1, true, {}}),
      sim::RuntimeError);
  CHECK_THROWS_WITH(
      output::RunWriter(dir_as_file, test::small_info(2), WriterOptions{4, 1, true, {}}),
      dir_as_file + ": is a folder; give -o a file name");
}

TEST_CASE("rows wider than one chunk are stored whole and compressed", "[output]") {
  // Three chunks, the last one partial: exercises the parallel filter path and its padding.
  constexpr std::size_t kAgents = 2 * (std::size_t{1} << 18) + 1000;
  const int compression = GENERATE(0, 1);
  test::TempDir dir("output-wide");
  const std::string path = dir.file("wide.h5");
  sim::Network net;
  net.offsets.assign(kAgents + 1, 0);
  net.layer_names = {"tie"};
  sim::AgentStore agents;
  agents.resize(kAgents);
  std::vector<std::vector<float>> rows;
  {
    output::RunWriter writer(path, test::small_info(2), WriterOptions{1, compression, false, {}});
    for (std::uint32_t s = 0; s <= 2; ++s) {
      for (std::size_t i = 0; i < kAgents; ++i) agents.wellbeing[i] = float((i * 7 + s) % 101) / 10;
      rows.push_back(agents.wellbeing);
      s == 0 ? writer.on_start(net, agents, {}) : writer.on_step(s, agents, {});
    }
    writer.on_finish(2);
  }
  RunReader r(path);
  REQUIRE(r.recorded_steps() == std::vector<std::int32_t>{0, 1, 2});
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(r.wellbeing_at(i) == rows[i]);

  namespace h5 = output::h5;
  h5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
  h5::Dataset values(H5Dopen2(file, "/wellbeing/values", H5P_DEFAULT), "open values");
  h5::Plist dcpl(H5Dget_create_plist(values), "dcpl");
  CHECK(H5Pget_nfilters(dcpl) == (compression > 0 ? 2 : 0));
  const hsize_t raw = rows.size() * kAgents * sizeof(float);
  if (compression > 0) CHECK(H5Dget_storage_size(values) < raw / 2);
}

TEST_CASE("the writer refuses an empty population", "[output]") {
  test::TempDir dir("output-empty");
  output::RunWriter writer(dir.file("empty.h5"), test::small_info(1), WriterOptions{});
  sim::Network net;
  net.layer_names = {"tie"};
  CHECK_THROWS_WITH(writer.on_start(net, sim::AgentStore{}, {}),
                    Catch::Contains("the population is empty"));
}

TEST_CASE("the same run written twice is identical dataset by dataset", "[output]") {
  // What the determinism tests rely on: names and bytes, nothing of the manifest's clock or host.
  test::TempDir dir("output-twice");
  const std::string a = dir.file("a.h5"), b = dir.file("b.h5");
  test::write_small_run(a, 5, 5, WriterOptions{2, 1, false, {}});
  test::write_small_run(b, 5, 5, WriterOptions{2, 1, false, {}});
  RunReader ra(a), rb(b);
  REQUIRE(ra.dataset_names() == rb.dataset_names());
  for (const auto& name : ra.dataset_names()) {
    INFO(name);
    CHECK(ra.raw_bytes(name) == rb.raw_bytes(name));
  }
}
