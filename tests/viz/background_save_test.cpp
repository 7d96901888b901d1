// Saving a live branch on another thread: the panel's status while it runs, its message or its
// error once it ends, one save at a time; and the file a background save writes while the
// session steps on is the file a save at that moment writes.
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>

#include "batch/live_session.hpp"
#include "models/scenario_schema.hpp"
#include "output/run_reader.hpp"
#include "tests/test_support.hpp"
#include "viz/background_save.hpp"

using namespace wellsim;

TEST_CASE("a background save says it is saving, then what it saved or why it failed",
          "[viz][live]") {
  viz::BackgroundSave save;
  CHECK_FALSE(save.busy());
  CHECK(save.poll().empty());
  std::promise<void> go;
  std::shared_future<void> released = go.get_future().share();
  REQUIRE(save.start([released] { released.wait(); }, "class-policy.h5", "saved class-policy.h5"));
  CHECK(save.busy());
  CHECK(save.status() == "saving class-policy.h5 ...");
  CHECK(save.poll().empty());                        // still running
  CHECK_FALSE(save.start([] {}, "other.h5", "no"));  // one at a time
  go.set_value();
  std::string said;
  for (int k = 0; k < 2000 && said.empty(); ++k) {
    said = save.poll();
    if (said.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK(said == "saved class-policy.h5");
  CHECK_FALSE(save.busy());
  CHECK(save.status().empty());
  REQUIRE(save.start([] { throw std::runtime_error("x.h5: cannot write"); }, "x.h5", "saved"));
  for (int k = 0; k < 2000 && save.busy(); ++k) {
    said = save.poll();
    if (save.busy()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK(said == "x.h5: cannot write");
}

TEST_CASE("a branch saved on another thread while the session steps is the branch's file",
          "[viz][live]") {
  test::TempDir dir("live-background-save");
  const std::string town =
      dir.write("town.toml",
                "[run]\nmodel = \"town\"\nseed = 5\nsteps = 10\n[population]\nneighbourhoods = "
                "[\"A\", \"B\"]\nsizes = [200, 150]\n[output]\nrecord_every = 2\n");
  batch::LiveSession s(sim::load_scenario(town, models::scenario_schema()));
  s.step();
  s.add("[[intervention]]\ntype = \"price_shock\"\nenergy = 2.0\n", "shock.toml");
  auto task = s.save_task(batch::Branch::Policy, dir.file("background.h5"), 1, false);
  {
    viz::BackgroundSave save;
    REQUIRE(save.start(task, "background.h5", "saved"));
    // The lesson goes on: the session steps and forks again while the file is written.
    while (s.step()) {
    }
    s.remove("price_shock");
  }  // waits for the save
  batch::LiveSession again(sim::load_scenario(town, models::scenario_schema()));
  again.step();
  again.add("[[intervention]]\ntype = \"price_shock\"\nenergy = 2.0\n", "shock.toml");
  again.save(batch::Branch::Policy, dir.file("direct.h5"), 1, false);
  const output::RunReader a(dir.file("background.h5")), b(dir.file("direct.h5"));
  REQUIRE(a.status() == "complete");
  REQUIRE(a.dataset_names() == b.dataset_names());
  for (const auto& ds : b.dataset_names()) {
    INFO(ds);
    CHECK(a.raw_bytes(ds) == b.raw_bytes(ds));
  }
}
