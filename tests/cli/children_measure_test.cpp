// The children's wellbeing measure as a person sees it: `wellsim inspect` prints it on its own
// line and `wellsim compare` reports it with the domain prevalences (neighbour mediation against
// its baseline, two tiny real runs).
#include <catch2/catch.hpp>

#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

/// A 1,000-person town for 30 weeks: mediation starts in week 13.
std::vector<std::string> children_town(const std::string& scenario, const std::string& out) {
  return {"run",     test::source_path("scenarios/" + scenario),
          "--set",   "population.sizes=[200,200,200,200,200]",
          "--steps", "30",
          "-o",      out,
          "-q"};
}

}  // namespace

TEST_CASE("inspect and compare show children's wellbeing on its own line", "[analysis][cli]") {
  test::TempDir dir("cli-children");
  for (const auto& args : {children_town("neighbours_baseline.toml", dir.file("base.h5")),
                           children_town("neighbour_mediation.toml", dir.file("mediation.h5"))}) {
    auto r = test::run_wellsim(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  auto inspect = test::run_wellsim({"inspect", dir.file("mediation.h5")});
  REQUIRE(inspect.status == 0);
  CHECK_THAT(inspect.out,
             Contains("  children   ages 10-15, week 30: mean ") && Contains("share 0-4 "));
  auto compare =
      test::run_wellsim({"compare", dir.file("base.h5"), "--policy", dir.file("mediation.h5")});
  INFO(compare.err);
  REQUIRE(compare.status == 0);
  CHECK_THAT(compare.out, Contains("children 10-15 at 0-4") && Contains("mediation"));
}
