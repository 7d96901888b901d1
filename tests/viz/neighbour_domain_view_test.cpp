// The viewer's person panel reads the 32-bit domains column: a problem above bit 15
// (neighbour_conflict, bit 16) shows by its name like every other.
#include <catch2/catch.hpp>

#include <algorithm>

#include "output/run_reader.hpp"
#include "tests/viz/community_fixture.hpp"
#include "viz/run_data.hpp"

using namespace wellsim;

TEST_CASE("the person panel names a domain above bit 15", "[viz]") {
  test::TempDir dir("viz-neighbours");
  test::write_community_run("neighbours_baseline", 4, dir.file("run.h5"));
  output::RunReader reader(dir.file("run.h5"));
  viz::RunData run(dir.file("run.h5"));
  const auto names = reader.domain_names();
  const auto bit = std::find(names.begin(), names.end(), "neighbour_conflict") - names.begin();
  REQUIRE(bit == 16);
  const std::size_t last = run.weeks().size() - 1;
  const auto bits = reader.domains_at(last);
  std::size_t shown = 0, carrying = 0;
  for (sim::AgentId a = 0; a < run.agents(); ++a) {
    const auto problems = run.people().domains(a, last);
    const bool has = bits[a] >> bit & 1u;
    carrying += has;
    shown += std::find(problems.begin(), problems.end(), "neighbour_conflict") != problems.end();
  }
  CHECK(carrying > 0);
  CHECK(shown == carrying);
}
