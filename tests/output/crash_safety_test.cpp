#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>

#include "output/run_reader.hpp"
#include "output/schema.hpp"
#include "sim/step_stats.hpp"
#include "tests/output/run_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using output::RunReader;

namespace {

/// Checks that steps 0..last of `r` hold exactly what `history` says.
void check_steps(const RunReader& r, const std::vector<std::vector<float>>& history,
                 std::uint32_t last) {
  REQUIRE(r.steps_completed() == last);
  std::vector<std::int32_t> expected(last + 1);
  for (std::uint32_t s = 0; s <= last; ++s) expected[s] = static_cast<std::int32_t>(s);
  CHECK(r.steps() == expected);
  for (const auto& f : output::kStatFields) {
    const auto series = r.stat(f.name);
    REQUIRE(series.size() == last + 1);
    for (std::uint32_t s = 0; s <= last; ++s)
      CHECK(series[s] == sim::summarise(history[s]).*f.member);
  }
  const auto recorded = r.recorded_steps();
  for (std::size_t i = 0; i < recorded.size(); ++i)
    CHECK(r.wellbeing_at(i) == history[static_cast<std::size_t>(recorded[i])]);
}

/// Forks a child that writes steps 0..`steps` of the small run and then, with no on_finish,
/// either kills itself with SIGKILL (`die`) or reports on `ready` and waits to be killed.
pid_t spawn_writer(const std::string& path, std::uint32_t steps, bool die, int ready = -1) {
  const pid_t child = fork();
  if (child != 0) return child;
  // The child never returns into Catch: it writes, then dies as a killed run would.
  try {
    output::RunWriter writer(path, test::small_info(10), output::WriterOptions{4, 1, false, {}});
    sim::AgentStore agents = test::small_agents();
    writer.on_start(test::small_network(true), agents, {});
    for (std::uint32_t s = 1; s <= steps; ++s) {
      test::advance(agents, s);
      writer.on_step(s, agents, {});
    }
    if (die) kill(getpid(), SIGKILL);
    char byte = 1;
    if (write(ready, &byte, 1) == 1)
      for (;;) pause();
  } catch (...) {
  }
  _exit(1);
}

/// The wellbeing the child computed at steps 0..steps.
std::vector<std::vector<float>> child_history(std::uint32_t steps) {
  sim::AgentStore agents = test::small_agents();
  std::vector<std::vector<float>> history{agents.wellbeing};
  for (std::uint32_t s = 1; s <= steps; ++s) {
    test::advance(agents, s);
    history.push_back(agents.wellbeing);
  }
  return history;
}

}  // namespace

TEST_CASE("a writer dropped without on_finish leaves a readable running file", "[output]") {
  test::TempDir dir("output-dropped");
  const std::string path = dir.file("run.h5");
  const auto history =
      test::write_small_run(path, 10, 3, output::WriterOptions{2, 1, false, {}}, /*finish=*/false);
  RunReader r(path);
  CHECK(r.status() == "running");
  CHECK(r.manifest().at("finished_at").empty());
  check_steps(r, history, 3);
  CHECK(r.recorded_steps() == std::vector<std::int32_t>{0, 2});
}

TEST_CASE("a run killed by SIGKILL reads back every step it completed", "[output]") {
  test::TempDir dir("output-sigkill");
  const std::string path = dir.file("killed.h5");
  const pid_t child = spawn_writer(path, 5, /*die=*/true);
  REQUIRE(child > 0);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);

  RunReader r(path);
  CHECK(r.status() == "running");
  check_steps(r, child_history(5), 5);
  CHECK(r.recorded_steps() == std::vector<std::int32_t>{0, 4});
  CHECK(r.original_ids() == test::small_network(true).original_id);
}

TEST_CASE("a run in progress can be read from another process", "[output]") {
  // The writer holds HDF5's file lock for as long as it runs; the reader must not need it.
  test::TempDir dir("output-live");
  const std::string path = dir.file("live.h5");
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  const pid_t child = spawn_writer(path, 3, /*die=*/false, ready[1]);
  REQUIRE(child > 0);
  char byte = 0;
  const bool child_ready = read(ready[0], &byte, 1) == 1;
  close(ready[0]);
  close(ready[1]);
  if (child_ready) {
    RunReader r(path);
    CHECK(r.status() == "running");
    check_steps(r, child_history(3), 3);
  }
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  REQUIRE(child_ready);
}
