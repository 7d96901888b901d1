#include "batch/merge.hpp"

#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>

#include "analysis/comparison.hpp"
#include "analysis/wellby.hpp"
#include "batch/manifest.hpp"
#include "output/ensemble_file.hpp"
#include "output/run_reader.hpp"
#include "sim/errors.hpp"
#include "sim/series_names.hpp"

namespace wellsim::batch {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// One outcome column: name, unit, help.
struct Outcome {
  std::string name, unit, help;
};

/// The outcome columns: fixed, so every row has the same width whatever its scenario has.
std::vector<Outcome> outcome_columns(std::uint32_t steps, bool paired) {
  std::vector<Outcome> out = {
      {"mean_wellbeing_final", "points (0-10)", "mean life satisfaction at the last week"},
      {"mean_wellbeing_average", "points (0-10)", "mean life satisfaction over weeks 1..last"},
  };
  for (std::uint32_t w = 52; w <= steps; w += 52)
    out.push_back({"mean_wellbeing_w" + std::to_string(w), "points (0-10)",
                   "mean life satisfaction at week " + std::to_string(w)});
  out.push_back({"cost", "GBP", "discounted cost of services and policies over the run"});
  for (const auto& d : sim::series::headline_domains())
    out.push_back({"prevalence_" + d, "share", "share of people " + d + " at the last week"});
  if (!paired) return out;
  out.push_back({"effect_final", "points (0-10)",
                 "mean life satisfaction minus the baseline's, at the last week"});
  out.push_back({"wellbys", "WELLBY", "discounted WELLBYs against the baseline (paired)"});
  out.push_back({"value", "GBP", "WELLBYs at the Green Book value"});
  out.push_back({"net_cost", "GBP", "discounted cost minus the baseline's"});
  out.push_back({"cost_per_wellby", "GBP", "net cost per WELLBY (NaN when no WELLBYs)"});
  out.push_back({"npv", "GBP", "value minus net cost"});
  return out;
}

/// Why task `t`'s file cannot be merged, or "" when it can.
std::string unusable(const Manifest& m, const std::string& dir, std::uint32_t t,
                     std::uint32_t* steps) {
  const ManifestTask& task = m.tasks[t];
  const std::string file = dir + "/tasks/" + task.id + ".h5";
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return "missing";
  try {
    const output::RunReader run(file);
    if (run.scenario_hash() != task.hash || run.replicate() != task.replicate)
      return "holds another run";
    if (run.status() != "complete")
      return "incomplete (" + std::to_string(run.steps_completed()) + " of " +
             std::to_string(run.steps_planned()) + " weeks)";
    if (steps) *steps = run.steps_planned();
    return "";
  } catch (const sim::InputError& e) {
    return e.what();
  }
}

/// Facts of one run the outcomes use.
struct RunFacts {
  std::vector<double> mean, cost;
  double people = 0;
  std::uint32_t last = 0;
  std::vector<double> prevalence;  ///< headline domains at the last week (NaN when absent)
};

RunFacts facts_of(const std::string& file) {
  const output::RunReader run(file);
  RunFacts f;
  f.mean = run.stat("mean");
  f.cost = analysis::cost_series(run);
  f.people = static_cast<double>(run.agent_count());
  f.last = run.steps_completed();
  for (const auto& d : sim::series::headline_domains()) {
    const std::string name = sim::series::prevalence(d);
    f.prevalence.push_back(run.has_series(name) ? run.series(name).back() : kNaN);
  }
  return f;
}

double average_from_week1(const std::vector<double>& x) {
  double sum = 0;
  for (std::size_t s = 1; s < x.size(); ++s) sum += x[s];
  return x.size() > 1 ? sum / static_cast<double>(x.size() - 1) : kNaN;
}

std::vector<double> outcome_values(const RunFacts& f, const RunFacts* base, std::uint32_t steps,
                                   const MergeOptions& o) {
  std::vector<double> v = {f.mean.back(), average_from_week1(f.mean)};
  for (std::uint32_t w = 52; w <= steps; w += 52) v.push_back(w < f.mean.size() ? f.mean[w] : kNaN);
  const double cost = analysis::discounted_sum(f.cost, o.discount_rate, f.last);
  v.push_back(cost);
  v.insert(v.end(), f.prevalence.begin(), f.prevalence.end());
  if (!base) return v;
  std::vector<double> diff(std::min(f.mean.size(), base->mean.size()));
  for (std::size_t s = 0; s < diff.size(); ++s) diff[s] = f.mean[s] - base->mean[s];
  const auto last = static_cast<std::uint32_t>(diff.size() - 1);
  const double wellbys = analysis::wellbys(diff, f.people, o.discount_rate, last);
  const double net = cost - analysis::discounted_sum(base->cost, o.discount_rate, base->last);
  const double value = wellbys * o.wellby_value;
  v.insert(v.end(),
           {diff.back(), wellbys, value, net, wellbys != 0 ? net / wellbys : kNaN, value - net});
  return v;
}

output::EnsembleHeader header_of(const Manifest& m, const std::vector<Outcome>& outcomes,
                                 std::uint32_t steps) {
  output::EnsembleHeader h;
  h.experiment = m.experiment;
  h.design = design_kind_name(m.design.kind);
  h.baseline = m.baseline ? m.scenarios[*m.baseline] : "";
  h.base = m.design.base;
  h.levels = m.design.levels;
  h.scenarios = m.scenarios;
  h.factors = m.design.factors;
  h.factor_lo = m.factor_lo;
  h.factor_hi = m.factor_hi;
  h.points = m.design.rows;
  h.tasks_planned = static_cast<std::uint32_t>(m.tasks.size());
  for (const auto& o : outcomes) {
    h.outcomes.push_back(o.name);
    h.outcome_units.push_back(o.unit);
    h.outcome_help.push_back(o.help);
  }
  h.series_steps = steps;
  return h;
}

}  // namespace

MergeSummary merge_sweep(const std::string& dir, const MergeOptions& o,
                         const std::function<void(std::uint32_t, std::uint32_t)>& on_task) {
  const Manifest m = read_manifest(dir);
  const auto count = static_cast<std::uint32_t>(m.tasks.size());
  // First pass: which tasks can be merged (their own file and their baseline partner's), and
  // the longest run, which sets the width of the series.
  std::vector<std::string> reason(count);
  std::uint32_t steps = 0;
  for (std::uint32_t t = 0; t < count; ++t) {
    std::uint32_t s = 0;
    reason[t] = unusable(m, dir, t, &s);
    steps = std::max(steps, s);
  }
  for (std::uint32_t t = 0; m.baseline && t < count; ++t) {
    const std::uint32_t partner = m.partner(t, *m.baseline);
    if (reason[t].empty() && !reason[partner].empty())
      reason[t] = "its baseline task " + m.tasks[partner].id + " is " + reason[partner];
  }
  const auto outcomes = outcome_columns(steps, m.baseline.has_value());
  output::EnsembleWriter writer(o.out, header_of(m, outcomes, steps), o.overwrite);
  MergeSummary summary;
  summary.planned = count;
  for (const auto& c : outcomes) summary.outcomes.push_back(c.name);
  std::unique_ptr<RunFacts> base;  // the baseline of the current point and replicate
  std::uint32_t base_task = ~0u;
  for (std::uint32_t t = 0; t < count; ++t) {
    if (on_task) on_task(t, count);
    const ManifestTask& task = m.tasks[t];
    if (!reason[t].empty()) {
      writer.add_incomplete(task.id, reason[t]);
      summary.incomplete.emplace_back(task.id, reason[t]);
      continue;
    }
    if (m.baseline && m.partner(t, *m.baseline) != base_task) {
      base_task = m.partner(t, *m.baseline);
      base = std::make_unique<RunFacts>(facts_of(dir + "/tasks/" + m.tasks[base_task].id + ".h5"));
    }
    const RunFacts f = facts_of(dir + "/tasks/" + task.id + ".h5");
    output::EnsembleRow row;
    row.task_id = task.id;
    row.scenario = m.scenarios[task.scenario];
    row.scenario_index = task.scenario;
    row.point = task.point;
    row.replicate = task.replicate;
    row.seed = m.seed;
    row.factors = m.design.rows[task.point];
    for (std::size_t f = 0; f < row.factors.size(); ++f)
      if (!m.applies[f][task.scenario]) row.factors[f] = kNaN;
    row.outcomes = outcome_values(f, m.baseline ? base.get() : nullptr, steps, o);
    row.mean_wellbeing = f.mean;
    writer.add(row);
    ++summary.merged;
  }
  writer.finish();
  return summary;
}

}  // namespace wellsim::batch
