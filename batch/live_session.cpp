#include "batch/live_session.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "batch/run_scenario.hpp"
#include "models/interventions/intervention_registry.hpp"
#include "sim/errors.hpp"

namespace wellsim::batch {

namespace {

constexpr const char* kList = "intervention";

double mean_of(const sim::AgentStore& agents) {
  double sum = 0;
  for (float x : agents.wellbeing) sum += x;
  return sum / static_cast<double>(std::max<std::size_t>(1, agents.size()));
}

/// Makes every file path of `set` absolute: the effective text holds them as resolved against the
/// working folder, and an exported scenario must find them from the folder it is saved in.
void absolute_paths(sim::ParamSet& set, const std::vector<sim::ParamSpec>& specs) {
  for (const auto& spec : specs)
    if (spec.type == sim::ParamType::Path && set.has(spec.name) && !set.string(spec.name).empty())
      set.set(spec.name,
              std::filesystem::absolute(set.string(spec.name)).lexically_normal().string());
}

/// absolute_paths over every table and list entry of `sc`, with its variant's keys.
void absolute_paths(sim::Scenario& sc) {
  for (const auto& ts : models::scenario_schema()) {
    auto variant = [&](const std::string& v) {
      const auto it = ts.variants.find(v);
      return it == ts.variants.end() ? std::vector<sim::ParamSpec>{} : it->second;
    };
    if (const auto list = sc.lists.find(ts.name); ts.repeated && list != sc.lists.end()) {
      for (auto& e : list->second) {
        absolute_paths(e.values, ts.common);
        absolute_paths(e.values, variant(e.variant));
      }
    } else if (const auto table = sc.tables.find(ts.name); table != sc.tables.end()) {
      absolute_paths(table->second, ts.common);
      const auto v = sc.variants.find(ts.name);
      if (v != sc.variants.end()) absolute_paths(table->second, variant(v->second));
    }
  }
}

/// The scenario of `edited`'s effective text, with absolute file paths, parsed again: the form
/// every branch runs and saves, so that `wellsim run` on the exported text, wherever it is
/// saved, stores the same /scenario as the branch.
sim::Scenario reparsed(const sim::Scenario& edited, const std::string& base_dir) {
  const auto& schema = models::scenario_schema();
  sim::Scenario portable = edited;
  absolute_paths(portable);
  return sim::parse_scenario(portable.effective_toml(schema), edited.path, base_dir, schema);
}

std::vector<sim::ListEntry>& entries_of(sim::Scenario& sc) { return sc.lists[kList]; }

}  // namespace

/// One branch: its scenario, its engine at the session's week, its mean wellbeing by week.
struct LiveSession::Line {
  sim::Scenario scenario;
  models::Assembled built;
  std::vector<double> mean;
};

std::vector<sim::ListEntry> parse_intervention_tables(const std::string& toml,
                                                      const std::string& origin,
                                                      const sim::Scenario& context) {
  toml::table doc;
  try {
    doc = toml::parse(toml, origin);
  } catch (const toml::parse_error& e) {
    throw sim::InputError(sim::where(origin, long(e.source().begin.line)) +
                          std::string(e.description()));
  }
  for (const auto& [key, node] : doc)
    if (key.str() != kList)
      throw sim::InputError(sim::where(origin, long(node.source().begin.line)) +
                            std::string(key.str()) +
                            ": a live edit holds only [[intervention]] tables");
  if (doc.empty()) throw sim::InputError(sim::where(origin) + "no [[intervention]] table");
  const auto& schema = models::scenario_schema();
  const std::string base = std::filesystem::path(origin).parent_path().string();
  // The tables are read with the rest of `context` after them (its own interventions left out),
  // so the keys a fragment cannot stand without are there and its lines keep their numbers.
  sim::Scenario rest = context;
  rest.lists.erase(kList);
  sim::Scenario sc =
      sim::parse_scenario(toml + "\n" + rest.effective_toml(schema), origin, base, schema);
  std::vector<sim::ListEntry> entries = sc.list(kList);
  for (auto& e : entries)
    if (e.file.empty()) e.file = origin;
  return entries;
}

LiveSession::LiveSession(const sim::Scenario& scenario)
    : base_dir_(std::filesystem::path(scenario.path).parent_path().string()) {
  models::check_scenario(scenario);
  last_week_ = models::run_settings(scenario).steps;
  baseline_ = make_line(reparsed(scenario, base_dir_));
}

LiveSession::~LiveSession() = default;

std::unique_ptr<LiveSession::Line> LiveSession::make_line(const sim::Scenario& sc) const {
  const models::RunSettings run = models::run_settings(sc);
  auto line = std::make_unique<Line>(Line{sc, models::assemble(sc, run.seed, run.replicate), {}});
  sim::Engine& engine = *line->built.engine;
  engine.start(nullptr);
  line->mean.push_back(mean_of(engine.agents()));
  if (week_ > 0)
    engine.run_from(0, week_, nullptr,
                    [&](std::uint32_t) { line->mean.push_back(mean_of(engine.agents())); });
  return line;
}

bool LiveSession::step() {
  if (week_ >= last_week_) return false;
  for (Line* l : {baseline_.get(), policy_.get()}) {
    if (!l) continue;
    sim::Engine& engine = *l->built.engine;
    engine.run_from(week_, week_ + 1, nullptr);
    l->mean.push_back(mean_of(engine.agents()));
  }
  ++week_;
  return true;
}

const LiveSession::Line& LiveSession::line(Branch b) const {
  return b == Branch::Policy && policy_ ? *policy_ : *baseline_;
}

void LiveSession::replace_policy(const sim::Scenario& edited) {
  // Checked on the edited scenario itself, whose new entries still carry the edit's file and
  // lines, so a message points at what the teacher wrote.
  models::check_scenario(edited);
  policy_ = make_line(reparsed(edited, base_dir_));
  fork_week_ = next_week();
}

void LiveSession::add(const std::string& toml, const std::string& origin,
                      const LiveTarget& target) {
  sim::Scenario edited = scenario(Branch::Policy);
  std::vector<sim::ListEntry> entries = parse_intervention_tables(toml, origin, edited);
  if (!target.people.empty() || !target.households.empty())
    for (auto& e : entries) {
      e.values.set("target.people",
                   std::vector<double>(target.people.begin(), target.people.end()));
      e.values.set("target.households",
                   std::vector<double>(target.households.begin(), target.households.end()));
    }
  add_entries(edited, std::move(entries), origin, "");
  replace_policy(edited);
}

void LiveSession::remove(const std::string& name) {
  sim::Scenario edited = scenario(Branch::Policy);
  end_entry(edited, name);
  replace_policy(edited);
}

void LiveSession::change(const std::string& name, const std::string& toml,
                         const std::string& origin) {
  sim::Scenario edited = scenario(Branch::Policy);
  end_entry(edited, name);
  add_entries(edited, parse_intervention_tables(toml, origin, edited), origin, name);
  replace_policy(edited);
}

void LiveSession::add_entries(sim::Scenario& sc, std::vector<sim::ListEntry> entries,
                              const std::string& origin, const std::string& replaced) const {
  if (next_week() > last_week_)
    throw sim::InputError(sim::where(origin) + "the run ended at week " +
                          std::to_string(last_week_) + ": no week is left for a change to act in");
  for (sim::ListEntry& e : entries) {
    // A changed intervention goes on under a new name: its own stream, series and events.
    if (!replaced.empty() && models::intervention_name(e) == replaced)
      e.values.set("name", replaced + "_w" + std::to_string(next_week()));
    e.values.set("start_week", std::int64_t{next_week()});
    entries_of(sc).push_back(std::move(e));
  }
}

void LiveSession::end_entry(sim::Scenario& sc, const std::string& name) const {
  auto& list = entries_of(sc);
  const auto it = std::find_if(list.begin(), list.end(), [&](const sim::ListEntry& e) {
    return models::intervention_name(e) == name;
  });
  if (it == list.end())
    throw sim::InputError("no intervention named '" + name + "' in the live scenario");
  if (it->values.integer("start_week") >= std::int64_t{next_week()})
    list.erase(it);  // it has not acted yet: the equivalent scenario never had it
  else
    it->values.set("end_week", std::min(it->values.integer("end_week"), std::int64_t{week_}));
}

const sim::Scenario& LiveSession::scenario(Branch b) const { return line(b).scenario; }

std::string LiveSession::scenario_toml(Branch b) const { return scenario(b).text; }

void LiveSession::export_toml(Branch b, const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  out << scenario_toml(b);
  out.close();
  if (!out) throw sim::RuntimeError(sim::where(path) + "cannot write the scenario");
}

void LiveSession::save(Branch b, const std::string& path, unsigned threads, bool overwrite) const {
  save_task(b, path, threads, overwrite)();
}

std::function<void()> LiveSession::save_task(Branch b, const std::string& path, unsigned threads,
                                             bool overwrite) const {
  RunRequest request;
  request.out = path;
  request.threads = threads;
  request.overwrite = overwrite;
  // The save re-runs the branch's scenario from week 0 (the class above says why), so a copy
  // of the scenario is all it needs: nothing of the stepping engines is shared.
  return [sc = scenario(b), request] { (void)run_scenario(sc, request); };
}

const sim::Network& LiveSession::network() const { return baseline_->built.engine->network(); }

const sim::AgentStore& LiveSession::agents(Branch b) const {
  return line(b).built.engine->agents();
}

const std::vector<double>& LiveSession::mean(Branch b) const { return line(b).mean; }

std::vector<LiveIntervention> LiveSession::interventions(Branch b) const {
  std::vector<LiveIntervention> out;
  for (const auto& e : scenario(b).list(kList))
    out.push_back({models::intervention_name(e), e.variant, e.values.integer("start_week"),
                   e.values.integer("end_week"), e.values.values()});
  return out;
}

}  // namespace wellsim::batch
