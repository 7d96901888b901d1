// The terminal table of `wellsim compare`.
#include <cmath>

#include "analysis/format.hpp"
#include "analysis/report.hpp"

namespace wellsim::analysis {

namespace {

void row(std::FILE* out, const std::string& label, const std::string& value,
         const std::string& extra = "") {
  std::fprintf(out, "  %-34s %16s  %s\n", label.c_str(), value.c_str(), extra.c_str());
}

std::string signed_num(double x, int digits) {
  std::string s = num(x, digits);
  return std::isfinite(x) && x >= 0 ? "+" + s : s;
}

std::string pp(double share) { return num(100 * share, 2) + "%"; }

std::string pp_interval(const Estimate& e) {
  if (!e.has_interval()) return "(no interval)";
  return "[" + signed_num(100 * e.lo, 2) + ", " + signed_num(100 * e.hi, 2) + "]";
}

/// Names, sizes and what the policy changes.
void text_header(std::FILE* out, const PolicyComparison& c) {
  std::fprintf(out, "%s  vs  %s (baseline)\n", c.policy_name.c_str(), c.baseline_name.c_str());
  std::fprintf(out, "  %d %s replicate%s, %zu people, weeks 0-%u\n", c.replicates,
               c.paired ? "paired" : "unpaired", c.replicates == 1 ? "" : "s", c.population,
               c.last_step);
  std::string names;
  for (const auto& n : c.policy_interventions) names += (names.empty() ? "" : ", ") + n;
  std::fprintf(out, "  policy adds or changes: %s\n", names.empty() ? "(nothing)" : names.c_str());
}

/// The effect at the horizons and on average.
void text_effect(std::FILE* out, const PolicyComparison& c) {
  std::fprintf(out,
               "\nEffect on mean life satisfaction (0-10), policy - baseline, 95%% interval "
               "across replicates\n");
  std::fprintf(out, "  %6s %10s %10s %12s  %s\n", "week", "baseline", "policy", "difference",
               "95% interval");
  for (const auto& h : c.horizons)
    std::fprintf(out, "  %6u %10.3f %10.3f %12s  %s\n", h.week, c.baseline_mean[h.week],
                 c.policy_mean[h.week], signed_num(h.effect.mean, 4).c_str(),
                 interval(h.effect, 4).c_str());
  std::fprintf(out, "  %6s %10s %10s %12s  %s\n", "avg", "", "",
               signed_num(c.average_effect.mean, 4).c_str(), interval(c.average_effect, 4).c_str());
}

/// WELLBYs, their value, costs and ratios.
void text_money(std::FILE* out, const PolicyComparison& c) {
  const auto& v = c.valuation;
  std::fprintf(out,
               "\nValue for money (HM Treasury Green Book wellbeing guidance 2021: %s per WELLBY, "
               "%d prices; discount %s%% a year)\n",
               money(v.wellby_value).c_str(), v.price_year, num(100 * v.discount_rate, 1).c_str());
  row(out, "WELLBYs (discounted)", signed_num(c.wellbys.mean, 1), interval(c.wellbys, 1));
  row(out, "value of WELLBYs", money(c.value.mean),
      money_interval(c.value) + "  (at " + money(v.wellby_low) + ": " + money(c.value_low) +
          "; at " + money(v.wellby_high) + ": " + money(c.value_high) + ")");
  row(out, "net cost (discounted)", money(c.cost.mean), money_interval(c.cost));
  row(out, "cost per WELLBY", money(c.cost_per_wellby.mean), money_interval(c.cost_per_wellby));
  row(out, "net present value", money(c.npv.mean), money_interval(c.npv));
  row(out, "benefit-cost ratio", num(c.bcr.mean, 2), interval(c.bcr, 2));
  for (const auto& [name, e] : c.bootstrap)
    row(out, "bootstrap: " + name, num(e.mean, 3), interval(e, 3));
  for (const auto& h : c.horizons)
    if (h.week != c.last_step)
      row(out, "WELLBYs to week " + std::to_string(h.week), signed_num(h.wellbys.mean, 1),
          interval(h.wellbys, 1));
}

/// Each advocacy campaign: how often it won by each horizon and the WELLBYs by outcome.
void text_campaigns(std::FILE* out, const PolicyComparison& c) {
  for (const auto& k : c.campaigns) {
    std::fprintf(out, "\nAdvocacy campaign %s (wins %s): share of replicates won, Wilson 95%%\n",
                 k.name.c_str(), k.wins.empty() ? "?" : k.wins.c_str());
    for (std::size_t h = 0; h < c.horizons.size(); ++h)
      if (c.horizons[h].week != c.last_step)
        row(out, "won by week " + std::to_string(c.horizons[h].week), pp(k.by_horizon[h]));
    row(out, "won by week " + std::to_string(c.last_step), pp(k.success.mean),
        "[" + pp(k.success.lo) + ", " + pp(k.success.hi) + "] of " + std::to_string(k.success.n));
    if (std::isfinite(k.success_baseline))
      row(out, "won in the baseline runs", pp(k.success_baseline));
    row(out, "mean win week (when won)", num(k.mean_win_week, 1));
    row(out, "WELLBYs, failures included", signed_num(k.wellbys_expected.mean, 1),
        interval(k.wellbys_expected, 1));
    row(out, "WELLBYs when it won", signed_num(k.wellbys_won.mean, 1), interval(k.wellbys_won, 1));
    row(out, "WELLBYs when it failed", signed_num(k.wellbys_failed.mean, 1),
        interval(k.wellbys_failed, 1));
  }
}

/// The share of people at each score.
void text_distribution(std::FILE* out, const PolicyComparison& c) {
  std::fprintf(out, "\nDistribution at week %u (share at each rounded score)\n  score   ",
               c.recorded_step);
  for (int s = 0; s <= 10; ++s) std::fprintf(out, "%6d", s);
  std::fprintf(out, "\n  baseline");
  for (double x : c.dist_baseline) std::fprintf(out, "%6.1f", 100 * x);
  std::fprintf(out, "\n  policy  ");
  for (double x : c.dist_policy) std::fprintf(out, "%6.1f", 100 * x);
  std::fprintf(out, "   (%%)\n");
}

/// SD, low share and the income gap.
void text_inequality(std::FILE* out, const PolicyComparison& c) {
  std::fprintf(out, "\nInequality at week %u\n  %-32s %9s %9s %9s %10s  %s\n", c.last_step,
               "measure", "week 0", "baseline", "policy", "change", "95% interval");
  for (const auto& l : c.inequality) {
    const bool share = l.name.rfind("share", 0) == 0;
    std::fprintf(out, "  %-32s %9s %9s %9s %10s  %s\n", l.name.c_str(),
                 share ? pp(l.week0).c_str() : num(l.week0, 3).c_str(),
                 share ? pp(l.baseline).c_str() : num(l.baseline, 3).c_str(),
                 share ? pp(l.policy).c_str() : num(l.policy, 3).c_str(),
                 share ? (signed_num(100 * l.change.mean, 2) + "pp").c_str()
                       : signed_num(l.change.mean, 4).c_str(),
                 share ? pp_interval(l.change).c_str() : interval(l.change, 4).c_str());
  }
}

/// Who gains, by group.
void text_who_gains(std::FILE* out, const PolicyComparison& c) {
  std::fprintf(out, "\nWho gains: difference in mean life satisfaction at week %u\n",
               c.recorded_step);
  std::fprintf(out, "  %-36s %-14s %7s %9s %11s  %s\n", "group", "", "people", "baseline",
               "difference", "95% interval");
  std::string last_split;
  for (const auto& g : c.groups) {
    std::fprintf(out, "  %-36s %-14s %7zu %9.3f %11s  %s\n",
                 g.split == last_split ? "" : g.split.c_str(), g.category.c_str(), g.people,
                 g.baseline, signed_num(g.effect.mean, 4).c_str(), interval(g.effect, 4).c_str());
    last_split = g.split;
  }
}

/// Children at the start and everyone else, period by period.
void text_cohorts(std::FILE* out, const PolicyComparison& c) {
  if (c.cohorts.empty()) return;
  std::fprintf(out,
               "\nCohorts fixed at week 0, by period: mean difference per person-week present "
               "and WELLBYs\n");
  std::fprintf(out, "  %-34s %-13s %8s %9s %11s  %-18s %9s  %s\n", "cohort", "period", "people",
               "baseline", "difference", "95% interval", "WELLBYs", "95% interval");
  std::string last;
  for (const auto& r : c.cohorts) {
    std::fprintf(out, "  %-34s %-13s %8.0f %9.3f %11s  %-18s %9s  %s\n",
                 r.cohort == last ? "" : r.cohort.c_str(),
                 period_label(r.first_week, r.last_week).c_str(), r.people, r.baseline,
                 signed_num(r.effect.mean, 4).c_str(), interval(r.effect, 4).c_str(),
                 signed_num(r.wellbys.mean, 1).c_str(), interval(r.wellbys, 1).c_str());
    last = r.cohort;
  }
}

/// The ripple by hops and tie layer (paired runs only).
void text_ripple(std::FILE* out, const PolicyComparison& c) {
  if (c.paired) {
    std::fprintf(out,
                 "\nRipple at week %u: direct recipients and others by hops from the nearest "
                 "recipient\n",
                 c.recorded_step);
    std::fprintf(out, "  %-12s %9s %11s  %s\n", "ring", "people", "difference", "95% interval");
    for (std::size_t k = 0; k < kRings; ++k)
      std::fprintf(out, "  %-12s %9.0f %11s  %s\n", kRingNames[k], c.ring_people[k],
                   signed_num(c.ring_effect[k].mean, 4).c_str(),
                   interval(c.ring_effect[k], 4).c_str());
    if (!c.layer_effect.empty()) {
      std::fprintf(out, "  1 hop, by the tie to the nearest recipient:\n");
      for (std::size_t l = 0; l < c.layer_effect.size(); ++l)
        if (c.layer_people[l] > 0)
          std::fprintf(out, "    %-12s %7.0f %11s  %s\n", c.layer_names[l].c_str(),
                       c.layer_people[l], signed_num(c.layer_effect[l].mean, 4).c_str(),
                       interval(c.layer_effect[l], 4).c_str());
    }
    row(out, "total effect (person-points)", signed_num(c.total_points.mean, 1),
        interval(c.total_points, 1));
    row(out, "share through spillover", c.has_recipients ? pp(c.spillover_share.mean) : "n/a",
        c.has_recipients && c.spillover_share.has_interval()
            ? "[" + pp(c.spillover_share.lo) + ", " + pp(c.spillover_share.hi) + "]"
            : "");
  }
}

/// Domain prevalences, services and the notes.
void text_domains(std::FILE* out, const PolicyComparison& c) {
  if (!c.prevalence.empty()) {
    std::fprintf(out, "\nDomains: prevalence at week %u (average over weeks 1-%u)\n", c.last_step,
                 c.last_step);
    std::fprintf(out, "  %-26s %9s %9s %10s  %-18s %12s\n", "domain", "baseline", "policy",
                 "change", "95% interval", "avg change");
    for (std::size_t k = 0; k < c.prevalence.size(); ++k) {
      const auto& l = c.prevalence[k];
      std::fprintf(out, "  %-26s %9s %9s %10s  %-18s %12s\n", l.name.c_str(),
                   pp(l.baseline).c_str(), pp(l.policy).c_str(),
                   (signed_num(100 * l.change.mean, 2) + "pp").c_str(),
                   pp_interval(l.change).c_str(),
                   (signed_num(100 * c.prevalence_average[k].change.mean, 2) + "pp").c_str());
    }
  }
  if (!c.services.empty()) {
    std::fprintf(out, "\nServices: weekly averages over weeks 1-%u (baseline -> policy)\n",
                 c.last_step);
    std::fprintf(out, "  %-22s %20s %20s %20s\n", "service", "served", "queue", "wait (weeks)");
    for (const auto& s : c.services) {
      auto pair = [](double a, double b, int d) { return num(a, d) + " -> " + num(b, d); };
      std::fprintf(out, "  %-22s %20s %20s %20s\n", (s.name + (s.policy_own ? " *" : "")).c_str(),
                   pair(s.enrolled_baseline, s.enrolled_policy, 1).c_str(),
                   pair(s.queue_baseline, s.queue_policy, 1).c_str(),
                   pair(s.wait_baseline, s.wait_policy, 2).c_str());
    }
    std::fprintf(out, "  (* added or changed by the policy)\n");
  }
  if (!c.notes.empty()) {
    std::fprintf(out, "\nNotes\n");
    for (const auto& n : c.notes) std::fprintf(out, "  - %s\n", n.c_str());
  }
}

}  // namespace

void write_text(std::FILE* out, const PolicyComparison& c) {
  text_header(out, c);
  text_effect(out, c);
  text_money(out, c);
  text_campaigns(out, c);
  text_distribution(out, c);
  text_inequality(out, c);
  text_who_gains(out, c);
  text_ripple(out, c);
  text_cohorts(out, c);
  text_domains(out, c);
}

}  // namespace wellsim::analysis
