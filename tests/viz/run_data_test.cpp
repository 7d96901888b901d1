// The viewer's view of run files: stored or computed layouts, captions, comparisons, bad files.
#include "viz/run_data.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "output/run_reader.hpp"
#include "sim/errors.hpp"
#include "tests/output/run_fixture.hpp"
#include "tests/test_support.hpp"
#include "viz/paired_replay.hpp"
#include "viz/viewer_state.hpp"

using namespace wellsim;

namespace {

/// The small run of the output tests, with a stored layout when `layout` is set; records steps
/// 0, 2, 4 and 5, and the advance() of every step is scaled by `shift` (0: the baseline).
void write_run(const std::string& path, bool layout, float shift = 1.0f) {
  output::WriterOptions opts;
  opts.record_every = 2;
  output::RunInfo info = test::small_info(5);
  info.parameters["run.caption"] = "\"Five people \\\"in a ring\\\".\"";
  info.typed_parameters.push_back({"run.caption", std::string("Five people \"in a ring\"."),
                                   sim::ParamType::String, "", "a caption"});
  output::RunWriter writer(path, info, opts);
  if (layout) writer.set_layout({0, 1, 2, 3, 4}, {4, 3, 2, 1, 0});
  sim::AgentStore agents = test::small_agents();
  writer.on_start(test::small_network(false), agents, {});
  for (std::uint32_t s = 1; s <= 5; ++s) {
    for (float& w : agents.wellbeing) w += shift * 0.1f * float(s);
    writer.on_step(s, agents, {});
  }
  writer.on_finish(5);
}

}  // namespace

TEST_CASE("the layout is stored in the run file and read back", "[viz][output]") {
  test::TempDir dir("viz-layout");
  write_run(dir.file("with.h5"), true);
  write_run(dir.file("without.h5"), false);
  output::RunReader with(dir.file("with.h5")), without(dir.file("without.h5"));
  CHECK(with.has_layout());
  CHECK(with.layout_x() == std::vector<float>{0, 1, 2, 3, 4});
  CHECK(with.layout_y() == std::vector<float>{4, 3, 2, 1, 0});
  CHECK_FALSE(without.has_layout());
  CHECK(without.layout_x().empty());

  viz::RunData stored(dir.file("with.h5")), computed(dir.file("without.h5"));
  CHECK(stored.layout_stored());
  CHECK(stored.layout().x == std::vector<float>{0, 1, 2, 3, 4});
  CHECK_FALSE(computed.layout_stored());
  CHECK(computed.layout().size() == 5);
  CHECK(computed.caption() == "Five people \"in a ring\".");
  CHECK(computed.weeks() == std::vector<std::int32_t>{0, 2, 4, 5});
  const std::vector<float> series = computed.person_series(0);
  const std::vector<float> want{1.5f, 1.8f, 2.5f, 3.0f};  // + 0.1 s at each step s
  REQUIRE(series.size() == want.size());
  for (std::size_t r = 0; r < want.size(); ++r) CHECK(series[r] == Approx(want[r]).margin(1e-5));
  output::RunWriter bad(dir.file("bad.h5"), test::small_info(1), {});
  bad.set_layout({1, 2}, {3, 4});
  sim::AgentStore agents = test::small_agents();
  CHECK_THROWS_AS(bad.on_start(test::small_network(false), agents, {}), std::invalid_argument);
}

TEST_CASE("a comparison colours each person by the difference from their baseline self", "[viz]") {
  test::TempDir dir("viz-compare");
  write_run(dir.file("policy.h5"), true, 1.0f);
  write_run(dir.file("base.h5"), true, 0.0f);
  viz::RunData policy(dir.file("policy.h5")), base(dir.file("base.h5"));
  viz::PairedReplay cmp(policy, base);
  CHECK(cmp.same_week(2));
  const auto d = cmp.difference_at(2);  // week 4: 0.1 * (1 + 2 + 3 + 4) for everyone
  for (float x : d) CHECK(x == Approx(1.0f).margin(1e-5));
  CHECK(cmp.range() == Approx(2.0f));  // week 5: 1.5, rounded up to a readable end
  CHECK(cmp.mean_difference().back() == Approx(1.5).margin(1e-5));

  viz::ViewerState state(policy, &base);
  CHECK(state.difference_mode());
  state.timeline().scrub(4);
  CHECK(state.values()[3] == Approx(1.0f).margin(1e-5));
  CHECK(state.scale().kind() == viz::MapKind::Diverging);
  state.set_difference_mode(false);
  CHECK(state.values()[3] == Approx(policy.row(2)[3]));
  state.select(2);
  CHECK(state.hops() == std::vector<std::uint32_t>{2, 1, 0, 1, 2});
  CHECK(state.selected_series().size() == 4);
}

TEST_CASE("bad run files are one-line input errors", "[viz]") {
  test::TempDir dir("viz-bad");
  const std::string text = dir.write("text.h5", "not a run\n");
  CHECK_THROWS_AS(viz::RunData(text), sim::InputError);
  CHECK_THROWS_WITH(viz::RunData(dir.file("missing.h5")),
                    Catch::Matchers::EndsWith("missing.h5: no such file"));
  // A truncated file: the first kilobytes of a valid one.
  write_run(dir.file("whole.h5"), true);
  std::ifstream in(dir.file("whole.h5"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::ofstream(dir.file("cut.h5"), std::ios::binary) << bytes.substr(0, bytes.size() / 3);
  CHECK_THROWS_AS(viz::RunData(dir.file("cut.h5")), sim::InputError);
}
