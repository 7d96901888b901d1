// `compare` as a sequence of named steps (effect over time, money, horizons, per-person rows,
// inequality, who gains, ripple, domains, services, campaigns), each reading the run files through
// output::RunReader and the series names of sim/series_names.hpp. The campaign step is in
// comparison_campaigns.cpp; the types the steps share are in comparison_steps.hpp.
#include "analysis/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <variant>

#include "analysis/comparison_steps.hpp"
#include "analysis/presence.hpp"
#include "analysis/subgroups.hpp"
#include "sim/errors.hpp"
#include "sim/series_names.hpp"

namespace wellsim::analysis {

namespace {

using compare_steps::interval_or_nan;
using compare_steps::Money;
using compare_steps::Sides;
using compare_steps::Summary;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The life-domain prevalences the reports show, in this order.
const std::vector<std::string> kPrevalences = {"homeless", "food_insecure", "fuel_poor",
                                               "mental_illness", "lonely"};

double at(const std::vector<double>& x, std::uint32_t s) { return s < x.size() ? x[s] : kNaN; }

double average(const std::vector<double>& x, std::uint32_t last) {
  double sum = 0;
  std::uint32_t n = 0;
  for (std::uint32_t s = 1; s <= last && s < x.size(); ++s, ++n) sum += x[s];
  return n ? sum / n : 0.0;
}

/// Index of the per-person row at `step` in `run`.
std::size_t row_of(const output::RunReader& run, std::uint32_t step) {
  auto steps = run.recorded_steps();
  auto it = std::find(steps.begin(), steps.end(), static_cast<std::int32_t>(step));
  return static_cast<std::size_t>(it - steps.begin());
}

/// The latest week <= last with a per-person row in every run.
std::uint32_t common_recorded_step(const RunSet& b, const RunSet& p, std::uint32_t last) {
  std::set<std::int32_t> common;
  bool first = true;
  auto visit = [&](const RunSet& set) {
    for (const auto& r : set.runs) {
      auto s = r->recorded_steps();
      std::set<std::int32_t> mine(s.begin(), s.end());
      if (first) {
        common = mine;
        first = false;
      } else {
        std::set<std::int32_t> keep;
        for (auto v : common)
          if (mine.count(v)) keep.insert(v);
        common.swap(keep);
      }
    }
  };
  visit(b);
  visit(p);
  std::uint32_t best = 0;
  for (auto v : common)
    if (v >= 0 && static_cast<std::uint32_t>(v) <= last) best = std::max(best, std::uint32_t(v));
  return best;
}

/// Shares of the people present at each rounded score.
std::array<double, 11> histogram(const std::vector<float>& v, const std::vector<char>& present) {
  std::array<double, 11> h{};
  std::size_t people = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (present[i]) {
      h[static_cast<std::size_t>(std::clamp(std::lround(v[i]), 0L, 10L))] += 1;
      ++people;
    }
  for (auto& c : h) c /= static_cast<double>(std::max<std::size_t>(1, people));
  return h;
}

/// Mean of the top income quintile minus the bottom one (NaN without people).
double quintile_gap(const Split* income, const std::vector<float>& values) {
  if (!income) return kNaN;
  auto m = group_means(*income, values);
  return m.back() - m.front();
}

/// `figure(run)` for every run of `set`, in replicate order.
template <typename F>
std::vector<double> per_run(const RunSet& set, F figure) {
  std::vector<double> v;
  for (const auto& r : set.runs) v.push_back(figure(*r));
  return v;
}

/// Mean life satisfaction per week of every replicate: [replicate][week].
struct WeeklyMeans {
  std::vector<std::vector<double>> baseline, policy;
};

/// Each replicate's per-person wellbeing at the comparison's recorded week, who was present
/// then, and its subgroups with the people no longer present left out (label -1): a person who
/// died counts in no group, no share and no ring rather than at their last value.
struct PersonRows {
  std::vector<std::vector<float>> baseline, policy;
  std::vector<std::vector<char>> baseline_present, policy_present;
  std::vector<std::vector<Split>> baseline_splits, policy_splits;
};

/// The split whose name starts with `prefix`, or nullptr.
const Split* find_split(const std::vector<Split>& splits, const std::string& prefix) {
  for (const auto& x : splits)
    if (x.name.rfind(prefix, 0) == 0) return &x;
  return nullptr;
}

/// A level from its per-replicate values: week 0 and the last week of each side.
Level make_level(const std::string& name, const Summary& sum, const std::vector<double>& week0,
                 const std::vector<double>& baseline, const std::vector<double>& policy) {
  Level l;
  l.name = name;
  l.week0 = mean_of(week0);
  l.baseline = mean_of(baseline);
  l.policy = mean_of(policy);
  l.change = sum.diff(baseline, policy);
  return l;
}

/// A level of a figure `of(run, week)`: the baseline at week 0 and both sides at the last week.
template <typename F>
Level level_of(const std::string& name, const Sides& s, F of) {
  return make_level(name, s.summary, per_run(s.baseline, [&](auto& r) { return of(r, 0u); }),
                    per_run(s.baseline, [&](auto& r) { return of(r, s.last); }),
                    per_run(s.policy, [&](auto& r) { return of(r, s.last); }));
}

Estimate scaled(Estimate e, double f) {
  e.mean *= f, e.lo *= f, e.hi *= f;
  if (f < 0) std::swap(e.lo, e.hi);
  return e;
}

/// Names, files, sizes and the caveats that follow from them.
PolicyComparison describe_sides(const Sides& s, const CompareOptions& opt) {
  PolicyComparison c;
  c.baseline_name = s.baseline.name;
  c.policy_name = s.policy.name;
  c.baseline_paths = s.baseline.paths();
  c.policy_paths = s.policy.paths();
  c.paired = s.pairing.paired;
  c.replicates = static_cast<int>(s.pairing.paired ? s.pairing.pairs.size()
                                                   : std::min(s.baseline.size(), s.policy.size()));
  c.population = s.policy.runs.front()->agent_count();
  c.last_step = s.last;
  c.valuation = opt.valuation;
  const output::RunReader &b = *s.baseline.runs.front(), &p = *s.policy.runs.front();
  c.policy_interventions = policy_interventions(b, p);
  c.baseline_facts = set_facts(s.baseline);
  c.policy_facts = set_facts(s.policy);
  c.parameter_changes = parameter_changes(b, p);
  c.intervention_changes = intervention_changes(b, p);
  c.effects_used = effects_used(p);
  if (c.replicates < 2)
    c.notes.push_back("one replicate per side: no intervals (run --replicates 5 for them)");
  if (!s.pairing.paired)
    c.notes.push_back(
        "unpaired: intervals are Welch intervals of independent samples, wider "
        "than paired ones; per-person figures (ripple) are left out");
  return c;
}

/// The mean and the effect of every week.
void add_effect_over_time(PolicyComparison& c, const Sides& s, const WeeklyMeans& m) {
  auto week_column = [](const std::vector<std::vector<double>>& rows, std::uint32_t week) {
    std::vector<double> v;
    for (const auto& row : rows) v.push_back(at(row, week));
    return v;
  };
  for (std::uint32_t week = 0; week <= s.last; ++week) {
    const auto b = week_column(m.baseline, week), p = week_column(m.policy, week);
    c.baseline_mean.push_back(mean_of(b));
    c.policy_mean.push_back(mean_of(p));
    c.effect.push_back(s.summary.diff(b, p));
  }
  c.final_effect = c.effect.back();
  c.average_effect =
      s.summary.diff(per_run(s.baseline, [&](auto& r) { return average(r.stat("mean"), s.last); }),
                     per_run(s.policy, [&](auto& r) { return average(r.stat("mean"), s.last); }));
}

/// Discounted WELLBYs of every run of both sides up to `week`.
std::pair<std::vector<double>, std::vector<double>> wellbys_by_run(const Sides& s, double rate,
                                                                   std::uint32_t week) {
  const double people = static_cast<double>(s.policy.runs.front()->agent_count());
  auto of = [&](const output::RunReader& r) {
    if (!r.has_series(sim::series::kPopulationPresent))
      return wellbys(r.stat("mean"), people, rate, week);
    // [demography]: each week's mean is over the people present then, so the total is over
    // person-weeks present (the same people in both arms: deaths draw on their own stream).
    std::vector<double> total = r.stat("mean");
    const std::vector<double> present = r.series(sim::series::kPopulationPresent);
    for (std::size_t k = 0; k < total.size() && k < present.size(); ++k) total[k] *= present[k];
    return wellbys(total, 1.0, rate, week);
  };
  return {per_run(s.baseline, of), per_run(s.policy, of)};
}

/// WELLBYs, their value, the net cost, the ratios and the net present value.
Money add_money(PolicyComparison& c, const Sides& s, const Valuation& val) {
  const double rate = val.discount_rate, v = val.wellby_value;
  Money m;
  std::tie(m.wellbys_baseline, m.wellbys_policy) = wellbys_by_run(s, rate, s.last);
  auto cost = [&](const output::RunReader& r) {
    return discounted_sum(cost_series(r), rate, s.last);
  };
  m.cost_baseline = per_run(s.baseline, cost);
  m.cost_policy = per_run(s.policy, cost);
  c.wellbys = s.summary.diff(m.wellbys_baseline, m.wellbys_policy);
  c.cost = s.summary.diff(m.cost_baseline, m.cost_policy);
  c.value = scaled(c.wellbys, v);
  c.value_low = c.wellbys.mean * val.wellby_low;
  c.value_high = c.wellbys.mean * val.wellby_high;
  if (s.pairing.paired) {
    for (std::size_t k = 0; k < m.wellbys_baseline.size(); ++k) {
      m.wellby_gain.push_back(m.wellbys_policy[k] - m.wellbys_baseline[k]);
      m.cost_increase.push_back(m.cost_policy[k] - m.cost_baseline[k]);
    }
  } else {
    m.wellby_gain = {c.wellbys.mean};
    m.cost_increase = {c.cost.mean};
  }
  std::vector<double> value_gain;
  for (double w : m.wellby_gain) value_gain.push_back(w * v);
  c.cost_per_wellby = s.summary.ratio(m.cost_increase, m.wellby_gain);
  c.bcr = s.summary.ratio(value_gain, m.cost_increase);
  // NPV = value − cost is linear: a difference of per-run levels.
  std::vector<double> npv_baseline, npv_policy;
  for (std::size_t k = 0; k < m.wellbys_baseline.size(); ++k)
    npv_baseline.push_back(m.wellbys_baseline[k] * v - m.cost_baseline[k]);
  for (std::size_t k = 0; k < m.wellbys_policy.size(); ++k)
    npv_policy.push_back(m.wellbys_policy[k] * v - m.cost_policy[k]);
  c.npv = s.summary.diff(npv_baseline, npv_policy);
  return m;
}

/// Notes on costs the model does not record: a policy's cost series that stays zero, or no net
/// cost at all.
void add_cost_notes(PolicyComparison& c, const Sides& s) {
  const output::RunReader& run = *s.policy.runs.front();
  for (const auto& name : c.policy_interventions)
    for (const std::string& series :
         {sim::series::policy_cost(name), sim::series::service(name, sim::series::kCost)}) {
      if (!run.has_series(series)) continue;  // not this kind (a policy has no service series)
      const auto x = run.series(series);
      if (std::all_of(x.begin(), x.end(), [](double v) { return v == 0; }))
        c.notes.push_back(series + " is zero in every week: the model records no cost for " + name +
                          ", so the net cost leaves it out");
    }
  if (std::abs(c.cost.mean) < 1e-9)
    c.notes.push_back("no net cost recorded: cost per WELLBY and benefit-cost ratio are undefined");
}

/// Bootstrap intervals of the headline figures (paired runs only).
void add_bootstrap(PolicyComparison& c, const Sides& s, const WeeklyMeans& weekly, const Money& m,
                   const CompareOptions& opt) {
  if (opt.bootstrap <= 0 || !s.pairing.paired) return;
  const double v = opt.valuation.wellby_value;
  std::vector<double> final_gain, npv_gain;
  for (std::size_t k = 0; k < weekly.baseline.size(); ++k) {
    final_gain.push_back(at(weekly.policy[k], s.last) - at(weekly.baseline[k], s.last));
    npv_gain.push_back(m.wellby_gain[k] * v - m.cost_increase[k]);
  }
  auto interval = [&](const std::vector<double>& x) {
    return bootstrap_interval(x, opt.bootstrap, opt.bootstrap_seed);
  };
  c.bootstrap.emplace_back("effect at last week", interval(final_gain));
  c.bootstrap.emplace_back("WELLBYs", interval(m.wellby_gain));
  c.bootstrap.emplace_back("net present value", interval(npv_gain));
}

/// The effect and WELLBYs at the chosen weeks (default every half year) and the last week.
void add_horizons(PolicyComparison& c, const Sides& s, const CompareOptions& opt) {
  std::set<std::uint32_t> weeks(opt.horizons.begin(), opt.horizons.end());
  if (weeks.empty())
    for (std::uint32_t w = 26; w < s.last; w += 26) weeks.insert(w);
  weeks.insert(s.last);
  for (auto w : weeks) {
    if (w > s.last) {
      c.notes.push_back("horizon week " + std::to_string(w) + " is past the last week (" +
                        std::to_string(s.last) + ") and is left out");
      continue;
    }
    auto [b, p] = wellbys_by_run(s, opt.valuation.discount_rate, w);
    c.horizons.push_back({w, c.effect[w], s.summary.diff(b, p)});
  }
}

/// The splits of `run` without the people absent at `week`.
std::vector<Split> present_splits(const output::RunReader& run, const std::vector<char>& present) {
  std::vector<Split> splits = splits_of(run);
  for (auto& split : splits)
    for (std::size_t i = 0; i < split.label.size() && i < present.size(); ++i)
      if (!present[i]) split.label[i] = -1;
  return splits;
}

PersonRows person_rows(const Sides& s, std::uint32_t week) {
  PersonRows rows;
  auto read = [&](const RunSet& set, std::vector<std::vector<float>>& values,
                  std::vector<std::vector<char>>& present,
                  std::vector<std::vector<Split>>& splits) {
    for (const auto& r : set.runs) {
      values.push_back(r->wellbeing_at(row_of(*r, week)));
      present.push_back(present_at(presence_of(*r), week));
      splits.push_back(present_splits(*r, present.back()));
    }
  };
  read(s.baseline, rows.baseline, rows.baseline_present, rows.baseline_splits);
  read(s.policy, rows.policy, rows.policy_present, rows.policy_splits);
  return rows;
}

/// The share of people at each rounded score, averaged over replicates.
std::array<double, 11> mean_histogram(const std::vector<std::vector<float>>& rows,
                                      const std::vector<std::vector<char>>& present) {
  std::array<double, 11> mean{};
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& row = rows[k];
    const auto h = histogram(row, present[k]);
    for (std::size_t b = 0; b < mean.size(); ++b) mean[b] += h[b] / rows.size();
  }
  return mean;
}

/// SD, share with low wellbeing and (with people) the income-quintile gap.
void add_inequality(PolicyComparison& c, const Sides& s, const PersonRows& rows) {
  c.inequality.push_back(level_of("SD of life satisfaction", s,
                                  [](auto& r, std::uint32_t w) { return at(r.stat("sd"), w); }));
  c.inequality.push_back(level_of(
      "share 0-4 (low)", s, [](auto& r, std::uint32_t w) { return at(r.stat("share_low"), w); }));
  if (!find_split(rows.baseline_splits[0], "income")) return;
  auto gaps = [](const std::vector<std::vector<Split>>& splits,
                 const std::vector<std::vector<float>>& values) {
    std::vector<double> v;
    for (std::size_t k = 0; k < values.size(); ++k)
      v.push_back(quintile_gap(find_split(splits[k], "income"), values[k]));
    return v;
  };
  // Week 0 is the baseline's initial wellbeing.
  const auto week0 = per_run(s.baseline, [](const output::RunReader& r) {
    return quintile_gap(find_split(splits_of(r), "income"), r.initial_wellbeing());
  });
  c.inequality.push_back(make_level("income gap: Q5 mean - Q1 mean", s.summary, week0,
                                    gaps(rows.baseline_splits, rows.baseline),
                                    gaps(rows.policy_splits, rows.policy)));
}

/// Who gains: each group's mean in every replicate, then the difference of the sides.
void add_who_gains(PolicyComparison& c, const Sides& s, const PersonRows& rows) {
  for (std::size_t g = 0; g < rows.policy_splits[0].size(); ++g) {
    const Split& split = rows.policy_splits[0][g];
    std::vector<std::vector<double>> baseline_means, policy_means;
    for (std::size_t k = 0; k < rows.baseline.size(); ++k) {
      const Split* own = find_split(rows.baseline_splits[k], split.name);
      baseline_means.push_back(own ? group_means(*own, rows.baseline[k])
                                   : std::vector<double>(split.categories.size(), kNaN));
    }
    for (std::size_t k = 0; k < rows.policy.size(); ++k)
      policy_means.push_back(group_means(rows.policy_splits[k][g], rows.policy[k]));
    const auto sizes = group_sizes(split);
    for (std::size_t cat = 0; cat < split.categories.size(); ++cat) {
      if (!sizes[cat]) continue;
      std::vector<double> b, p;
      for (const auto& row : baseline_means) b.push_back(row[cat]);
      for (const auto& row : policy_means) p.push_back(row[cat]);
      c.groups.push_back(
          {split.name, split.categories[cat], sizes[cat], mean_of(b), s.summary.diff(b, p)});
    }
  }
}

/// The ripple: each pair's per-person difference by hops from the nearest recipient and, one
/// hop out, by the layer of the tie (paired runs only: it needs each person's own difference).
void add_ripple(PolicyComparison& c, const Sides& s, const PersonRows& rows) {
  const std::set<std::string> names(c.policy_interventions.begin(), c.policy_interventions.end());
  const double pairs = static_cast<double>(s.pairing.pairs.size());
  std::array<std::vector<double>, kRings> ring;
  std::vector<double> spill, total;
  std::vector<std::vector<double>> by_layer;
  for (const auto& [kb, kp] : s.pairing.pairs) {
    const auto& run = *s.policy.runs[kp];
    const auto who = recipients(run, names, c.recorded_step);
    c.has_recipients |= std::find(who.begin(), who.end(), 1) != who.end();
    const sim::Network net = with_programme_ties(run, c.recorded_step);
    const auto hops = hop_distances(net, who);
    // A person gone from either side has no difference (NaN): decompose leaves them out.
    std::vector<double> d(rows.policy[kp].size());
    for (std::size_t i = 0; i < d.size(); ++i)
      d[i] = rows.policy_present[kp][i] && rows.baseline_present[kb][i]
                 ? double(rows.policy[kp][i]) - double(rows.baseline[kb][i])
                 : kNaN;
    const LayerRipple lr =
        decompose_by_layer(d, first_hop_layer(net, who, hops), net.layer_names.size());
    c.layer_names = net.layer_names;
    by_layer.resize(net.layer_names.size());
    c.layer_people.resize(net.layer_names.size(), 0.0);
    for (std::size_t l = 0; l < lr.people.size(); ++l) {
      if (lr.people[l]) by_layer[l].push_back(lr.mean[l]);
      c.layer_people[l] += double(lr.people[l]) / pairs;
    }
    const Ripple rp = decompose(d, hops);
    for (std::size_t k = 0; k < kRings; ++k) {
      ring[k].push_back(rp.mean[k]);
      c.ring_people[k] += double(rp.people[k]) / pairs;
    }
    spill.push_back(rp.spillover_share);
    total.push_back(rp.total_effect);
  }
  for (std::size_t k = 0; k < kRings; ++k)
    c.ring_effect[k] = interval_or_nan(ring[k], c.ring_people[k] == 0);
  c.spillover_share = t_interval(spill);
  c.total_points = t_interval(total);
  for (const auto& values : by_layer)
    c.layer_effect.push_back(interval_or_nan(values, values.empty()));
  if (!c.has_recipients)
    c.notes.push_back(
        "no direct recipients recorded (a macro policy reaches everyone without "
        "a start event): the ripple table puts everyone at 4+ hops");
}

/// True when some service relieved `domain` for a week on either side: its after-relief series
/// differs from its need somewhere (files from before the split have no after-relief series).
bool relieved(const Sides& s, const std::string& domain) {
  const std::string need = sim::series::prevalence(domain);
  const std::string left = sim::series::after_relief(domain);
  for (const auto* set : {&s.baseline, &s.policy}) {
    const auto& r = *set->runs.front();
    if (!r.has_series(left)) return false;
    if (r.series(left) != r.series(need)) return true;
  }
  return false;
}

/// One domain row of `series` named `label`, at the last week and averaged.
void add_prevalence(PolicyComparison& c, const Sides& s, const std::string& label,
                    const std::string& series) {
  c.prevalence.push_back(
      level_of(label, s, [&](auto& r, std::uint32_t w) { return at(r.series(series), w); }));
  c.prevalence_average.push_back(level_of(label, s, [&](auto& r, std::uint32_t w) {
    const auto x = r.series(series);
    return w == 0 ? at(x, 0) : average(x, w);
  }));
}

/// The headline domain prevalences both sides record (need, before the week's relief), at the
/// last week and averaged; then, for a domain a service relieved, what was left after relief.
void add_prevalences(PolicyComparison& c, const Sides& s) {
  std::vector<std::string> relief;
  for (const auto& d : sim::series::headline_domains()) {
    const std::string name = sim::series::prevalence(d);
    // Only community-model runs record prevalences: absent on either side, the row is left out.
    if (!s.policy.runs.front()->has_series(name) || !s.baseline.runs.front()->has_series(name))
      continue;
    add_prevalence(c, s, d, name);
    if (relieved(s, d)) relief.push_back(d);
  }
  for (const auto& d : relief)
    add_prevalence(c, s, d + " after relief", sim::series::after_relief(d));
  // The children's measure (ages 10-15 below 4.5), where both sides record it.
  const char* low = sim::series::kChildrenLow;
  if (s.policy.runs.front()->has_series(low) && s.baseline.runs.front()->has_series(low))
    add_prevalence(c, s, "children 10-15 at 0-4", low);
}

/// The services either side runs (those with a queue series), in name order.
std::set<std::string> services_of(const Sides& s) {
  std::set<std::string> services;
  for (const auto* set : {&s.baseline, &s.policy})
    for (const auto& n : set->runs.front()->series_names())
      if (n.rfind(sim::series::kService, 0) == 0 && sim::series::metric(n) == sim::series::kQueue)
        services.insert(sim::series::owner(n));
  return services;
}

/// One service's queue, wait and enrolment on both sides. A run without the service (it is the
/// policy's own) counts as nobody waiting or served; a run with it must have every metric.
ServiceRow service_row(const std::string& service, bool policy_own, const Sides& s) {
  namespace series = sim::series;
  auto runs_it = [&](const output::RunReader& r) {
    return r.has_series(series::service(service, series::kQueue));
  };
  auto mean_over = [&](const RunSet& set, const char* metric) {
    return mean_of(per_run(set, [&](const output::RunReader& r) {
      return runs_it(r) ? average(r.series(series::service(service, metric)), s.last) : 0.0;
    }));
  };
  // The mean wait of the people admitted over the run: each week's mean wait weighted by its
  // admissions (a week that admits nobody says nothing about waiting).
  auto mean_wait = [&](const RunSet& set) {
    return mean_of(per_run(set, [&](const output::RunReader& r) {
      if (!runs_it(r)) return 0.0;
      const auto wait = r.series(series::service(service, series::kMeanWait));
      const auto admitted = r.series(series::service(service, series::kAdmitted));
      double weeks = 0, people = 0;
      for (std::size_t t = 1; t <= s.last && t < wait.size() && t < admitted.size(); ++t)
        weeks += wait[t] * admitted[t], people += admitted[t];
      return people > 0 ? weeks / people : 0.0;
    }));
  };
  ServiceRow row;
  row.name = service;
  row.policy_own = policy_own;
  row.queue_baseline = mean_over(s.baseline, series::kQueue);
  row.queue_policy = mean_over(s.policy, series::kQueue);
  row.wait_baseline = mean_wait(s.baseline);
  row.wait_policy = mean_wait(s.policy);
  row.enrolled_baseline = mean_over(s.baseline, series::kEnrolled);
  row.enrolled_policy = mean_over(s.policy, series::kEnrolled);
  return row;
}

void add_services(PolicyComparison& c, const Sides& s) {
  const std::set<std::string> own(c.policy_interventions.begin(), c.policy_interventions.end());
  for (const auto& service : services_of(s))
    c.services.push_back(service_row(service, own.count(service) > 0, s));
  std::stable_sort(
      c.services.begin(), c.services.end(),
      [](const ServiceRow& a, const ServiceRow& b) { return a.policy_own > b.policy_own; });
}

}  // namespace

/// An interval of `values`, NaN throughout when there are none (a ring or layer nobody is in).
Estimate compare_steps::interval_or_nan(const std::vector<double>& values, bool empty) {
  Estimate e = t_interval(values);
  if (empty) e.mean = e.lo = e.hi = kNaN;
  return e;
}

std::vector<double> cost_series(const output::RunReader& run) {
  std::vector<double> total(run.steps().size(), 0.0);
  for (const auto& name : run.series_names()) {
    if (!sim::series::is_cost(name)) continue;
    const auto x = run.series(name);
    for (std::size_t k = 0; k < total.size() && k < x.size(); ++k) total[k] += x[k];
  }
  return total;
}

std::vector<std::string> policy_interventions(const output::RunReader& baseline,
                                              const output::RunReader& policy) {
  std::vector<std::string> out;
  for (const auto& change : intervention_changes(baseline, policy))
    if (change.change != "removed") out.push_back(change.record.name);
  std::sort(out.begin(), out.end());
  return out;
}

PolicyComparison compare(const RunSet& baseline, const RunSet& policy, const CompareOptions& opt) {
  const Pairing pairing = pair_sets(baseline, policy, opt.unpaired);
  const Sides s{baseline, policy, pairing, Summary{pairing.paired}, pairing.last_step};
  PolicyComparison c = describe_sides(s, opt);

  WeeklyMeans weekly;
  for (const auto& r : baseline.runs) weekly.baseline.push_back(r->stat("mean"));
  for (const auto& r : policy.runs) weekly.policy.push_back(r->stat("mean"));
  add_effect_over_time(c, s, weekly);
  const Money money = add_money(c, s, opt.valuation);
  add_cost_notes(c, s);
  add_bootstrap(c, s, weekly, money, opt);
  add_horizons(c, s, opt);

  c.recorded_step = common_recorded_step(baseline, policy, s.last);
  const PersonRows rows = person_rows(s, c.recorded_step);
  c.dist_baseline = mean_histogram(rows.baseline, rows.baseline_present);
  c.dist_policy = mean_histogram(rows.policy, rows.policy_present);
  add_inequality(c, s, rows);
  add_who_gains(c, s, rows);
  if (pairing.paired) add_ripple(c, s, rows);

  add_prevalences(c, s);
  add_services(c, s);
  compare_steps::add_campaigns(c, s, money);
  compare_steps::add_cohorts(c, s, opt);
  return c;
}

}  // namespace wellsim::analysis
