// The JSON report, read back with nlohmann-json: the same figures as the comparison it reports.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/comparison.hpp"
#include "analysis/report.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

nlohmann::json read_json(const std::string& path) {
  std::ifstream f(path);
  return nlohmann::json::parse(f);
}

/// A number of the report: null where the figure is not finite.
void check_number(const nlohmann::json& j, double x) {
  if (!std::isfinite(x)) {
    CHECK(j.is_null());
  } else {
    CHECK(j.get<double>() == x);  // shortest round-trip text: exactly the same double
  }
}

void check_estimate(const nlohmann::json& j, const analysis::Estimate& e) {
  check_number(j["mean"], e.mean);
  check_number(j["lo"], e.lo);
  check_number(j["hi"], e.hi);
  CHECK(j["n"].get<int>() == e.n);
}

}  // namespace

TEST_CASE("the JSON report parses back with the comparison's numbers", "[analysis]") {
  test::TempDir dir("analysis-json");
  const auto c = test::grant_comparison(dir, "base \"quoted\"\n");
  analysis::write_json(dir.file("r.json"), {c});
  const nlohmann::json doc = read_json(dir.file("r.json"));
  CHECK(doc["schema"] == "wellsim-compare");
  CHECK(doc["version"] == 1);
  REQUIRE(doc["comparisons"].size() == 1);
  const auto& j = doc["comparisons"][0];
  CHECK(j["policy"] == c.policy_name);
  CHECK(j["baseline"] == "base \"quoted\"\n");
  CHECK(j["policy_interventions"] == nlohmann::json(c.policy_interventions));
  CHECK(j["paired"] == c.paired);
  CHECK(j["replicates"] == c.replicates);
  CHECK(j["last_week"] == c.last_step);
  for (const auto& [name, e] : analysis::headline(c)) check_estimate(j["headline"][name], *e);
  REQUIRE(j["effect_over_time"].size() == c.effect.size());
  for (std::size_t s = 0; s < c.effect.size(); ++s) {
    check_number(j["effect_over_time"][s]["baseline"], c.baseline_mean[s]);
    check_estimate(j["effect_over_time"][s]["difference"], c.effect[s]);
  }
  REQUIRE(j["horizons"].size() == c.horizons.size());
  check_estimate(j["horizons"].back()["wellbys"], c.horizons.back().wellbys);
  for (std::size_t k = 0; k < c.dist_policy.size(); ++k)
    check_number(j["distribution"]["policy"][k], c.dist_policy[k]);
  REQUIRE(j["ripple"].size() == analysis::kRings);
  for (std::size_t k = 0; k < analysis::kRings; ++k)
    check_estimate(j["ripple"][k]["difference"], c.ring_effect[k]);
  REQUIRE(j["inequality"].size() == c.inequality.size());
  check_estimate(j["inequality"][0]["change"], c.inequality[0].change);
}

TEST_CASE("a JSON report that cannot be written says where", "[analysis]") {
  test::TempDir dir("analysis-json-bad");
  const auto c = test::grant_comparison(dir);
  const std::string path = dir.file("no-such-folder/r.json");
  CHECK_THROWS_WITH(analysis::write_json(path, {c}), path + ": cannot write");
  if (std::filesystem::exists("/dev/full"))  // a device that refuses every write
    CHECK_THROWS_WITH(analysis::write_json("/dev/full", {c}),
                      "/dev/full: write failed: No space left on device");
}
