// The sections of the HTML report for readers who do not read charts: the verdict in plain
// words (first), domains and services, assumptions and caveats drawn from the run files, and
// provenance naming every file. A council paper quotes these; the charts support them.
#include <cmath>

#include "analysis/evidence.hpp"
#include "analysis/format.hpp"
#include "analysis/report_html_parts.hpp"
#include "analysis/report_words.hpp"

namespace wellsim::analysis::html {

namespace {

template <typename T>
std::string joined_numbers(const std::vector<T>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + std::to_string(x);
  return out;
}

std::string weeks(const output::InterventionRecord& r) {
  return std::to_string(r.start_week) + "&ndash;" +
         (r.end_week == output::kToTheEnd ? std::string("end") : std::to_string(r.end_week));
}

/// Where and for whom an intervention acts.
std::string reach(const output::InterventionRecord& r) {
  std::string s = r.neighbourhoods.empty() ? "everywhere" : join(r.neighbourhoods, ", ");
  if (!r.filter.empty()) s += "; people who are " + join(r.filter, ", ");
  return html_escape(s);
}

std::string key_list(const std::vector<ParameterChange>& keys) {
  std::string s;
  for (const auto& k : keys)
    s += (s.empty() ? "" : ", ") + html_escape(k.key) + " " +
         (k.baseline.empty() ? "" : html_escape(k.baseline) + " &rarr; ") + html_escape(k.policy) +
         (k.unit.empty() ? "" : " " + html_escape(k.unit));
  return s;
}

void intervention_table(std::ostream& o, const PolicyComparison& c) {
  o << "<h4>What the policy changes</h4>\n";
  if (c.intervention_changes.empty()) {
    o << "<p>No intervention differs between the two scenarios.</p>\n";
    return;
  }
  o << "<table class=\"wide\"><tr><th>intervention</th><th>change</th><th>type (level)</th>"
       "<th>weeks</th><th>where, who</th><th>settings</th><th>evidence (docs/model.md)</th></tr>\n";
  for (const auto& ch : c.intervention_changes) {
    const auto& r = ch.record;
    const std::string source = evidence_for_type(r.type);
    o << "<tr><td>" << html_escape(r.name) << "</td><td>" << ch.change << "</td><td>"
      << html_escape(r.type) << (r.level.empty() ? "" : " (" + html_escape(r.level) + ")")
      << "</td><td>" << weeks(r) << "</td><td>" << reach(r) << "</td><td>" << key_list(ch.keys)
      << "</td><td>" << html_escape(source.empty() ? "not given" : source) << "</td></tr>\n";
  }
  o << "</table>\n";
}

void parameter_table(std::ostream& o, const PolicyComparison& c) {
  o << "<h4>Other parameters that differ</h4>\n";
  if (c.parameter_changes.empty()) {
    o << "<p>None: the two scenarios differ only in their interventions.</p>\n";
    return;
  }
  o << "<table class=\"wide\"><tr><th>parameter</th><th>baseline</th><th>policy</th><th>unit</th>"
       "<th>evidence (docs/model.md)</th></tr>\n";
  for (const auto& k : c.parameter_changes)
    o << "<tr><td>" << html_escape(k.key) << "</td><td>" << html_escape(k.baseline) << "</td><td>"
      << html_escape(k.policy) << "</td><td>" << html_escape(k.unit) << "</td><td>"
      << html_escape(evidence_for_key(k.key)) << "</td></tr>\n";
  o << "</table>\n";
}

void effects_table(std::ostream& o, const PolicyComparison& c) {
  if (c.effects_used.empty()) return;
  o << "<h4>Evidence for the wellbeing effects used</h4>\n<p>How much each circumstance moves "
       "life satisfaction in the policy runs, and where the number comes from. A circumstance "
       "with effect 0 changes wellbeing only through the others it brings (income, "
       "illness, loneliness).</p>\n<table class=\"wide\"><tr><th>effect</th><th>value</th>"
       "<th>unit</th><th>source (docs/model.md)</th></tr>\n";
  for (const auto& e : c.effects_used)
    o << "<tr><td>" << html_escape(e.key) << "</td><td>" << html_escape(e.value) << "</td><td>"
      << html_escape(e.unit) << "</td><td>"
      << html_escape(e.source.empty() ? "not given" : e.source) << "</td></tr>\n";
  o << "</table>\n";
}

}  // namespace

void summary_section(std::ostream& o, const PolicyComparison& c, const std::string& p) {
  const PlainWords w = plain_words(c);
  o << heading(p + "summary", "In plain words") << "<dl class=\"summary\">"
    << "<dt>What the policy is</dt><dd>" << html_escape(w.what) << "</dd>"
    << "<dt>What it changes, for whom</dt><dd>" << html_escape(w.who) << "</dd>"
    << "<dt>How sure</dt><dd>" << html_escape(w.how_sure) << "</dd>"
    << "<dt>What it costs</dt><dd>" << html_escape(w.cost) << "</dd>"
    << "<dt>What it is worth</dt><dd>" << html_escape(w.worth) << "</dd></dl>\n";
}

namespace {

/// Each advocacy campaign: the share of replicates it won and the WELLBYs by outcome.
void campaigns_table(std::ostream& o, const PolicyComparison& c) {
  if (c.campaigns.empty()) return;
  o << "<table><tr><th>campaign</th><th>for</th><th>won by week " << c.last_step
    << "</th><th>95% interval</th><th>WELLBYs, failures included</th><th>when won</th>"
       "<th>when failed</th></tr>\n";
  for (const auto& k : c.campaigns)
    o << "<tr><td>" << html_escape(k.name) << "</td><td>" << html_escape(k.wins) << "</td><td>"
      << num(100 * k.success.mean, 1) << "%</td><td>" << num(100 * k.success.lo, 1) << "&ndash;"
      << num(100 * k.success.hi, 1) << "%</td><td>" << num(k.wellbys_expected.mean, 1)
      << "</td><td>" << num(k.wellbys_won.mean, 1) << "</td><td>" << num(k.wellbys_failed.mean, 1)
      << "</td></tr>\n";
  o << "</table><p class=\"note\">Share of the " << c.replicates
    << " replicates in which each campaign had won its change (Wilson interval); WELLBYs are "
       "means over all pairs and over those it won or failed.</p>\n";
}

}  // namespace

void domains_section(std::ostream& o, const PolicyComparison& c, const std::string& p) {
  o << heading(p + "domains", "Domains and services")
    << "<p>Share of people with each problem, in percent; changes in percentage points "
       "(pp).</p>\n<table><tr><th>domain</th><th>baseline, week "
    << c.last_step
    << "</th><th>policy</th><th>change (pp)</th><th>95% interval (pp)</th>"
       "<th>average change, weeks 1&ndash;"
    << c.last_step << " (pp)</th></tr>\n";
  auto pp = [](Estimate e) {
    e.mean *= 100, e.lo *= 100, e.hi *= 100;
    return e;
  };
  for (std::size_t k = 0; k < c.prevalence.size(); ++k) {
    const auto& l = c.prevalence[k];
    o << "<tr><td>" << html_escape(l.name) << "</td><td>" << num(100 * l.baseline, 2)
      << "%</td><td>" << num(100 * l.policy, 2) << "%</td>" << cell(pp(l.change), 2) << "<td>"
      << num(100 * c.prevalence_average[k].change.mean, 2) << "</td></tr>\n";
  }
  o << "</table>\n<table><tr><th>service</th><th>served/week</th><th>queue (people)</th>"
       "<th>mean wait (weeks)</th></tr>\n";
  for (const auto& s : c.services)
    o << "<tr><td>" << html_escape(s.name) << (s.policy_own ? " *" : "") << "</td><td>"
      << num(s.enrolled_baseline, 1) << " &rarr; " << num(s.enrolled_policy, 1) << "</td><td>"
      << num(s.queue_baseline, 1) << " &rarr; " << num(s.queue_policy, 1) << "</td><td>"
      << num(s.wait_baseline, 2) << " &rarr; " << num(s.wait_policy, 2) << "</td></tr>\n";
  o << "</table><p class=\"note\">Weekly averages over weeks 1&ndash;" << c.last_step
    << ", baseline &rarr; policy; * added or changed by the policy.</p>\n";
  campaigns_table(o, c);
}

void assumptions_section(std::ostream& o, const PolicyComparison& c, const std::string& p) {
  const auto& v = c.valuation;
  const auto& f = c.policy_facts;
  o << heading(p + "assumptions", "Assumptions and caveats") << "<ul>"
    << "<li><b>Model.</b> wellsim " << html_escape(join(f.versions, ", ")) << ", "
    << html_escape(f.model) << " wellbeing model on a " << html_escape(f.network_source)
    << " network of " << c.population << " people; every mechanism and its source is in "
    << "docs/model.md.</li>"
    << "<li><b>Horizon.</b> Weeks 0&ndash;" << c.last_step << " (" << num(c.last_step / 52.0, 1)
    << " years), the weeks both sides have. Effects after week " << c.last_step
    << " are not counted, even where the change lasts.</li>"
    << "<li><b>Discounting and value.</b> " << num(100 * v.discount_rate, 1)
    << "% a year from the second year (HM Treasury Green Book); one WELLBY (one point of life "
       "satisfaction for one person for a year) at "
    << money(v.wellby_value) << ", range " << money(v.wellby_low) << "&ndash;"
    << money(v.wellby_high) << ", " << v.price_year << " prices.</li>"
    << "<li><b>Costs.</b> Only what the scenarios' interventions record (their service and "
       "policy cost series); costs and savings elsewhere (benefits paid, health care) are not "
       "counted.</li>"
    << "<li><b>Uncertainty.</b> 95% intervals are "
    << (c.paired ? "Student t intervals of the paired differences" : "Welch intervals")
    << " across " << c.replicates
    << " replicates: chance variation between simulated towns only, not "
    << "uncertainty in the evidence or the parameters (<code>wellsim sensitivity</code> explores "
       "those).</li>";
  o << "<li><b>What the model leaves out.</b> ";
  for (const auto& s : model_omissions()) o << html_escape(s) << " ";
  o << "</li>";
  for (const auto& n : c.notes) o << "<li>" << html_escape(n) << "</li>";
  o << "</ul>\n";
  intervention_table(o, c);
  parameter_table(o, c);
  effects_table(o, c);
}

void provenance_section(std::ostream& o, const PolicyComparison& c, const std::string& p) {
  o << heading(p + "provenance", "Provenance")
    << "<table class=\"wide\"><tr><th></th><th>scenario</th><th>scenario file</th>"
       "<th>wellsim</th><th>commit</th><th>runs</th><th>seeds</th><th>replicates</th></tr>\n";
  auto row = [&](const char* side, const std::string& name, const SetFacts& f) {
    o << "<tr><td>" << side << "</td><td>" << html_escape(name) << "</td><td>"
      << html_escape(f.scenario_path) << "</td><td>" << html_escape(join(f.versions, ", "))
      << "</td><td><code>" << html_escape(join(f.commits, ", ")) << "</code></td><td>"
      << html_escape(f.started) << " &ndash; " << html_escape(f.finished) << "</td><td>"
      << joined_numbers(f.seeds) << "</td><td>" << joined_numbers(f.replicates) << "</td></tr>\n";
  };
  row("baseline", c.baseline_name, c.baseline_facts);
  row("policy", c.policy_name, c.policy_facts);
  o << "</table>\n<p class=\"files\">Baseline files (" << c.baseline_paths.size() << "): ";
  for (std::size_t k = 0; k < c.baseline_paths.size(); ++k)
    o << (k ? ", " : "") << "<code>" << html_escape(c.baseline_paths[k]) << "</code>";
  o << "<br>Policy files (" << c.policy_paths.size() << "): ";
  for (std::size_t k = 0; k < c.policy_paths.size(); ++k)
    o << (k ? ", " : "") << "<code>" << html_escape(c.policy_paths[k]) << "</code>";
  o << "</p>\n";
}

}  // namespace wellsim::analysis::html
