// Which interventions a policy adds or changes, read from the runs' /interventions tables.
#include <catch2/catch.hpp>

#include "analysis/comparison.hpp"
#include "output/h5_util.hpp"
#include "tests/analysis/analysis_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

TEST_CASE("policy interventions compare a file without the interventions table with one with it",
          "[analysis]") {
  test::TempDir dir("analysis-legacy-interventions");
  test::FakeRun b;
  b.wellbeing = test::flat(2, 3, 6.0f);
  b.interventions = {"grant"};
  test::write_fake(dir.file("b.h5"), b);
  test::FakeRun p = b;
  p.name = "policy";
  p.interventions = {"grant", "extra"};
  test::write_fake(dir.file("p.h5"), p);
  {  // the baseline as written before /interventions and /parameters existed
    output::h5::silence_errors();
    output::h5::File f(H5Fopen(dir.file("b.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open");
    REQUIRE(H5Ldelete(f, "interventions", H5P_DEFAULT) >= 0);
    REQUIRE(H5Ldelete(f, "parameters", H5P_DEFAULT) >= 0);
  }
  const output::RunReader old(dir.file("b.h5")), now(dir.file("p.h5"));
  REQUIRE_FALSE(old.has_interventions_table());
  CHECK(analysis::policy_interventions(old, now) == std::vector<std::string>{"extra"});
  CHECK(analysis::policy_interventions(now, now).empty());
}
