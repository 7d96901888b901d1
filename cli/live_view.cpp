#include "cli/live_view.hpp"

#include <tbb/info.h>

#include "batch/live_session.hpp"
#include "cli/options.hpp"
#include "models/interventions/intervention_registry.hpp"
#include "sim/errors.hpp"
#include "sim/input_file.hpp"
#include "viz/live_model.hpp"
#include "viz/video_pipe.hpp"
#ifdef WELLSIM_HAVE_VIEWER
#include "viz/gl/live_viewer.hpp"
#endif

namespace wellsim::cli {

namespace {

constexpr const char* kNoViewer =
    "this wellsim was built without the viewer: install libimgui-dev libstb-dev libglfw3-dev "
    "libgl-dev (scripts/install-deps.sh) and rebuild";

batch::Branch branch(viz::LiveBranch b) {
  return b == viz::LiveBranch::Policy ? batch::Branch::Policy : batch::Branch::Baseline;
}

/// The registry's types with the keys every type has first, as the panel's forms want them.
std::vector<viz::LiveInterventionType> registry_types() {
  std::vector<viz::LiveInterventionType> out;
  for (const auto& t : models::intervention_types()) {
    viz::LiveInterventionType type{t.name, models::level_name(t.level), t.help,
                                   models::intervention_common_params()};
    type.params.insert(type.params.end(), t.params.begin(), t.params.end());
    out.push_back(std::move(type));
  }
  return out;
}

/// A batch::LiveSession seen through the viewer's interface: the viewer may not call batch/
/// itself (DESIGN layering), so this forwards.
class SessionModel : public viz::LiveModel {
 public:
  explicit SessionModel(const sim::Scenario& sc)
      : session_(sc),
        name_(models::run_settings(sc).name),
        seed_(models::run_settings(sc).seed),
        types_(registry_types()) {}
  batch::LiveSession& session() { return session_; }

  std::string name() const override { return name_; }
  std::uint64_t seed() const override { return seed_; }
  const sim::Network& network() const override { return session_.network(); }
  std::uint32_t week() const override { return session_.week(); }
  std::uint32_t last_week() const override { return session_.last_week(); }
  bool forked() const override { return session_.forked(); }
  std::uint32_t fork_week() const override { return session_.fork_week(); }
  bool step() override { return session_.step(); }
  std::span<const float> wellbeing(viz::LiveBranch b) const override {
    return session_.agents(branch(b)).wellbeing;
  }
  std::span<const std::uint32_t> households() const override {
    return session_.agents(batch::Branch::Baseline).household;
  }
  const std::vector<double>& mean(viz::LiveBranch b) const override {
    return session_.mean(branch(b));
  }
  const std::vector<viz::LiveInterventionType>& types() const override { return types_; }
  std::vector<viz::LiveInterventionRow> interventions() const override {
    std::vector<viz::LiveInterventionRow> rows;
    for (const auto& i : session_.interventions(batch::Branch::Policy))
      rows.push_back({i.name, i.type, i.start_week, i.end_week, i.values});
    return rows;
  }
  void add(const std::string& toml, const std::string& origin) override {
    session_.add(toml, origin);
  }
  void remove(const std::string& name) override { session_.remove(name); }
  void change(const std::string& name, const std::string& toml,
              const std::string& origin) override {
    session_.change(name, toml, origin);
  }
  void save(viz::LiveBranch b, const std::string& path) override { saver(b, path)(); }
  std::function<void()> saver(viz::LiveBranch b, const std::string& path) const override {
    return session_.save_task(branch(b), path, unsigned(tbb::info::default_concurrency()), true);
  }
  void export_toml(viz::LiveBranch b, const std::string& path) override {
    session_.export_toml(branch(b), path);
  }

 private:
  batch::LiveSession session_;
  std::string name_;
  std::uint64_t seed_;
  std::vector<viz::LiveInterventionType> types_;
};

void step_to(batch::LiveSession& s, int week) {
  if (week > int(s.last_week()))
    throw sim::InputError("--live-steps " + std::to_string(week) + ": the scenario has " +
                          std::to_string(s.last_week()) + " weeks");
  while (int(s.week()) < week) s.step();
}

/// The --fork-with edit, read once, added when the session reaches the week before --fork-week.
class ScriptedFork {
 public:
  explicit ScriptedFork(const LiveOptions& o) : o_(o) {
    if (!o.fork_with.empty())
      text_ = sim::read_input_file(o.fork_with, "live edit", sim::kMaxScenarioBytes);
  }
  /// Adds the edit if the session is at its week and it is not added yet.
  void at_week(batch::LiveSession& s) {
    if (done_ || o_.fork_with.empty() || int(s.week()) != o_.fork_week - 1) return;
    s.add(text_, o_.fork_with, batch::LiveTarget{o_.fork_people, o_.fork_households});
    done_ = true;
  }

 private:
  const LiveOptions& o_;
  std::string text_;
  bool done_ = false;
};

/// The scripted part of a live session, in the order a teacher would click it.
void script(SessionModel& model, const LiveOptions& o) {
  batch::LiveSession& s = model.session();
  ScriptedFork fork(o);
  if (!o.fork_with.empty()) {
    step_to(s, o.fork_week - 1);
    fork.at_week(s);
  }
  if (o.steps >= 0) step_to(s, o.steps);
}

/// The saves and the export, once the session is where the script or the recording left it.
void save_outputs(SessionModel& model, const LiveOptions& o) {
  if (!o.save_baseline.empty()) model.save(viz::LiveBranch::Baseline, o.save_baseline);
  if (!o.save_policy.empty()) model.save(viz::LiveBranch::Policy, o.save_policy);
  if (!o.export_toml.empty()) model.export_toml(viz::LiveBranch::Policy, o.export_toml);
}

/// Records weeks --from (default 0) to --live-steps (default: the last) of the session, the
/// scripted fork made as it reaches its week, then saves and exports as a script would.
int record_live(const viz::ViewerOptions& viewer, SessionModel& model, const LiveOptions& o) {
  batch::LiveSession& s = model.session();
  const int last = o.steps >= 0 ? o.steps : int(s.last_week());
  if (last > int(s.last_week())) step_to(s, last);  // the one-line refusal
  if (viewer.record_from > last)
    throw sim::InputError("--from " + std::to_string(viewer.record_from) + " comes after week " +
                          std::to_string(last) + ", the last the session reaches");
  if (!o.fork_with.empty() && o.fork_week - 1 > last)
    throw sim::InputError("--fork-week " + std::to_string(o.fork_week) + " comes after week " +
                          std::to_string(last) + ", the last the recording reaches");
  std::vector<std::int32_t> weeks(s.last_week() + 1);
  for (std::size_t w = 0; w < weeks.size(); ++w) weeks[w] = std::int32_t(w);
  viz::LiveRecording rec;
  rec.plan = viz::plan_recording(viewer.record, viewer.record_from, last, viewer.fps, weeks);
  ScriptedFork fork(o);
  rec.at_week = [&] { fork.at_week(s); };
#ifdef WELLSIM_HAVE_VIEWER
  const int status = viz::run_live_viewer(viewer, model, o.form, rec);
  save_outputs(model, o);
  return status;
#else
  (void)rec;
  throw sim::RuntimeError(kNoViewer);
#endif
}

/// The --record requests that make no sense with --live, refused in one line.
void check_live_recording(const viz::ViewerOptions& v, const LiveOptions& o) {
  if (!o.live || v.record.empty()) return;
  if (v.record_to >= 0)
    throw sim::InputError("--to: a live recording ends at --live-steps (default: the last week)");
  if (v.bench_frames > 0)
    throw sim::InputError("--bench-frames times the window; --record renders offscreen: give one");
  if (o.steps >= 0 && v.record_from > o.steps)
    throw sim::InputError("--from " + std::to_string(v.record_from) + " comes after --live-steps " +
                          std::to_string(o.steps) + ": nothing would be recorded");
}

}  // namespace

void check_live_mode(const viz::ViewerOptions& v, const LiveOptions& o) {
  const bool replay_only = !v.baseline.empty() || v.side_by_side || v.week >= 0 ||
                           !v.neighbourhoods.empty() || v.size_by_degree || !v.replicates.empty() ||
                           v.chart != "sd";
  if (o.live && replay_only)
    throw sim::InputError(
        "--live: BASELINE, --side-by-side, --week, --neighbourhoods, --size-by-degree, --chart "
        "and --replicates replay run files; the live session makes its own baseline "
        "(--fork-with) and steps with --live-steps");
  if (o.live && !v.dump_layout.empty() && v.screenshot.empty())
    throw sim::InputError("--dump-layout needs --screenshot");
  if (o.live && !v.dump_positions.empty() && v.screenshot.empty())
    throw sim::InputError("--dump-positions needs --screenshot");
  check_live_recording(v, o);
  const bool live_only = o.steps >= 0 || !o.fork_with.empty() || !o.form.empty() ||
                         !o.save_policy.empty() || !o.save_baseline.empty() ||
                         !o.export_toml.empty() || !o.fork_people.empty() ||
                         !o.fork_households.empty();
  if (!o.live && live_only)
    throw sim::InputError(
        "--live-steps, --fork-with, --fork-person, --fork-household, --live-form, --save-policy, "
        "--save-baseline and --export-toml need --live SCENARIO");
  if ((!o.fork_people.empty() || !o.fork_households.empty()) && o.fork_with.empty())
    throw sim::InputError(
        "--fork-person and --fork-household say whom the --fork-with interventions reach: give "
        "--fork-with FILE");
  if (!o.fork_with.empty() && o.steps >= 0 && o.fork_week > o.steps + 1)
    throw sim::InputError("--fork-week " + std::to_string(o.fork_week) +
                          " comes after --live-steps " + std::to_string(o.steps) +
                          ": a fork acts from a week the session reaches");
}

void add_live_options(CLI::App* view, LiveOptions& o) {
  view->add_flag("--live", o.live,
                 "RUN is a scenario (.toml): step its model in the viewer, fork it with an "
                 "intervention and see the difference");
  view->add_option("--live-steps", o.steps, "--live: step to this week before showing")
      ->check(whole_number());
  view->add_option("--fork-with", o.fork_with,
                   "--live: add the [[intervention]] tables of FILE, acting from --fork-week")
      ->type_name("FILE.toml");
  view->add_option("--fork-week", o.fork_week,
                   "--live: the first week the --fork-with interventions act (default 1)")
      ->check(CLI::Range(1, 1000000000));
  view->add_option("--fork-person", o.fork_people,
                   "--live: the --fork-with interventions reach only these people (ids, as "
                   "--select and the panel name them): their target.people")
      ->delimiter(',')
      ->type_name("ID,...");
  view->add_option("--fork-household", o.fork_households,
                   "--live: ... or only the members of these households (the panel's household "
                   "index): their target.households")
      ->delimiter(',')
      ->type_name("H,...");
  view->add_option("--live-form", o.form,
                   "--live: open the panel's add form on this intervention type (screenshots)")
      ->type_name("TYPE");
  view->add_option("--save-policy", o.save_policy,
                   "--live: write the edited branch as a run file (as `wellsim run` would)")
      ->type_name("OUT.h5");
  view->add_option("--save-baseline", o.save_baseline,
                   "--live: write the untouched branch as a run file")
      ->type_name("OUT.h5");
  view->add_option("--export-toml", o.export_toml,
                   "--live: write the edited branch's scenario as TOML")
      ->type_name("OUT.toml");
}

int view_live(const viz::ViewerOptions& viewer, const LiveOptions& o) {
  const sim::Scenario sc = sim::load_scenario(viewer.run, models::scenario_schema());
  if (!o.form.empty() && !models::find_intervention_type(o.form)) {
    std::string names;
    for (const auto& t : models::intervention_types())
      names += (names.empty() ? "" : ", ") + t.name;
    throw sim::InputError("--live-form " + o.form + ": no such intervention type (" + names + ")");
  }
  SessionModel model(sc);
  if (!viewer.record.empty()) return record_live(viewer, model, o);
  script(model, o);
  save_outputs(model, o);
  const bool scripted_only =
      viewer.screenshot.empty() && viewer.bench_frames == 0 &&
      (!o.save_policy.empty() || !o.save_baseline.empty() || !o.export_toml.empty());
  if (scripted_only) return 0;
#ifdef WELLSIM_HAVE_VIEWER
  return viz::run_live_viewer(viewer, model, o.form);
#else
  throw sim::RuntimeError(kNoViewer);
#endif
}

}  // namespace wellsim::cli
