#include "batch/plan.hpp"

#include <algorithm>
#include <filesystem>

#include "models/scenario_schema.hpp"

namespace wellsim::batch {

namespace {

/// Zero-padded decimal wide enough for `count - 1`.
std::string padded(std::uint32_t value, std::uint32_t count) {
  int width = 1;
  for (std::uint32_t n = count > 0 ? count - 1 : 0; n >= 10; n /= 10) ++width;
  std::string text = std::to_string(value);
  return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(text.size()))),
                     '0') +
         text;
}

/// The overrides of scenario `s` at design row `point`, without run.replicate.
std::vector<std::string> point_overrides(const Plan& plan, std::uint32_t s, std::uint32_t point) {
  const Experiment& e = plan.experiment;
  std::vector<std::string> out = e.sets;
  for (std::size_t f = 0; f < e.factors.size(); ++f)
    if (e.factors[f].applies[s])
      out.push_back(factor_override(e.factors[f].factor, plan.design.rows[point][f]));
  out.push_back("run.seed=" + std::to_string(e.seed));
  return out;
}

}  // namespace

std::vector<std::string> Plan::overrides(const Task& t) const {
  std::vector<std::string> out = point_overrides(*this, t.scenario, t.point);
  out.push_back("run.replicate=" + std::to_string(t.replicate));
  return out;
}

std::string Plan::file(const Task& t) const {
  return (std::filesystem::path(dir) / "tasks" / (t.id + ".h5")).string();
}

sim::Scenario Plan::scenario(const Task& t) const {
  return sim::load_scenario(experiment.scenarios[t.scenario].path, models::scenario_schema(),
                            overrides(t));
}

Plan make_plan(Experiment experiment, const std::string& dir) {
  Plan plan;
  plan.dir = dir;
  std::vector<Factor> factors;
  for (const auto& ef : experiment.factors) factors.push_back(ef.factor);
  if (factors.empty()) {
    plan.design.rows.assign(1, {});
  } else {
    plan.design = make_design(experiment.design, factors);
  }
  plan.experiment = std::move(experiment);
  const Experiment& e = plan.experiment;
  const auto points = static_cast<std::uint32_t>(plan.design.rows.size());
  const auto scenarios = static_cast<std::uint32_t>(e.scenarios.size());
  plan.tasks.reserve(std::size_t{points} * e.replicates * scenarios);
  for (std::uint32_t p = 0; p < points; ++p)
    for (std::uint32_t r = 0; r < e.replicates; ++r)
      for (std::uint32_t s = 0; s < scenarios; ++s) {
        Task t{static_cast<std::uint32_t>(plan.tasks.size()), "", s, p, r};
        t.id = e.scenarios[s].label + "-p" + padded(p, points) + "-r" + padded(r, e.replicates);
        plan.tasks.push_back(std::move(t));
      }
  return plan;
}

}  // namespace wellsim::batch
