// Runs that are not twins are refused with a message naming the files and what differs.
#include <catch2/catch.hpp>

#include "analysis/comparison.hpp"
#include "analysis/pairing.hpp"
#include "sim/errors.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {
std::string write(const test::TempDir& dir, const std::string& file, test::FakeRun run) {
  if (run.wellbeing.empty()) run.wellbeing = test::flat(2, 3, 6.0f);
  test::write_fake(dir.file(file), run);
  return dir.file(file);
}
}  // namespace

TEST_CASE("different seeds are refused unless unpaired", "[analysis]") {
  test::TempDir dir("analysis-seed");
  test::FakeRun b, p;
  p.name = "policy";
  p.seed = 2;
  auto bf = write(dir, "b.h5", b), pf = write(dir, "p.h5", p);
  auto base = analysis::load_run_set({bf}), pol = analysis::load_run_set({pf});
  CHECK_THROWS_MATCHES(
      analysis::pair_sets(base, pol, false), sim::InputError,
      Catch::Matchers::Message("cannot pair " + bf + " with " + pf +
                               ": different seeds (1 vs 2); paired runs need the same seed, "
                               "replicate and people (pass --unpaired to compare them as "
                               "independent samples)"));
  CHECK_NOTHROW(analysis::compare(base, pol, analysis::CompareOptions{{}, {}, true}));
}

TEST_CASE("different people are refused", "[analysis]") {
  test::TempDir dir("analysis-people");
  test::FakeRun b, p;
  p.name = "policy";
  p.ids = {100, 101, 999};
  auto bf = write(dir, "b.h5", b), pf = write(dir, "p.h5", p);
  CHECK_THROWS_WITH(
      analysis::pair_sets(analysis::load_run_set({bf}), analysis::load_run_set({pf}), false),
      Contains(bf) && Contains(pf) &&
          Contains("different people (agent 2 has original id 102 vs 999)"));
  test::FakeRun q;
  q.name = "policy";
  q.wellbeing = test::flat(2, 4, 6.0f);
  auto qf = write(dir, "q.h5", q);
  CHECK_THROWS_WITH(
      analysis::pair_sets(analysis::load_run_set({bf}), analysis::load_run_set({qf}), false),
      Contains("different population sizes (3 vs 4 people)"));
}

TEST_CASE("replicate numbers must match and sets hold one scenario", "[analysis]") {
  test::TempDir dir("analysis-sets");
  test::FakeRun b0, b1, p0;
  b1.replicate = 1;
  p0.name = "policy";
  auto f0 = write(dir, "b0.h5", b0), f1 = write(dir, "b1.h5", b1), g0 = write(dir, "p0.h5", p0);
  auto base = analysis::load_run_set({f1, f0});
  CHECK(base.replicates() == std::vector<std::uint32_t>{0, 1});
  CHECK_THROWS_WITH(analysis::pair_sets(base, analysis::load_run_set({g0}), false),
                    Contains("replicates {0,1}") && Contains("replicates {0}"));
  CHECK_THROWS_WITH(analysis::load_run_set({f0, g0}),
                    Contains(f0 + " and " + g0 + ": different scenarios"));
  CHECK_THROWS_WITH(analysis::load_run_set({f0, f0}), Contains("both are replicate 0"));
  auto sets = analysis::group_run_sets({f0, g0, f1});
  REQUIRE(sets.size() == 2);
  CHECK(sets[0].name == "base");
  CHECK(sets[0].size() == 2);
  CHECK(sets[1].name == "policy");
}
