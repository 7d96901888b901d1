// Live mode as the viewer sees it: the clock and the difference map (LiveView, over a model
// whose values the test sets), the panel's form built from the registry's declarations, and the
// real `wellsim view --live` from outside: bad input in one line, scripted fork, save and export
// equal to `wellsim run`, and under Xvfb a difference map that is blank at the fork and not after.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "batch/live_session.hpp"
#include "models/interventions/intervention_registry.hpp"
#include "models/scenario_schema.hpp"
#include "output/run_reader.hpp"
#include "tests/batch/live_fixture.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"
#include "tests/viz/xvfb_view.hpp"
#include "viz/intervention_form.hpp"
#include "viz/live_view.hpp"
#include "viz/video_pipe.hpp"

#ifdef WELLSIM_HAVE_VIEWER
#include <stb_image.h>
#endif

using namespace wellsim;
using test::kCaseWork;

namespace {

/// A model whose branches hold what the test puts in them; step() counts weeks up to `last`.
class FakeModel : public viz::LiveModel {
 public:
  std::vector<float> base{5, 6, 7}, policy{5, 6, 7};
  std::vector<double> means{6};
  std::uint32_t now = 0, last = 10, fork = 0;
  sim::Network net;
  std::vector<viz::LiveInterventionType> none;

  std::string name() const override { return "fake"; }
  std::uint64_t seed() const override { return 1; }
  const sim::Network& network() const override { return net; }
  std::uint32_t week() const override { return now; }
  std::uint32_t last_week() const override { return last; }
  bool forked() const override { return fork > 0; }
  std::uint32_t fork_week() const override { return fork; }
  bool step() override { return now < last ? (++now, true) : false; }
  std::span<const float> wellbeing(viz::LiveBranch b) const override {
    return b == viz::LiveBranch::Policy ? policy : base;
  }
  std::span<const std::uint32_t> households() const override { return {}; }
  const std::vector<double>& mean(viz::LiveBranch) const override { return means; }
  const std::vector<viz::LiveInterventionType>& types() const override { return none; }
  std::vector<viz::LiveInterventionRow> interventions() const override { return {}; }
  void add(const std::string&, const std::string&) override {}
  void remove(const std::string&) override {}
  void change(const std::string&, const std::string&, const std::string&) override {}
  void save(viz::LiveBranch, const std::string&) override {}
  std::function<void()> saver(viz::LiveBranch, const std::string&) const override {
    return [] {};
  }
  void export_toml(viz::LiveBranch, const std::string&) override {}
};

using test::kLiveTown;
using test::kPriceShock;

/// The id of the first person of `town` with two problems at `week`, and their neighbourhood.
std::pair<std::int64_t, std::int32_t> person_in_need(const std::string& town, std::uint32_t week) {
  batch::LiveSession s(sim::load_scenario(town, models::scenario_schema()));
  while (s.week() < week) s.step();
  const sim::AgentId who = test::person_in_need(s);
  return {s.network().original_id[who], s.network().group[who]};
}

/// Every dataset of the two run files holds the same bytes.
void check_same_datasets(const std::string& a_path, const std::string& b_path) {
  const output::RunReader a(a_path), b(b_path);
  REQUIRE(a.dataset_names() == b.dataset_names());
  for (const auto& ds : b.dataset_names()) {
    INFO(ds);
    CHECK(a.raw_bytes(ds) == b.raw_bytes(ds));
  }
}

viz::LiveInterventionType registry_type(const std::string& name) {
  const models::InterventionType* t = models::find_intervention_type(name);
  REQUIRE(t != nullptr);
  viz::LiveInterventionType out{t->name, models::level_name(t->level), t->help,
                                models::intervention_common_params()};
  out.params.insert(out.params.end(), t->params.begin(), t->params.end());
  return out;
}

}  // namespace

TEST_CASE("the live clock computes the weeks the speed allows, a few a frame at most",
          "[viz][live]") {
  FakeModel m;
  m.last = 3 + viz::LiveView::kMaxStepsPerFrame + 3;
  viz::LiveView v(m);
  CHECK(v.advance(1.0) == 0);  // paused
  v.set_playing(true);
  v.set_speed(10);
  CHECK(v.advance(0.25) == 2);  // 2.5 weeks owed: two now, the half carried
  CHECK(v.advance(0.05) == 1);
  CHECK(m.now == 3);
  CHECK(v.advance(5.0) == viz::LiveView::kMaxStepsPerFrame);  // a stalled frame never snowballs
  CHECK(v.advance(5.0) == 3);                                 // the last three, then it stops
  CHECK_FALSE(v.playing());
  v.set_speed(1e6);
  CHECK(v.speed() == viz::LiveView::kMaxSpeed);
}

TEST_CASE("the live map shows the policy until a fork, then policy minus baseline", "[viz][live]") {
  FakeModel m;
  viz::LiveView v(m);
  CHECK(v.show() == viz::LiveShow::Policy);
  CHECK(v.scale().kind() == viz::MapKind::Sequential);
  m.fork = 3;
  m.policy = {5.5f, 6, 6.2f};
  CHECK(v.show() == viz::LiveShow::Difference);
  const std::vector<float> d = v.values();
  CHECK(d == std::vector<float>{0.5f, 0, 6.2f - 7});
  CHECK(v.scale().kind() == viz::MapKind::Diverging);
  CHECK(v.scale().hi() == Approx(1.0));  // nice_ceil(0.8)
  m.policy = {5.01f, 6, 7};              // a smaller ripple keeps the legend the fork started with
  (void)v.values();
  CHECK(v.scale().hi() == Approx(1.0));
  m.fork = 5;  // a new fork starts its own legend
  m.policy = m.base;
  (void)v.values();
  CHECK(v.scale().hi() == Approx(0.01));
  v.set_show(viz::LiveShow::Baseline);
  CHECK(v.values() == m.base);
}

TEST_CASE("the live form is the registry's declaration and reads back as the same table",
          "[viz][live]") {
  viz::InterventionForm form =
      viz::make_form(registry_type("youth_project"), {"North", "Middle", "South"}, 52);
  CHECK(form.field("type") == nullptr);        // the form's own
  CHECK(form.field("start_week") == nullptr);  // the fork week
  REQUIRE(form.field("uptake") != nullptr);
  CHECK(form.field("uptake")->widget == viz::FieldWidget::Slider);
  CHECK(form.field("uptake")->lo == 0);
  CHECK(form.field("uptake")->hi == 1);
  // "places, 0 = unlimited, up to 10^12": a slider that moves in useful steps.
  CHECK(form.field("capacity")->hi == 100);
  CHECK(form.field("end_week")->lo == 1);  // over the run's weeks, not to 10^6
  CHECK(form.field("end_week")->hi == 52);
  CHECK(form.field("queue")->widget == viz::FieldWidget::Combo);
  CHECK(form.field("target.neighbourhoods")->widget == viz::FieldWidget::Neighbourhoods);
  REQUIRE(form.field("victimisation_reduction") != nullptr);
  CHECK(form.to_toml() == "[[intervention]]\ntype = \"youth_project\"\n");

  form.field("capacity")->value = std::int64_t{60};
  form.field("target.neighbourhoods")->value = std::vector<std::string>{"South"};
  form.field("target.filter")->raw = "[\"age<25\"]";
  test::TempDir dir("live-form");
  const sim::Scenario town =
      sim::load_scenario(dir.write("town.toml", kLiveTown), models::scenario_schema());
  const auto entries = batch::parse_intervention_tables(form.to_toml(), "the panel", town);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].variant == "youth_project");
  CHECK(entries[0].values.integer("capacity") == 60);
  CHECK(entries[0].values.strings("target.neighbourhoods") == std::vector<std::string>{"South"});
  CHECK(entries[0].values.strings("target.filter") == std::vector<std::string>{"age<25"});
}

TEST_CASE("the change form starts from the intervention's own values", "[viz][live]") {
  test::TempDir dir("live-change-form");
  const std::string text = kLiveTown + R"(
[[intervention]]
type = "food_bank"
name = "food_bank"
capacity = 40
duration_weeks = 6
)";
  batch::LiveSession s(sim::load_scenario(dir.write("town.toml", text), models::scenario_schema()));
  const auto rows = s.interventions(batch::Branch::Policy);
  REQUIRE(rows.size() == 1);
  viz::InterventionForm form = viz::make_form(registry_type("food_bank"), {}, 12);
  viz::fill_form(form, rows[0].values);
  CHECK(std::get<std::int64_t>(form.field("capacity")->value) == 40);
  const std::string toml = form.to_toml();
  CHECK_THAT(toml, Catch::Contains("capacity = 40\n") && Catch::Contains("duration_weeks = 6\n") &&
                       Catch::Contains("name = \"food_bank\"\n"));
  form.field("capacity")->value = std::int64_t{90};
  s.step();
  s.change("food_bank", form.to_toml(), "the live panel");
  const auto after = s.interventions(batch::Branch::Policy);
  REQUIRE(after.size() == 2);
  CHECK(after[0].end_week == 1);
  CHECK(after[1].name == "food_bank_w2");
  CHECK(std::get<std::int64_t>(after[1].values.at("capacity")) == 90);
  CHECK(std::get<std::int64_t>(after[1].values.at("duration_weeks")) == 6);
}

TEST_CASE("view --live refuses a bad scenario and a bad edit in one line", "[viz][live]") {
  test::TempDir dir("live-cli-bad");
  const std::string town = dir.write("town.toml", kLiveTown);
  auto refused = [&](std::vector<std::string> args, const std::string& says) {
    args.insert(args.begin(), {"view", "--live"});
    const auto r = test::run_wellsim(args);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find(says) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  };
  refused({dir.write("bad.toml", "[run]\nsteps = -3\n"), "--export-toml", dir.file("x.toml")},
          "bad.toml:2: run.steps");
  refused({town, "--fork-with", dir.write("edit.toml", "[[intervention]]\ntype = \"magic\"\n"),
           "--export-toml", dir.file("x.toml")},
          "edit.toml:2: intervention[1].type");
  refused({town, "--fork-with", dir.file("none.toml"), "--export-toml", dir.file("x.toml")},
          "none.toml: cannot read live edit");
  refused({town, "--live-steps", "13", "--export-toml", dir.file("x.toml")},
          "--live-steps 13: the scenario has 12 weeks");
  refused({town, "--week", "3", "--export-toml", dir.file("x.toml")},
          "--live: BASELINE, --side-by-side, --week");
  refused({town, "--chart", "median", "--export-toml", dir.file("x.toml")},
          "--chart and --replicates replay run files");
  refused({town, "--record", dir.file("class.mp4"), "--from", "1", "--to", "5"},
          "--to: a live recording ends at --live-steps");
  refused({town, "--record", dir.file("class.mp4"), "--bench-frames", "5"},
          "--bench-frames times the window; --record renders offscreen");
  refused({town, "--record", dir.file("class.mp4"), "--from", "9", "--live-steps", "6"},
          "--from 9 comes after --live-steps 6");
  refused({town, "--record", dir.file("class.mp4"), "--fork-with", town, "--fork-week", "14"},
          "--fork-week 14 comes after week 12, the last the recording reaches");
  refused({town, "--fork-person", "3", "--export-toml", dir.file("x.toml")},
          "--fork-person and --fork-household say whom the --fork-with interventions reach");
  refused({town, "--fork-with", dir.write("case.toml", kCaseWork), "--fork-person", "987654",
           "--export-toml", dir.file("x.toml")},
          "case.toml:1: intervention[1].target.people: no person 987654 in the population (750 "
          "people)");
  refused({town, "--fork-with", dir.file("case.toml"), "--fork-household", "5000", "--export-toml",
           dir.file("x.toml")},
          "case.toml:1: intervention[1].target.households: no household 5000 in the population");
  refused({town, "--live-steps", "4", "--fork-week", "6", "--fork-with", town},
          "--fork-week 6 comes after --live-steps 4");
  refused({town, "--live-form", "free_money", "--export-toml", dir.file("x.toml")},
          "--live-form free_money: no such intervention type (case_management, ");
  const auto r = test::run_wellsim({"view", dir.file("run.h5"), "--fork-with", town});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("need --live SCENARIO"));
#ifdef WELLSIM_HAVE_VIEWER
  // Found before any window opens.
  refused({town, "--select", "987654", "--screenshot", dir.file("x.png")},
          "--select 987654: no person with that id among the 750 people");
#endif
}

TEST_CASE("view --live saves the forked branch as wellsim run writes its exported scenario",
          "[viz][live]") {
  test::TempDir dir("live-cli-save");
  const std::string town = dir.write("town.toml", kLiveTown);
  const auto live = test::run_wellsim({"view", "--live", town, "--fork-with",
                                       dir.write("shock.toml", kPriceShock), "--fork-week", "3",
                                       "--live-steps", "9", "--save-policy", dir.file("live.h5"),
                                       "--export-toml", dir.file("policy.toml")});
  INFO(live.err);
  REQUIRE(live.status == 0);
  const sim::Scenario exported =
      sim::load_scenario(dir.file("policy.toml"), models::scenario_schema());
  CHECK(exported.list("intervention").back().values.integer("start_week") == 3);
  const auto ran = test::run_wellsim({"run", dir.file("policy.toml"), "-o", dir.file("run.h5")});
  REQUIRE(ran.status == 0);
  check_same_datasets(dir.file("live.h5"), dir.file("run.h5"));
}

TEST_CASE("the form's target buttons aim it at one person or their household", "[viz][live]") {
  viz::InterventionForm form = viz::make_form(registry_type("case_management"), {}, 12);
  REQUIRE(form.field("target.people") != nullptr);
  REQUIRE(form.field("target.households") != nullptr);
  viz::target_person(form, 412);
  CHECK_THAT(form.to_toml(),
             Catch::Contains("target.people = [412]\n") && !Catch::Contains("target.households"));
  viz::target_household(form, 37);
  const std::string toml = form.to_toml();
  CHECK_THAT(toml,
             Catch::Contains("target.households = [37]\n") && !Catch::Contains("target.people"));
  test::TempDir dir("live-target-form");
  const sim::Scenario town =
      sim::load_scenario(dir.write("town.toml", kLiveTown), models::scenario_schema());
  const auto entries = batch::parse_intervention_tables(toml, "the panel", town);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].values.reals("target.households") == std::vector<double>{37});
  CHECK(entries[0].values.reals("target.people").empty());
}

TEST_CASE("view --live aimed at one person saves what wellsim run makes of its export",
          "[viz][live]") {
  test::TempDir dir("live-cli-person");
  const std::string town = dir.write("town.toml", kLiveTown);
  const auto [id, group] = person_in_need(town, 4);
  const auto live = test::run_wellsim(
      {"view", "--live", town, "--fork-with", dir.write("case.toml", kCaseWork), "--fork-week", "5",
       "--fork-person", std::to_string(id), "--live-steps", "9", "--save-policy",
       dir.file("live.h5"), "--export-toml", dir.file("policy.toml")});
  INFO(live.err);
  REQUIRE(live.status == 0);
  const sim::Scenario exported =
      sim::load_scenario(dir.file("policy.toml"), models::scenario_schema());
  CHECK(exported.list("intervention").back().values.reals("target.people") ==
        std::vector<double>{double(id)});
  const auto ran = test::run_wellsim({"run", dir.file("policy.toml"), "-o", dir.file("run.h5")});
  REQUIRE(ran.status == 0);
  check_same_datasets(dir.file("live.h5"), dir.file("run.h5"));
}

#ifdef WELLSIM_HAVE_VIEWER
namespace {

/// Pixels of the network picture (left of the side panel, above the timeline) that the
/// difference scale paints clearly blue or red: white is no difference.
int coloured_pixels(const std::string& png) {
  int w = 0, h = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &channels, 4);
  REQUIRE(img != nullptr);
  int count = 0;
  for (int y = 0; y < h * 8 / 10; ++y)
    for (int x = 0; x < w * 6 / 10; ++x) {
      const unsigned char* p = img + 4 * (std::size_t(y) * std::size_t(w) + std::size_t(x));
      if (std::abs(int(p[0]) - int(p[2])) > 60 && std::max(p[0], p[2]) > 150) ++count;
    }
  stbi_image_free(img);
  return count;
}

/// Pixels in the lower half of the side panel (the right 30%) lighter than the panel's
/// background: text, widgets and their frames.
int panel_ink(const std::string& png) {
  int w = 0, h = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &channels, 4);
  REQUIRE(img != nullptr);
  int count = 0;
  for (int y = h / 2; y < h; ++y)
    for (int x = w * 72 / 100; x < w; ++x) {
      const unsigned char* p = img + 4 * (std::size_t(y) * std::size_t(w) + std::size_t(x));
      if (int(p[0]) + p[1] + p[2] > 3 * 45) ++count;
    }
  stbi_image_free(img);
  return count;
}

}  // namespace

TEST_CASE("view --live draws the fork's ripple: blank at the fork, coloured after",
          "[viz][live][render][gl]") {
  test::TempDir dir("live-render");
  const std::string town = dir.write("town.toml", kLiveTown);
  const std::string shock = dir.write("shock.toml", kPriceShock);
  const std::string at_fork = dir.file("at_fork.png"), after = dir.file("after.png");
  const std::string common = town + " --live --fork-with " + shock + " --fork-week 4";
  if (!test::view_under_xvfb(common + " --live-steps 3 --screenshot " + at_fork, dir.file("a.log")))
    return;
  REQUIRE(
      test::view_under_xvfb(common + " --live-steps 12 --screenshot " + after, dir.file("b.log")));
  const int before_count = coloured_pixels(at_fork), after_count = coloured_pixels(after);
  INFO("coloured pixels at the fork " << before_count << ", 9 weeks later " << after_count);
  CHECK(before_count == 0);
  CHECK(after_count > 500);
  // The add form, opened on a type, fills the side panel below the save buttons' old place.
  const std::string form = dir.file("form.png");
  REQUIRE(test::view_under_xvfb(town + " --live --live-form youth_project --screenshot " + form,
                                dir.file("f.log")));
  const int plain = panel_ink(after), with_form = panel_ink(form);
  INFO("ink in the side panel's lower half: " << plain << " without the form, " << with_form
                                              << " with it");
  CHECK(with_form > plain + 5000);
  // The window's own loop, played at full speed to the last week.
  const auto said = test::view_under_xvfb(town + " --live --bench-frames 200", dir.file("c.log"));
  REQUIRE(said);
  CHECK_THAT(*said, Catch::Contains("one branch: 12 live weeks in"));
}
#endif

#ifdef WELLSIM_HAVE_VIEWER
namespace {

/// Clearly coloured pixels (the difference scale's blue or red) of `png` inside the box around
/// the people of neighbourhood `group`, whose screen positions `positions` gives (the
/// --dump-positions format: "# ..." lines, then "AGENT X Y").
int coloured_in_group(const std::string& png, const std::string& positions,
                      const std::vector<std::int32_t>& groups, std::int32_t group) {
  std::ifstream in(positions);
  std::string line;
  float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream row(line);
    std::size_t agent = 0;
    float x = 0, y = 0;
    row >> agent >> x >> y;
    if (agent < groups.size() && groups[agent] == group)
      x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
  }
  REQUIRE(x0 <= x1);
  int w = 0, h = 0, channels = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &channels, 4);
  REQUIRE(img != nullptr);
  int count = 0;
  for (int y = std::max(0, int(y0) - 8); y < std::min(h, int(y1) + 8); ++y)
    for (int x = std::max(0, int(x0) - 8); x < std::min(w, int(x1) + 8); ++x) {
      const unsigned char* p = img + 4 * (std::size_t(y) * std::size_t(w) + std::size_t(x));
      if (std::abs(int(p[0]) - int(p[2])) > 60 && std::max(p[0], p[2]) > 150) ++count;
    }
  stbi_image_free(img);
  return count;
}

}  // namespace

TEST_CASE("a fork aimed at one person colours their neighbourhood and leaves a far one blank",
          "[viz][live][render][gl]") {
  test::TempDir dir("live-person-render");
  const std::string town = dir.write("town.toml", kLiveTown);
  const auto [id, group] = person_in_need(town, 4);
  const std::string png = dir.file("person.png"), positions = dir.file("positions.txt"),
                    layout = dir.file("layout.txt");
  if (!test::view_under_xvfb(
          "--live " + town + " --fork-with " + dir.write("case.toml", kCaseWork) +
              " --fork-week 5 " + "--fork-person " + std::to_string(id) + " --live-steps 6 " +
              "--screenshot " + png + " --dump-positions " + positions + " --select " +
              std::to_string(id) + " --live-form case_management --dump-layout " + layout,
          dir.file("log")))
    return;
  batch::LiveSession s(sim::load_scenario(town, models::scenario_schema()));
  const auto& groups = s.network().group;
  // The far neighbourhood: kLiveTown's are North, Middle and South, laid out apart.
  const std::int32_t far = group == 0 ? 2 : 0;
  const int own = coloured_in_group(png, positions, groups, group);
  const int other = coloured_in_group(png, positions, groups, far);
  INFO("coloured pixels: " << own << " in the person's neighbourhood, " << other << " in "
                           << s.network().group_names[std::size_t(far)]);
  CHECK(own > 20);  // at least their own dot
  CHECK(other == 0);
  // Selected, the person's form offers "target: person ID" and "their household".
  const std::string marks = test::read_text(layout);
  CHECK_THAT(marks,
             Catch::Contains(": target person\n") && Catch::Contains(": target household\n"));
}

TEST_CASE("a live recording has a frame per week, each the live screenshot of that week",
          "[viz][live][render][gl]") {
  if (!viz::on_path("ffmpeg")) {
    WARN("ffmpeg is not installed (Debian ffmpeg): recording not tested");
    return;
  }
  test::TempDir dir("live-record");
  const std::string town = dir.write("town.toml", kLiveTown);
  const std::string fork =
      town + " --live --fork-with " + dir.write("shock.toml", kPriceShock) + " --fork-week 3";
  const std::string mp4 = dir.file("live.mp4");
  if (!test::view_under_xvfb(fork + " --live-steps 8 --from 2 --record " + mp4 +
                                 " --width 640 --height 480 --save-policy " + dir.file("p.h5"),
                             dir.file("log")))
    return;
  // Weeks 2 to 8: seven frames of 640 x 480.
  CHECK(test::video_frames(mp4) == "640,480,7\n");
  // The saves come after the recording, from the week it reached.
  CHECK(output::RunReader(dir.file("p.h5")).status() == "complete");
  // The last frame (week 8) is the screenshot of week 8.
  const std::string frame = dir.file("frame.png"), shot = dir.file("shot.png");
  test::extract_frame(mp4, 6, frame);
  REQUIRE(test::view_under_xvfb(
      fork + " --live-steps 8 --screenshot " + shot + " --width 640 --height 480",
      dir.file("log2")));
  const double last = test::frame_difference(frame, shot);
  CHECK(last < 4.0);  // H.264 is lossy: the same picture within a few levels
  // Week 5's frame is further from week 8's picture: the ripple grows between them.
  test::extract_frame(mp4, 3, frame);
  CHECK(test::frame_difference(frame, shot) > last + 0.5);
}
#endif
