#include "analysis/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "analysis/subgroups.hpp"
#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The life-domain prevalences the reports show, in this order.
const std::vector<std::string> kPrevalences = {"homeless", "food_insecure", "fuel_poor",
                                               "mental_illness", "lonely"};

/// Summarises per-replicate values of both sides as one difference, paired or not.
struct Summary {
  bool paired;
  Estimate diff(const std::vector<double>& b, const std::vector<double>& p) const {
    if (!paired) return welch_interval(b, p);
    std::vector<double> d(b.size());
    for (std::size_t k = 0; k < b.size(); ++k) d[k] = p[k] - b[k];
    return t_interval(d);
  }
  /// A figure that only exists per pair (ratios): an interval when paired, the ratio of the
  /// means otherwise.
  Estimate ratio(const std::vector<double>& num, const std::vector<double>& den) const {
    if (paired) {
      std::vector<double> r;
      for (std::size_t k = 0; k < num.size(); ++k) r.push_back(num[k] / den[k]);
      return t_interval(r);
    }
    Estimate e;
    e.n = static_cast<int>(num.size());
    e.mean = mean_of(num) / mean_of(den);
    e.lo = e.hi = kNaN;
    return e;
  }
};

/// A series of the run, or zeros over its steps when the run has no such series.
std::vector<double> series_or_zero(const output::RunReader& run, const std::string& name) {
  const auto& names = run.series_names();
  if (std::find(names.begin(), names.end(), name) == names.end())
    return std::vector<double>(run.steps().size(), 0.0);
  return run.series(name);
}

bool has_series(const output::RunReader& run, const std::string& name) {
  const auto& names = run.series_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

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

std::array<double, 11> histogram(const std::vector<float>& v) {
  std::array<double, 11> h{};
  for (float x : v) h[static_cast<std::size_t>(std::clamp(std::lround(x), 0L, 10L))] += 1;
  for (auto& c : h) c /= std::max<std::size_t>(1, v.size());
  return h;
}

/// Mean of the top income quintile minus the bottom one (NaN without people).
double quintile_gap(const Split* income, const std::vector<float>& values) {
  if (!income) return kNaN;
  auto m = group_means(*income, values);
  return m.back() - m.front();
}

std::map<std::string, std::map<std::string, std::string>> interventions_by_name(
    const output::RunReader& run) {
  std::map<std::string, std::map<std::string, std::string>> by_index, by_name;
  for (const auto& [key, value] : run.parameters()) {
    if (key.rfind("intervention[", 0) != 0) continue;
    auto close = key.find("].");
    if (close == std::string::npos) continue;
    by_index[key.substr(0, close + 1)][key.substr(close + 2)] = value;
  }
  for (auto& [index, params] : by_index) {
    std::string name = params.count("name") ? params["name"] : params["type"];
    if (name.size() >= 2 && name.front() == '"') name = name.substr(1, name.size() - 2);
    by_name[name] = params;
  }
  return by_name;
}

}  // namespace

std::vector<double> cost_series(const output::RunReader& run) {
  std::vector<double> total(run.steps().size(), 0.0);
  for (const auto& name : run.series_names()) {
    const bool service = name.rfind("service/", 0) == 0, policy = name.rfind("policy/", 0) == 0;
    if (!(service || policy) || name.size() < 5 || name.substr(name.size() - 5) != "/cost")
      continue;
    auto s = run.series(name);
    for (std::size_t k = 0; k < total.size() && k < s.size(); ++k) total[k] += s[k];
  }
  return total;
}

std::vector<std::string> policy_interventions(const output::RunReader& baseline,
                                              const output::RunReader& policy) {
  auto b = interventions_by_name(baseline), p = interventions_by_name(policy);
  std::vector<std::string> out;
  for (const auto& [name, params] : p)
    if (!b.count(name) || b.at(name) != params) out.push_back(name);
  return out;
}

Comparison compare(const RunSet& baseline, const RunSet& policy, const CompareOptions& opt) {
  const Pairing pairing = pair_sets(baseline, policy, opt.unpaired);
  const Summary sum{pairing.paired};
  const double rate = opt.valuation.discount_rate;
  const std::uint32_t last = pairing.last_step;

  Comparison c;
  c.baseline_name = baseline.name;
  c.policy_name = policy.name;
  c.baseline_paths = baseline.paths();
  c.policy_paths = policy.paths();
  c.paired = pairing.paired;
  c.replicates = static_cast<int>(pairing.paired ? pairing.pairs.size()
                                                 : std::min(baseline.size(), policy.size()));
  c.population = policy.runs.front()->agent_count();
  c.last_step = last;
  c.valuation = opt.valuation;
  c.policy_interventions = policy_interventions(*baseline.runs.front(), *policy.runs.front());
  if (c.replicates < 2)
    c.notes.push_back("one replicate per side: no intervals (run --replicates 5 for them)");
  if (!pairing.paired)
    c.notes.push_back("unpaired: intervals are Welch intervals of independent samples, wider "
                      "than paired ones; per-person figures (ripple) are left out");

  // Per-replicate per-week means: B[k][s], P[k][s].
  std::vector<std::vector<double>> B, P;
  for (const auto& r : baseline.runs) B.push_back(r->stat("mean"));
  for (const auto& r : policy.runs) P.push_back(r->stat("mean"));
  auto column = [&](const std::vector<std::vector<double>>& m, std::uint32_t s) {
    std::vector<double> v;
    for (const auto& row : m) v.push_back(at(row, s));
    return v;
  };
  for (std::uint32_t s = 0; s <= last; ++s) {
    auto b = column(B, s), p = column(P, s);
    c.baseline_mean.push_back(mean_of(b));
    c.policy_mean.push_back(mean_of(p));
    c.effect.push_back(sum.diff(b, p));
  }
  c.final_effect = c.effect.back();

  // Headline money figures, per replicate.
  auto per_run = [&](const RunSet& set, auto f) {
    std::vector<double> v;
    for (const auto& r : set.runs) v.push_back(f(*r));
    return v;
  };
  auto avg_b = per_run(baseline, [&](const output::RunReader& r) { return average(r.stat("mean"), last); });
  auto avg_p = per_run(policy, [&](const output::RunReader& r) { return average(r.stat("mean"), last); });
  c.average_effect = sum.diff(avg_b, avg_p);
  const double pop = static_cast<double>(c.population);
  auto level_wellbys = [&](std::uint32_t upto) {
    return std::pair{
        per_run(baseline, [&](const output::RunReader& r) { return wellbys(r.stat("mean"), pop, rate, upto); }),
        per_run(policy, [&](const output::RunReader& r) { return wellbys(r.stat("mean"), pop, rate, upto); })};
  };
  auto [wb, wp] = level_wellbys(last);
  c.wellbys = sum.diff(wb, wp);
  auto cb = per_run(baseline, [&](const output::RunReader& r) { return discounted_sum(cost_series(r), rate, last); });
  auto cp = per_run(policy, [&](const output::RunReader& r) { return discounted_sum(cost_series(r), rate, last); });
  c.cost = sum.diff(cb, cp);
  const double v = opt.valuation.wellby_value;
  auto scale = [](Estimate e, double f) {
    e.mean *= f, e.lo *= f, e.hi *= f;
    if (f < 0) std::swap(e.lo, e.hi);
    return e;
  };
  c.value = scale(c.wellbys, v);
  c.value_low = c.wellbys.mean * opt.valuation.wellby_low;
  c.value_high = c.wellbys.mean * opt.valuation.wellby_high;
  // Per-pair (or per-mean) differences for the ratios and the net present value.
  std::vector<double> dW, dC;
  if (pairing.paired) {
    for (std::size_t k = 0; k < wb.size(); ++k) dW.push_back(wp[k] - wb[k]), dC.push_back(cp[k] - cb[k]);
  } else {
    dW = {c.wellbys.mean};
    dC = {c.cost.mean};
  }
  std::vector<double> valueW;
  for (double w : dW) valueW.push_back(w * v);
  c.cost_per_wellby = sum.ratio(dC, dW);
  c.bcr = sum.ratio(valueW, dC);
  {
    std::vector<double> nb, np;  // NPV = value − cost, linear: a difference of per-run levels
    for (std::size_t k = 0; k < wb.size(); ++k) nb.push_back(wb[k] * v - cb[k]);
    for (std::size_t k = 0; k < wp.size(); ++k) np.push_back(wp[k] * v - cp[k]);
    c.npv = sum.diff(nb, np);
  }
  for (const auto& name : c.policy_interventions)
    for (const char* kind : {"policy/", "service/"}) {
      const std::string series = kind + name + "/cost";
      if (!has_series(*policy.runs.front(), series)) continue;
      const auto x = policy.runs.front()->series(series);
      if (std::all_of(x.begin(), x.end(), [](double v) { return v == 0; }))
        c.notes.push_back(series + " is zero in every week: the model records no cost for " +
                          name + ", so the net cost leaves it out");
    }
  if (std::abs(c.cost.mean) < 1e-9) c.notes.push_back("no net cost recorded: cost per WELLBY and benefit-cost ratio are undefined");
  if (opt.bootstrap > 0 && pairing.paired) {
    std::vector<double> dEnd, dNpv;
    for (std::size_t k = 0; k < B.size(); ++k) {
      dEnd.push_back(at(P[k], last) - at(B[k], last));
      dNpv.push_back(dW[k] * v - dC[k]);
    }
    c.bootstrap.emplace_back("effect at last week", bootstrap_interval(dEnd, opt.bootstrap, opt.bootstrap_seed));
    c.bootstrap.emplace_back("WELLBYs", bootstrap_interval(dW, opt.bootstrap, opt.bootstrap_seed));
    c.bootstrap.emplace_back("net present value", bootstrap_interval(dNpv, opt.bootstrap, opt.bootstrap_seed));
  }

  // Horizons: the chosen weeks and the last week.
  std::set<std::uint32_t> weeks(opt.horizons.begin(), opt.horizons.end());
  if (weeks.empty())  // default: every half year
    for (std::uint32_t w = 26; w < last; w += 26) weeks.insert(w);
  weeks.insert(last);
  for (auto w : weeks) {
    if (w > last) {
      c.notes.push_back("horizon week " + std::to_string(w) + " is past the last week (" +
                        std::to_string(last) + ") and is left out");
      continue;
    }
    auto [hb, hp] = level_wellbys(w);
    c.horizons.push_back({w, c.effect[w], sum.diff(hb, hp)});
  }

  // Per-person rows: distribution, inequality, who gains, ripple.
  c.recorded_step = common_recorded_step(baseline, policy, last);
  std::vector<std::vector<float>> VB, VP;
  for (const auto& r : baseline.runs) VB.push_back(r->wellbeing_at(row_of(*r, c.recorded_step)));
  for (const auto& r : policy.runs) VP.push_back(r->wellbeing_at(row_of(*r, c.recorded_step)));
  for (std::size_t k = 0; k < VB.size(); ++k) {
    auto h = histogram(VB[k]);
    for (std::size_t b = 0; b < 11; ++b) c.dist_baseline[b] += h[b] / VB.size();
  }
  for (std::size_t k = 0; k < VP.size(); ++k) {
    auto h = histogram(VP[k]);
    for (std::size_t b = 0; b < 11; ++b) c.dist_policy[b] += h[b] / VP.size();
  }

  auto level = [&](const std::string& name, auto f) {
    Level l;
    l.name = name;
    auto b0 = per_run(baseline, [&](const output::RunReader& r) { return f(r, 0u, -1); });
    std::vector<double> b, p;
    for (std::size_t k = 0; k < baseline.size(); ++k) b.push_back(f(*baseline.runs[k], last, int(k)));
    for (std::size_t k = 0; k < policy.size(); ++k) p.push_back(f(*policy.runs[k], last, int(k) + 1000));
    l.week0 = mean_of(b0);
    l.baseline = mean_of(b);
    l.policy = mean_of(p);
    l.change = sum.diff(b, p);
    return l;
  };
  c.inequality.push_back(level("SD of life satisfaction", [](const output::RunReader& r, std::uint32_t s, int) { return at(r.stat("sd"), s); }));
  c.inequality.push_back(level("share 0-4 (low)", [](const output::RunReader& r, std::uint32_t s, int) { return at(r.stat("share_low"), s); }));
  std::vector<std::vector<Split>> SB, SP;
  for (const auto& r : baseline.runs) SB.push_back(splits_of(*r));
  for (const auto& r : policy.runs) SP.push_back(splits_of(*r));
  auto find_split = [](const std::vector<Split>& s, const std::string& prefix) -> const Split* {
    for (const auto& x : s)
      if (x.name.rfind(prefix, 0) == 0) return &x;
    return nullptr;
  };
  if (find_split(SB[0], "income")) {
    c.inequality.push_back(level(
        "income gap: Q5 mean - Q1 mean", [&](const output::RunReader& r, std::uint32_t s, int k) {
          if (k < 0) {  // week 0: the baseline's initial wellbeing
            auto w0 = r.initial_wellbeing();
            return quintile_gap(find_split(splits_of(r), "income"), w0);
          }
          (void)s;
          return k >= 1000 ? quintile_gap(find_split(SP[std::size_t(k - 1000)], "income"), VP[std::size_t(k - 1000)])
                           : quintile_gap(find_split(SB[std::size_t(k)], "income"), VB[std::size_t(k)]);
        }));
  }

  // Who gains: group means per run, then their difference.
  for (std::size_t g = 0; g < SP[0].size(); ++g) {
    const Split& split = SP[0][g];
    std::vector<std::vector<double>> gb, gp;
    for (std::size_t k = 0; k < VB.size(); ++k) {
      const Split* s = find_split(SB[k], split.name);
      gb.push_back(s ? group_means(*s, VB[k]) : std::vector<double>(split.categories.size(), kNaN));
    }
    for (std::size_t k = 0; k < VP.size(); ++k) gp.push_back(group_means(SP[k][g], VP[k]));
    auto sizes = group_sizes(split);
    for (std::size_t cat = 0; cat < split.categories.size(); ++cat) {
      GroupEffect e;
      e.split = split.name;
      e.category = split.categories[cat];
      e.people = sizes[cat];
      if (!e.people) continue;
      std::vector<double> b, p;
      for (auto& row : gb) b.push_back(row[cat]);
      for (auto& row : gp) p.push_back(row[cat]);
      e.baseline = mean_of(b);
      e.effect = sum.diff(b, p);
      c.groups.push_back(std::move(e));
    }
  }

  // The ripple (paired only: it needs each person's own difference).
  if (pairing.paired) {
    std::set<std::string> names(c.policy_interventions.begin(), c.policy_interventions.end());
    std::array<std::vector<double>, kRings> ring;
    std::vector<double> spill, total;
    std::vector<std::vector<double>> by_layer;
    for (const auto& [kb, kp] : pairing.pairs) {
      const auto& pr = *policy.runs[kp];
      auto who = recipients(pr, names, c.recorded_step);
      c.has_recipients |= std::find(who.begin(), who.end(), 1) != who.end();
      const sim::Network net = with_programme_ties(pr, c.recorded_step);
      auto hops = hop_distances(net, who);
      std::vector<double> d(VP[kp].size());
      for (std::size_t i = 0; i < d.size(); ++i) d[i] = double(VP[kp][i]) - double(VB[kb][i]);
      // The one-hop ring by the layer of the tie to the nearest recipient.
      const LayerRipple lr =
          decompose_by_layer(d, first_hop_layer(net, who, hops), net.layer_names.size());
      c.layer_names = net.layer_names;
      by_layer.resize(net.layer_names.size());
      c.layer_people.resize(net.layer_names.size(), 0.0);
      for (std::size_t l = 0; l < lr.people.size(); ++l) {
        if (lr.people[l]) by_layer[l].push_back(lr.mean[l]);
        c.layer_people[l] += double(lr.people[l]) / double(pairing.pairs.size());
      }
      Ripple rp = decompose(d, hops);
      for (std::size_t k = 0; k < kRings; ++k) {
        ring[k].push_back(rp.mean[k]);
        c.ring_people[k] += double(rp.people[k]) / double(pairing.pairs.size());
      }
      spill.push_back(rp.spillover_share);
      total.push_back(rp.total_effect);
    }
    for (std::size_t k = 0; k < kRings; ++k) {
      c.ring_effect[k] = t_interval(ring[k]);
      if (c.ring_people[k] == 0) c.ring_effect[k].mean = c.ring_effect[k].lo = c.ring_effect[k].hi = kNaN;
    }
    c.spillover_share = t_interval(spill);
    c.total_points = t_interval(total);
    for (const auto& values : by_layer) {
      Estimate e = t_interval(values);
      if (values.empty()) e.mean = e.lo = e.hi = kNaN;
      c.layer_effect.push_back(e);
    }
    if (!c.has_recipients)
      c.notes.push_back("no direct recipients recorded (a macro policy reaches everyone without "
                        "a start event): the ripple table puts everyone at 4+ hops");
  }

  // Domains and services.
  for (const auto& d : kPrevalences) {
    const std::string name = "prevalence/" + d;
    if (!has_series(*policy.runs.front(), name) || !has_series(*baseline.runs.front(), name)) continue;
    c.prevalence.push_back(level(d, [&](const output::RunReader& r, std::uint32_t s, int) { return at(r.series(name), s); }));
    Level avg = level(d, [&](const output::RunReader& r, std::uint32_t s, int) {
      auto x = r.series(name);
      return s == 0 ? at(x, 0) : average(x, s);
    });
    c.prevalence_average.push_back(avg);
  }
  std::set<std::string> services;
  for (const auto* set : {&baseline, &policy})
    for (const auto& n : set->runs.front()->series_names())
      if (n.rfind("service/", 0) == 0 && n.size() > 6 && n.substr(n.size() - 6) == "/queue")
        services.insert(n.substr(8, n.size() - 14));
  std::set<std::string> own(c.policy_interventions.begin(), c.policy_interventions.end());
  for (const auto& s : services) {
    ServiceRow row;
    row.name = s;
    row.policy_own = own.count(s) > 0;
    auto mean_over = [&](const RunSet& set, const std::string& metric) {
      std::vector<double> v;
      for (const auto& r : set.runs) v.push_back(average(series_or_zero(*r, "service/" + s + "/" + metric), last));
      return mean_of(v);
    };
    row.queue_baseline = mean_over(baseline, "queue");
    row.queue_policy = mean_over(policy, "queue");
    // The mean wait of the people admitted over the run: each week's mean wait weighted by its
    // admissions (a week that admits nobody says nothing about waiting).
    auto mean_wait = [&](const RunSet& set) {
      std::vector<double> v;
      for (const auto& r : set.runs) {
        const auto wait = series_or_zero(*r, "service/" + s + "/mean_wait_weeks");
        const auto admitted = series_or_zero(*r, "service/" + s + "/admitted");
        double weeks = 0, people = 0;
        for (std::size_t t = 1; t <= last && t < wait.size() && t < admitted.size(); ++t)
          weeks += wait[t] * admitted[t], people += admitted[t];
        v.push_back(people > 0 ? weeks / people : 0.0);
      }
      return mean_of(v);
    };
    row.wait_baseline = mean_wait(baseline);
    row.wait_policy = mean_wait(policy);
    row.enrolled_baseline = mean_over(baseline, "enrolled");
    row.enrolled_policy = mean_over(policy, "enrolled");
    c.services.push_back(row);
  }
  std::stable_sort(c.services.begin(), c.services.end(),
                   [](const ServiceRow& a, const ServiceRow& b) { return a.policy_own > b.policy_own; });
  return c;
}

}  // namespace wellsim::analysis
