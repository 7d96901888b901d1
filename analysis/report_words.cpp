#include "analysis/report_words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/format.hpp"

namespace wellsim::analysis {

namespace {

/// `x` with `decimals` decimals (negative: rounded to tens, hundreds ...) and thousands commas.
std::string grouped(double x, int decimals) {
  if (!std::isfinite(x)) return "n/a";
  const double unit = std::pow(10.0, -decimals);
  x = std::round(x / unit) * unit;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::max(decimals, 0), std::fabs(x));
  std::string s = buf, head = s.substr(0, s.find('.')), tail = s.substr(head.size()), out;
  for (std::size_t k = 0; k < head.size(); ++k) {
    if (k && (head.size() - k) % 3 == 0) out += ',';
    out += head[k];
  }
  return (x < 0 ? "-" : "") + out + tail;
}

/// Decimals that keep two significant figures of `x`.
int two_figures(double x) {
  return x == 0 || !std::isfinite(x) ? 0 : 1 - int(std::floor(std::log10(std::fabs(x))));
}

std::string signed_points(const Estimate& e) {
  return (e.mean > 0 ? "+" : "") + rounded(e) + " points";
}

/// "weeks 30-130", "from week 30", "every week".
std::string weeks_of(const output::InterventionRecord& r, std::uint32_t last) {
  const bool to_end = r.end_week == output::kToTheEnd || r.end_week >= std::int64_t(last);
  if (r.start_week <= 1 && to_end) return "every week";
  if (to_end) return "from week " + std::to_string(r.start_week);
  return "weeks " + std::to_string(r.start_week) + "\xE2\x80\x93" + std::to_string(r.end_week);
}

/// One intervention change as a clause: "adds warm_spaces (meso warm_space, weeks 30-130)".
std::string clause(const InterventionChange& ch, std::uint32_t last) {
  const auto& r = ch.record;
  if (ch.change == "removed") return "removes " + r.name;
  std::string where = r.neighbourhoods.empty() ? "" : ", in " + join(r.neighbourhoods, ", ");
  if (!r.filter.empty()) where += ", for people who are " + join(r.filter, " and ");
  if (ch.change == "added")
    return "adds " + r.name + " (" + (r.level.empty() ? "" : r.level + " ") + r.type + ", " +
           weeks_of(r, last) + where + ")";
  std::vector<std::string> keys;
  for (const auto& k : ch.keys)
    keys.push_back(k.key + " " + k.baseline + " \xE2\x86\x92 " + k.policy);
  return "changes " + r.name +
         (keys.empty() ? " (its weeks or targets)" : " (" + join(keys, ", ") + ")");
}

std::string what_words(const PolicyComparison& c) {
  std::string s = c.policy_name;
  if (!c.policy_facts.caption.empty())
    s += " (\xE2\x80\x9C" + c.policy_facts.caption + "\xE2\x80\x9D)";
  s += " is compared with " + c.baseline_name + ". It ";
  std::vector<std::string> clauses;
  for (const auto& ch : c.intervention_changes) clauses.push_back(clause(ch, c.last_step));
  if (!c.parameter_changes.empty())
    clauses.push_back("sets " + std::to_string(c.parameter_changes.size()) + " other parameter" +
                      (c.parameter_changes.size() > 1 ? "s" : "") +
                      " differently (listed under assumptions)");
  s += clauses.empty() ? "changes nothing the run files record" : join(clauses, "; ");
  return s + ". The model follows " + grouped(double(c.population), 0) + " people for " +
         std::to_string(c.last_step) + " weeks (" + grouped(c.last_step / 52.0, 1) + " years).";
}

/// The groups with the largest and smallest effect, as a sentence ("" without groups).
std::string group_words(const PolicyComparison& c) {
  const GroupEffect *hi = nullptr, *lo = nullptr;
  for (const auto& g : c.groups) {
    if (!std::isfinite(g.effect.mean)) continue;
    if (!hi || g.effect.mean > hi->effect.mean) hi = &g;
    if (!lo || g.effect.mean < lo->effect.mean) lo = &g;
  }
  if (!hi || hi == lo) return "";
  const std::string by = " By week " + std::to_string(c.recorded_step) + " ",
                    best = hi->split + " " + hi->category + " (" + signed_points(hi->effect) + ")",
                    worst = lo->split + " " + lo->category + " (" + signed_points(lo->effect) + ")";
  // "Largest" of negative numbers would name the smallest loss: say gain or loss.
  if (lo->effect.mean >= 0)
    return by + "the gain is largest for " + best + " and smallest for " + worst + ".";
  if (hi->effect.mean <= 0)
    return by + "the loss is largest for " + worst + " and smallest for " + best + ".";
  return by + best + " gains most and " + worst + " loses most.";
}

std::string who_words(const PolicyComparison& c) {
  std::string s =
      "Life satisfaction (0\xE2\x80\x93"
      "10 scale) averages " +
      signed_points(c.average_effect) + " against the baseline over weeks 1\xE2\x80\x93" +
      std::to_string(c.last_step) + ", and " + signed_points(c.final_effect) + " in week " +
      std::to_string(c.last_step) + "." + group_words(c);
  if (c.paired && c.has_recipients)
    s += " About " + grouped(c.ring_people[0], two_figures(c.ring_people[0])) +
         " people were reached directly; " + grouped(100 * c.spillover_share.mean, 0) +
         "% of the total change fell on people who were not, through their ties.";
  const Level* biggest = nullptr;
  for (const auto& l : c.prevalence_average)
    if (!biggest || std::fabs(l.change.mean) > std::fabs(biggest->change.mean)) biggest = &l;
  if (biggest && std::fabs(biggest->change.mean) >= 0.0005)
    s += " The largest change in a life domain is " + biggest->name + ", " +
         grouped(100 * std::fabs(biggest->change.mean), 1) + " percentage points " +
         (biggest->change.mean < 0 ? "lower" : "higher") + " on average.";
  return s;
}

std::string how_sure_words(const PolicyComparison& c) {
  const std::string limits =
      " The intervals measure the chance variation between simulated towns only: uncertainty "
      "in the model's assumptions and evidence (listed below) is not in them.";
  const Estimate& w = c.wellbys;
  if (!w.has_interval())
    return "One run per side: the report cannot say how sure these figures are (run "
           "--replicates 5 or more)." +
           limits;
  const std::string range = " [" + grouped(w.lo, two_figures(w.hi - w.lo)) + ", " +
                            grouped(w.hi, two_figures(w.hi - w.lo)) + "] WELLBYs";
  const std::string n = std::to_string(c.replicates) + (c.paired ? " paired" : "") + " replicates";
  if (w.lo > 0)
    return "Across " + n + " the wellbeing gain is clearly above zero (95% interval" + range +
           ")." + limits;
  if (w.hi < 0)
    return "Across " + n + " the wellbeing loss is clearly below zero (95% interval" + range +
           ")." + limits;
  return "Across " + n + " the runs cannot tell the change from no change: the 95% interval" +
         range + " includes zero." + limits;
}

std::string cost_words(const PolicyComparison& c) {
  const auto& v = c.valuation;
  const std::string over = " over " + std::to_string(c.last_step) + " weeks (discounted at " +
                           num(100 * v.discount_rate, 1) +
                           "% a year, net of what the baseline spends)";
  if (std::fabs(c.cost.mean) < 0.5) return "The runs record no net cost" + over + ".";
  return std::string(c.cost.mean > 0 ? "It costs " : "It saves ") +
         money_words(std::fabs(c.cost.mean)) + over + ".";
}

std::string worth_words(const PolicyComparison& c) {
  const auto& v = c.valuation;
  const bool gain = c.wellbys.mean >= 0;
  std::string s = std::string("The wellbeing ") + (gain ? "gained" : "lost") + ", " +
                  rounded(Estimate{std::fabs(c.wellbys.mean), std::fabs(c.wellbys.lo),
                                   std::fabs(c.wellbys.hi), c.wellbys.n}) +
                  " WELLBYs (one WELLBY is one point of life satisfaction for one person for a "
                  "year), is " +
                  (gain ? "worth" : "a loss worth") + " about " +
                  money_words(std::fabs(c.value.mean)) + " at " + money(v.wellby_value) +
                  " per WELLBY (" + money_words(std::fabs(c.value_low)) + " to " +
                  money_words(std::fabs(c.value_high)) + " across the Green Book range " +
                  money(v.wellby_low) + "\xE2\x80\x93" + money(v.wellby_high) + ").";
  const double cost = c.cost.mean;
  const std::string note = bcr_caveat(c);
  if (!note.empty()) return s + " " + note;
  const std::string per_pound =
      " Each \xC2\xA3"
      "1 spent buys \xC2\xA3" +
      grouped(c.value_low / cost, two_figures(c.value_low / cost)) + " to \xC2\xA3" +
      grouped(c.value_high / cost, two_figures(c.value_high / cost)) + " of wellbeing.";
  if (c.value_low >= cost)
    return s + " It is worth more than it costs at every value in the range." + per_pound;
  if (c.value_high < cost)
    return s + " It costs more than the wellbeing is worth at every value in the range." +
           per_pound;
  return s + " It is worth its cost only if a WELLBY is worth at least " +
         money_words(cost / c.wellbys.mean) + ", inside the range." + per_pound;
}

}  // namespace

std::string rounded(const Estimate& e) {
  if (!e.has_interval() || e.hi <= e.lo) return grouped(e.mean, two_figures(e.mean));
  const double half = (e.hi - e.lo) / 2;
  return grouped(e.mean, std::min(4, -int(std::floor(std::log10(half)))));
}

std::string money_words(double x) {
  if (!std::isfinite(x)) return "n/a";
  const std::string sign = x < 0 ? "-" : "";
  x = std::fabs(x);
  if (x >= 1e6)
    return sign + "\xC2\xA3" + grouped(x / 1e6, std::max(0, two_figures(x / 1e6))) + " million";
  return sign + "\xC2\xA3" + grouped(x, std::min(0, two_figures(x)));
}

std::string cost_per_wellby_caveat(const PolicyComparison& c) {
  const double w = c.wellbys.mean, cost = c.cost.mean;
  if (std::fabs(cost) < 0.5) return "No net cost is recorded, so there is no cost per WELLBY.";
  if (w <= 0 && cost > 0)
    return "The change costs " + money_words(cost) +
           " and lowers wellbeing: it is worse and dearer "
           "than the baseline, so a cost per WELLBY (it would be negative) is not a price.";
  if (w > 0 && cost < 0)
    return "The change saves " + money_words(-cost) +
           " and raises wellbeing: it is better and "
           "cheaper than the baseline, so a (negative) cost per WELLBY is not a price.";
  if (w < 0 && cost < 0)
    return "The change saves money at a loss of wellbeing: the figure is pounds saved per WELLBY "
           "lost, worth it only if above the value of a WELLBY (" +
           money(c.valuation.wellby_value) + ").";
  return "";
}

std::string bcr_caveat(const PolicyComparison& c) {
  const double w = c.wellbys.mean, cost = c.cost.mean;
  if (std::fabs(cost) < 0.5)
    return "No net cost is recorded, so there is no benefit\xE2\x80\x93"
           "cost ratio.";
  if (w <= 0 && cost > 0)
    return "It costs money and does harm, so no benefit\xE2\x80\x93"
           "cost ratio is given: there is "
           "no benefit to set against the cost.";
  if (cost < 0 && w >= 0)
    return "It saves money and does no harm, so no benefit\xE2\x80\x93"
           "cost ratio is given: it is "
           "better on both counts.";
  if (cost < 0)
    return "It saves " + money_words(-cost) + " at a loss of wellbeing worth " +
           money_words(-c.value.mean) + ": the saving is " +
           (-cost > -c.value.mean ? "larger" : "smaller") + " than the wellbeing lost.";
  return "";
}

std::string ratio_interval_caveat(const Estimate& denominator, const std::string& what) {
  if (!denominator.has_interval() || denominator.lo > 0 || denominator.hi < 0) return "";
  return "No interval for the " + what +
         ": the interval of its denominator includes zero, so "
         "the ratio is unbounded.";
}

PlainWords plain_words(const PolicyComparison& c) {
  return {what_words(c), who_words(c), how_sure_words(c), cost_words(c), worth_words(c)};
}

}  // namespace wellsim::analysis
