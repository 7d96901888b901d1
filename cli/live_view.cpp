#include "cli/live_view.hpp"

#include <tbb/info.h>

#include "batch/live_session.hpp"
#include "cli/options.hpp"
#include "models/interventions/intervention_registry.hpp"
#include "sim/errors.hpp"
#include "sim/input_file.hpp"
#include "viz/live_model.hpp"
#ifdef WELLSIM_HAVE_VIEWER
#include "viz/gl/live_viewer.hpp"
#endif

namespace wellsim::cli {

namespace {

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
  void save(viz::LiveBranch b, const std::string& path) override {
    session_.save(branch(b), path, unsigned(tbb::info::default_concurrency()), true);
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

/// The scripted part of a live session, in the order a teacher would click it.
void script(SessionModel& model, const LiveOptions& o) {
  batch::LiveSession& s = model.session();
  if (!o.fork_with.empty()) {
    const std::string text = sim::read_input_file(o.fork_with, "live edit", sim::kMaxScenarioBytes);
    step_to(s, o.fork_week - 1);
    s.add(text, o.fork_with);
  }
  if (o.steps >= 0) step_to(s, o.steps);
  if (!o.save_baseline.empty()) model.save(viz::LiveBranch::Baseline, o.save_baseline);
  if (!o.save_policy.empty()) model.save(viz::LiveBranch::Policy, o.save_policy);
  if (!o.export_toml.empty()) model.export_toml(viz::LiveBranch::Policy, o.export_toml);
}

}  // namespace

void check_live_mode(const viz::ViewerOptions& v, const LiveOptions& o) {
  const bool replay_only = !v.baseline.empty() || v.side_by_side || v.week >= 0 || v.select >= 0 ||
                           !v.neighbourhoods.empty() || v.size_by_degree ||
                           !v.dump_positions.empty() || !v.replicates.empty() ||
                           !v.record.empty() || v.chart != "sd";
  if (o.live && replay_only)
    throw sim::InputError(
        "--live: BASELINE, --side-by-side, --week, --select, --neighbourhoods, "
        "--size-by-degree, --dump-positions, --chart, --record and --replicates "
        "replay run files; the live session makes its own baseline (--fork-with) and steps with "
        "--live-steps");
  if (o.live && !v.dump_layout.empty() && v.screenshot.empty())
    throw sim::InputError("--dump-layout needs --screenshot");
  const bool live_only = o.steps >= 0 || !o.fork_with.empty() || !o.form.empty() ||
                         !o.save_policy.empty() || !o.save_baseline.empty() ||
                         !o.export_toml.empty();
  if (!o.live && live_only)
    throw sim::InputError(
        "--live-steps, --fork-with, --live-form, --save-policy, --save-baseline and --export-toml "
        "need "
        "--live SCENARIO");
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
  script(model, o);
  const bool scripted_only =
      viewer.screenshot.empty() && viewer.bench_frames == 0 &&
      (!o.save_policy.empty() || !o.save_baseline.empty() || !o.export_toml.empty());
  if (scripted_only) return 0;
#ifdef WELLSIM_HAVE_VIEWER
  return viz::run_live_viewer(viewer, model, o.form);
#else
  throw sim::RuntimeError(
      "this wellsim was built without the viewer: install libimgui-dev libstb-dev libglfw3-dev "
      "libgl-dev (scripts/install-deps.sh) and rebuild");
#endif
}

}  // namespace wellsim::cli
