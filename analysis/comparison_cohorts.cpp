// The cohort table of `compare`: the effect on those who were children at the start, followed
// through the run's periods (years 1-5, 6-10, ...), beside everyone else.
//
// A childhood programme is judged by whether its gain stays with the children it reached as they
// grow up, so the cohort is fixed at week 0 (age 0-15 in /people/age, which holds the week-0
// age) and is the same people in both arms: a split by age now would move people between groups
// as they age, and a baseline and a policy run would not compare the same people. Each period's
// figure is over the person-weeks present (a person who died counts until their death week and
// not at their last value after it, analysis/presence.hpp): the mean difference per person-week
// and the discounted WELLBYs, which over the cohorts and all periods add up to the headline
// WELLBYs when every week has a per-person row (record_every = 1). With [demography] births a
// third cohort, those born during the run, counts from their birth week, so the groups still add
// up. With rows every k weeks a row stands for the k weeks up to it.
#include <algorithm>
#include <cmath>

#include "analysis/comparison_steps.hpp"
#include "analysis/presence.hpp"

namespace wellsim::analysis {

namespace {

constexpr std::size_t kCohorts = 3;
const char* const kCohortNames[kCohorts] = {
    "children at the start (0-15)", "everyone else (16+ at the start)", "born during the run"};
constexpr std::size_t kBorn = 2;  // shown only when someone was born ([demography])

/// The periods of a run of `last` weeks: weeks 1..period, period+1..2·period, ..., the last
/// one cut at `last` (one period when the run is shorter than one).
std::vector<std::pair<std::uint32_t, std::uint32_t>> cohort_periods(std::uint32_t last,
                                                                    std::uint32_t period) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  period = std::max<std::uint32_t>(period, 1);
  for (std::uint32_t first = 1; first <= last; first += period)
    out.emplace_back(first, std::min(last, first + period - 1));
  return out;
}

/// One run's sums for each cohort and period, [cohort * periods + period].
struct CohortSums {
  std::vector<double> points;        // life satisfaction summed over person-weeks present
  std::vector<double> person_weeks;  // person-weeks present
  std::vector<double> wellbys;       // discounted WELLBYs (points / 52 × discount factor)
};

/// Each agent's cohort: 0 aged 0-15 at week 0, 1 older, 2 born during the run, -1 a row that
/// never held anyone (reserved for a birth that did not happen).
std::vector<int> cohort_labels(const output::RunReader& run, const Presence& presence) {
  const auto age = run.people_codes("age");
  std::vector<int> label(run.agent_count(), -1);
  for (std::size_t i = 0; i < label.size() && i < age.size(); ++i)
    if (presence.at(i, 0))
      label[i] = age[i] < 16 ? 0 : 1;
    else if (presence.from[i] != kNever)
      label[i] = static_cast<int>(kBorn);
  return label;
}

CohortSums cohort_sums(const output::RunReader& run, std::uint32_t last, std::uint32_t period,
                       std::size_t periods, double rate) {
  CohortSums sums;
  for (auto* v : {&sums.points, &sums.person_weeks, &sums.wellbys})
    v->assign(kCohorts * periods, 0);
  const auto presence = presence_of(run);
  const auto label = cohort_labels(run, presence);
  const auto steps = run.recorded_steps();
  std::uint32_t done = 0;  // weeks 1..done are counted
  for (std::size_t row = 1; row < steps.size() && done < last; ++row) {
    if (steps[row] <= static_cast<std::int32_t>(done)) continue;
    const auto values = run.wellbeing_at(row);
    const auto upto = std::min(last, static_cast<std::uint32_t>(steps[row]));
    for (std::uint32_t w = done + 1; w <= upto; ++w) {
      const std::size_t p = std::min<std::size_t>((w - 1) / period, periods - 1);
      const double factor = discount_factor(w, rate) / 52.0;
      for (std::size_t i = 0; i < values.size() && i < label.size(); ++i) {
        if (label[i] < 0 || !presence.at(i, w)) continue;
        const std::size_t k = static_cast<std::size_t>(label[i]) * periods + p;
        sums.points[k] += values[i];
        sums.person_weeks[k] += 1;
        sums.wellbys[k] += values[i] * factor;
      }
    }
    done = upto;
  }
  return sums;
}

}  // namespace

std::string period_label(std::uint32_t first_week, std::uint32_t last_week) {
  if ((first_week - 1) % 52 != 0 || last_week % 52 != 0)
    return "weeks " + std::to_string(first_week) + "-" + std::to_string(last_week);
  const auto a = (first_week - 1) / 52 + 1, b = last_week / 52;
  return a == b ? "year " + std::to_string(a)
                : "years " + std::to_string(a) + "-" + std::to_string(b);
}

void compare_steps::add_cohorts(PolicyComparison& c, const Sides& s, const CompareOptions& opt) {
  if (!s.baseline.runs.front()->has_people() || !s.policy.runs.front()->has_people()) return;
  const auto periods = cohort_periods(s.last, opt.cohort_period_weeks);
  if (periods.empty()) return;
  const double rate = opt.valuation.discount_rate;
  auto sums_of = [&](const RunSet& set) {
    std::vector<CohortSums> out;
    for (const auto& r : set.runs)
      out.push_back(cohort_sums(*r, s.last, opt.cohort_period_weeks, periods.size(), rate));
    return out;
  };
  const auto base = sums_of(s.baseline), pol = sums_of(s.policy);
  const double nan = std::nan("");
  bool born = false;  // the third cohort only where someone was born, so the groups add up
  for (const auto& x : base)
    for (std::size_t p = 0; p < periods.size(); ++p)
      born |= x.person_weeks[kBorn * periods.size() + p] > 0;
  for (std::size_t g = 0; g < (born ? kCohorts : kBorn); ++g)
    for (std::size_t p = 0; p < periods.size(); ++p) {
      const std::size_t k = g * periods.size() + p;
      std::vector<double> mb, mp, wb, wp, people;
      auto take = [&](const std::vector<CohortSums>& sums, std::vector<double>& mean,
                      std::vector<double>& wellby) {
        for (const auto& x : sums) {
          mean.push_back(x.person_weeks[k] > 0 ? x.points[k] / x.person_weeks[k] : nan);
          wellby.push_back(x.wellbys[k]);
        }
      };
      take(base, mb, wb);
      take(pol, mp, wp);
      const double weeks = periods[p].second - periods[p].first + 1;
      for (const auto& x : base) people.push_back(x.person_weeks[k] / weeks);
      c.cohorts.push_back({kCohortNames[g], periods[p].first, periods[p].second, mean_of(people),
                           mean_of(mb), s.summary.diff(mb, mp), s.summary.diff(wb, wp)});
    }
  c.cohort_every = s.baseline.runs.front()->record_every();
  if (c.cohort_every != 1)
    c.notes.push_back(
        "the cohort table reads per-person rows " +
        (c.cohort_every ? "every " + std::to_string(c.cohort_every) + " weeks"
                        : std::string("of the first and last weeks only")) +
        " (output.record_every): each row stands for the weeks up to it; record_every = 1 makes "
        "it exact");
}

}  // namespace wellsim::analysis
