// The typed contract of a run file: /parameters, /interventions and the set key, written from
// RunInfo and read back by RunReader; files written before them read through the legacy path.
#include "output/run_contract.hpp"

#include <catch2/catch.hpp>

#include "output/h5_util.hpp"
#include "output/run_reader.hpp"
#include "output/run_writer.hpp"
#include "output/typed_values.hpp"
#include "sim/errors.hpp"
#include "tests/output/run_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using output::RunReader;
namespace h5 = output::h5;

namespace {

/// small_info with typed parameters and two interventions, one with a '/' in its name.
output::RunInfo contract_info() {
  output::RunInfo info = test::small_info(3);
  info.typed_parameters = {
      {"run.steps", std::int64_t{10}, sim::ParamType::Integer, "weeks", "number of steps"},
      {"network.ordering", std::string("auto"), sim::ParamType::Choice, "", "agent order"},
      {"wellbeing.lambda", std::vector<double>{0.1, 0.2}, sim::ParamType::RealList, "",
       "susceptibility by group"},
      {"output.layout", true, sim::ParamType::Boolean, "", "store node positions"},
      {"intervention[1].caseload", std::int64_t{18}, sim::ParamType::Integer, "cases",
       "cases per worker"}};
  output::InterventionRecord micro{"case work", "case_management",        "micro",       26,
                                   156,         {"Bacup", "Stacksteads"}, {"age >= 18"}, {}};
  micro.parameters = {{"caseload", std::int64_t{18}},
                      {"cost_per_case_week", 95.0},
                      {"referral", std::string("highest_need")},
                      {"target.neighbourhoods", std::vector<std::string>{"Bacup", "Stacksteads"}},
                      {"weights", std::vector<double>{}}};
  output::InterventionRecord macro{"energy/price cap", "price_cap", "macro", 1,
                                   output::kToTheEnd,  {},          {},      {{"enabled", false}}};
  info.interventions = {micro, macro};
  return info;
}

std::string write_contract_run(const test::TempDir& dir, const std::string& name) {
  const std::string path = dir.file(name);
  output::RunWriter writer(path, contract_info(), output::WriterOptions{});
  // The writer reads the store again at on_finish (its contract): it must outlive the run.
  const auto net = test::small_network(true);
  const auto agents = test::small_agents();
  writer.on_start(net, agents, {});
  writer.on_finish(0);
  return path;
}

h5::File edit(const std::string& path) {
  h5::silence_errors();
  return h5::File(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "cannot open " + path);
}

/// Deletes entry run.steps of /parameters (group "/parameters" + `sub`), then lets `write`
/// put another there.
template <typename F>
void replace_steps_entry(const std::string& path, const std::string& sub, F write) {
  h5::File f = edit(path);
  h5::Group g(H5Gopen2(f, ("/parameters" + sub).c_str(), H5P_DEFAULT), "cannot open group");
  REQUIRE(H5Adelete(g, "run.steps") >= 0);
  write(g.id());
}

}  // namespace

TEST_CASE(
    "the interventions table round-trips names, types, levels, weeks, targets and "
    "parameters",
    "[output]") {
  test::TempDir dir("output-contract-interventions");
  const RunReader r(write_contract_run(dir, "run.h5"));
  REQUIRE(r.has_interventions_table());
  const auto all = r.interventions();
  REQUIRE(all.size() == 2);
  const auto& micro = all[0];
  CHECK(micro.name == "case work");
  CHECK(micro.type == "case_management");
  CHECK(micro.level == "micro");
  CHECK(micro.start_week == 26);
  CHECK(micro.end_week == 156);
  CHECK(micro.neighbourhoods == std::vector<std::string>{"Bacup", "Stacksteads"});
  CHECK(micro.filter == std::vector<std::string>{"age >= 18"});
  CHECK(micro.parameters == contract_info().interventions[0].parameters);
  const auto& macro = all[1];
  CHECK(macro.name == "energy/price cap");  // stored under /interventions/energy%2Fprice cap
  CHECK(macro.level == "macro");
  CHECK(macro.end_week == output::kToTheEnd);
  CHECK(macro.neighbourhoods.empty());
  REQUIRE(macro.parameters.size() == 1);
  CHECK(std::get<bool>(macro.parameters[0].second) == false);
}

TEST_CASE("typed parameters round-trip with type, unit and help beside the text ones", "[output]") {
  test::TempDir dir("output-contract-parameters");
  const RunReader r(write_contract_run(dir, "run.h5"));
  REQUIRE(r.has_typed_parameters());
  const auto params = r.typed_parameters();
  auto expected = contract_info().typed_parameters;
  std::sort(expected.begin(), expected.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
  REQUIRE(params.size() == expected.size());
  for (std::size_t k = 0; k < params.size(); ++k) {
    INFO(expected[k].key);
    CHECK(params[k].key == expected[k].key);
    CHECK(params[k].value == expected[k].value);
    CHECK(params[k].type == expected[k].type);
    CHECK(params[k].unit == expected[k].unit);
    CHECK(params[k].help == expected[k].help);
  }
  CHECK(r.parameter_string("network.ordering") == "auto");
  CHECK(r.parameter_string("run.steps") == "10");
  CHECK(r.parameter_string("no.such") == "");
  // The text attributes old readers use are still there, unchanged.
  CHECK(r.parameters() == contract_info().parameters);
}

TEST_CASE("the set key is stored at write time and equals the text-derived key", "[output]") {
  test::TempDir dir("output-contract-set-key");
  const RunReader r(write_contract_run(dir, "run.h5"));
  CHECK(r.set_key() == output::set_key_of(contract_info().effective_scenario));
  CHECK(output::set_key_of("[run]\nseed = 1\nreplicate = 0\n") ==
        output::set_key_of("[run]\nseed = 1\nreplicate = 7\n"));
  CHECK(output::set_key_of("[run]\nseed = 1\n") != output::set_key_of("[run]\nseed = 2\n"));
}

TEST_CASE("a file written before the typed contract reads through the legacy path", "[output]") {
  test::TempDir dir("output-contract-legacy");
  const std::string path = write_contract_run(dir, "old.h5");
  {
    h5::File f = edit(path);
    REQUIRE(H5Ldelete(f, "parameters", H5P_DEFAULT) >= 0);
    REQUIRE(H5Ldelete(f, "interventions", H5P_DEFAULT) >= 0);
    h5::Object s(H5Oopen(f, "/scenario", H5P_DEFAULT), "cannot open /scenario");
    REQUIRE(H5Adelete(s, "set_key") >= 0);
    h5::Group p(H5Gopen2(f, "manifest/parameters", H5P_DEFAULT), "cannot open parameters");
    h5::write_attribute(p, "run.name", std::string("\"old \\\"run\\\"\""));
    h5::write_attribute(p, "intervention[1].name", std::string("\"food\""));
    h5::write_attribute(p, "intervention[1].type", std::string("\"food_bank\""));
    h5::write_attribute(p, "intervention[1].start_week", std::string("13"));
    h5::write_attribute(p, "intervention[1].end_week", std::string("1000000"));
  }
  const RunReader r(path);
  CHECK_FALSE(r.has_typed_parameters());
  CHECK_FALSE(r.has_interventions_table());
  CHECK(r.typed_parameters().empty());
  CHECK(r.run_name() == "old \"run\"");  // TOML escapes undone
  CHECK(r.parameter_string("network.ordering") == "auto");
  CHECK(r.set_key() == output::set_key_of(contract_info().effective_scenario));
  const auto all = r.interventions();
  REQUIRE(all.size() == 1);
  CHECK(all[0].name == "food");
  CHECK(all[0].type == "food_bank");
  CHECK(all[0].level.empty());  // output/ cannot know it without models/
  CHECK(all[0].start_week == 13);
  CHECK(all[0].end_week == output::kToTheEnd);
}

TEST_CASE("a damaged interventions table or parameter is refused naming what is missing",
          "[output]") {
  test::TempDir dir("output-contract-damaged");
  SECTION("an intervention group is missing") {
    const std::string path = write_contract_run(dir, "a.h5");
    {
      h5::File f = edit(path);
      REQUIRE(H5Ldelete(f, "interventions/case work", H5P_DEFAULT) >= 0);
    }
    CHECK_THROWS_WITH(RunReader(path).interventions(),
                      path + ": missing group /interventions/case work");
  }
  SECTION("a parameter has no unit") {
    const std::string path = write_contract_run(dir, "b.h5");
    replace_steps_entry(path, "/unit", [](hid_t) {});
    CHECK_THROWS_WITH(RunReader(path).typed_parameters(),
                      path + ": /parameters/unit has no entry for run.steps");
  }
  SECTION("a parameter value of a type never written") {
    const std::string path = write_contract_run(dir, "c.h5");
    replace_steps_entry(path, "", [](hid_t g) {
      const std::vector<std::uint64_t> many{1, 2};
      const hsize_t n = 2;
      h5::Space space = h5::make_space(1, &n);
      h5::Attribute a(H5Acreate2(g, "run.steps", H5T_STD_U64LE, space, H5P_DEFAULT, H5P_DEFAULT),
                      "create");
      REQUIRE(H5Awrite(a, H5T_NATIVE_UINT64, many.data()) >= 0);
    });
    CHECK_THROWS_WITH(RunReader(path).typed_parameters(),
                      path +
                          ": attribute run.steps is not a scenario value (number, flag, text or "
                          "list)");
  }
}

TEST_CASE("intervention group names escape what HDF5 names cannot hold", "[output]") {
  CHECK(output::intervention_group_name("food_bank") == "food_bank");
  CHECK(output::intervention_group_name("a/b") == "a%2Fb");
  CHECK(output::intervention_group_name("50%/week") == "50%25%2Fweek");
  CHECK(output::intervention_group_name(".") == "%2E");
}

TEST_CASE("has_series says whether a series exists and series() names a missing one", "[output]") {
  test::TempDir dir("output-contract-series");
  const RunReader r(write_contract_run(dir, "run.h5"));
  CHECK_FALSE(r.has_series("service/food_bank/queue"));
  CHECK_THROWS_WITH(r.series("service/food_bank/queue"),
                    r.path() + ": no series \"service/food_bank/queue\"");
}
