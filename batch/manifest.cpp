#include "batch/manifest.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "sim/errors.hpp"

namespace wellsim::batch {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kFormat = "wellsim-sweep";
constexpr int kVersion = 1;

std::string manifest_path(const std::string& dir) {
  return (fs::path(dir) / "sweep.json").string();
}

json design_json(const Manifest& m) {
  return {{"kind", design_kind_name(m.design.kind)},
          {"base", m.design.base},
          {"levels", m.design.levels},
          {"factors", m.design.factors},
          {"lo", m.factor_lo},
          {"hi", m.factor_hi},
          {"applies", m.applies},
          {"rows", m.design.rows}};
}

json to_json(const Manifest& m) {
  json tasks = json::array();
  for (const auto& t : m.tasks) tasks.push_back({t.id, t.scenario, t.point, t.replicate, t.hash});
  return {{"format", kFormat},
          {"version", kVersion},
          {"experiment", m.experiment},
          {"experiment_file", m.experiment_file},
          {"experiment_hash", m.experiment_hash},
          {"scenarios", m.scenarios},
          {"baseline", m.baseline ? json(*m.baseline) : json(nullptr)},
          {"seed", m.seed},
          {"design", design_json(m)},
          {"tasks", std::move(tasks)}};
}

Manifest from_json(const json& j) {
  if (j.at("format") != kFormat || j.at("version").get<int>() > kVersion)
    throw std::runtime_error("not a wellsim sweep manifest of version <= 1");
  Manifest m;
  m.experiment = j.at("experiment");
  m.experiment_file = j.at("experiment_file");
  m.experiment_hash = j.at("experiment_hash");
  m.scenarios = j.at("scenarios").get<std::vector<std::string>>();
  if (!j.at("baseline").is_null()) m.baseline = j.at("baseline").get<std::uint32_t>();
  m.seed = j.at("seed");
  const json& d = j.at("design");
  m.design.kind = design_kind_of(d.at("kind"));
  m.design.base = d.at("base");
  m.design.levels = d.at("levels");
  m.design.factors = d.at("factors").get<std::vector<std::string>>();
  m.factor_lo = d.at("lo").get<std::vector<double>>();
  m.factor_hi = d.at("hi").get<std::vector<double>>();
  m.design.rows = d.at("rows").get<std::vector<std::vector<double>>>();
  m.applies = d.at("applies").get<std::vector<std::vector<bool>>>();
  if (m.applies.size() != m.design.factors.size())
    throw std::runtime_error("design.applies does not match the factors");
  for (const auto& row : m.design.rows)
    if (row.size() != m.design.factors.size())
      throw std::runtime_error("a design row does not match the factors");
  for (const json& t : j.at("tasks")) {
    ManifestTask task{t.at(0), t.at(1), t.at(2), t.at(3), t.at(4)};
    if (task.scenario >= m.scenarios.size() || task.point >= m.design.rows.size())
      throw std::runtime_error("task " + task.id + " refers to a scenario or point out of range");
    m.tasks.push_back(std::move(task));
  }
  return m;
}

}  // namespace

std::uint32_t Manifest::partner(std::uint32_t index, std::uint32_t scenario) const {
  return index - tasks.at(index).scenario + scenario;
}

Manifest make_manifest(const Plan& plan, const std::vector<TaskKey>& keys) {
  const Experiment& e = plan.experiment;
  Manifest m;
  m.experiment = e.name;
  m.experiment_file = fs::absolute(e.path).lexically_normal().string();
  m.experiment_hash = e.hash;
  for (const auto& s : e.scenarios) m.scenarios.push_back(s.label);
  if (e.baseline) m.baseline = static_cast<std::uint32_t>(*e.baseline);
  m.seed = e.seed;
  m.design = plan.design;
  for (const auto& ef : e.factors) {
    const Factor& f = ef.factor;
    const bool listed = !f.values.empty();
    m.factor_lo.push_back(listed ? *std::min_element(f.values.begin(), f.values.end()) : f.min);
    m.factor_hi.push_back(listed ? *std::max_element(f.values.begin(), f.values.end()) : f.max);
    m.applies.push_back(ef.applies);
  }
  for (const Task& t : plan.tasks)
    m.tasks.push_back({t.id, t.scenario, t.point, t.replicate, keys[t.index].hash});
  return m;
}

void check_sweep_dir(const Manifest& manifest, const std::string& dir) {
  const std::string path = manifest_path(dir);
  std::error_code ec;
  if (fs::exists(path, ec)) {
    const Manifest old = read_manifest(dir);
    if (old.experiment != manifest.experiment)
      throw sim::InputError(dir + ": holds the sweep of experiment '" + old.experiment + "' (" +
                            old.experiment_file + "); choose another -o for '" +
                            manifest.experiment + "'");
  } else if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw sim::InputError(dir + ": exists and is not a directory");
  } else if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    throw sim::InputError(dir + ": is not empty and holds no sweep; choose another -o");
  }
}

void claim_sweep_dir(const Manifest& manifest, const std::string& dir) {
  check_sweep_dir(manifest, dir);
  const std::string path = manifest_path(dir);
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "tasks", ec);
  if (ec) throw sim::RuntimeError(dir + ": cannot create the sweep directory: " + ec.message());
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << to_json(manifest).dump(1) << '\n';
    if (!out) throw sim::RuntimeError(tmp + ": cannot write");
  }
  fs::rename(tmp, path, ec);
  if (ec) throw sim::RuntimeError(path + ": cannot write: " + ec.message());
}

Manifest read_manifest(const std::string& dir) {
  const std::string path = manifest_path(dir);
  std::ifstream in(path);
  if (!in) throw sim::InputError(path + ": cannot read (is " + dir + " a sweep directory?)");
  try {
    return from_json(json::parse(in));
  } catch (const std::exception& e) {
    throw sim::InputError(path + ": " + e.what());
  }
}

}  // namespace wellsim::batch
