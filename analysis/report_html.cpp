// The HTML report of `wellsim compare`: one self-contained file for people who do not read CSV.
//
// Charts are drawn by Chart.js, whose minified file (Debian package libjs-chart.js) is inlined
// into the page at report time, so the report opens offline and needs nothing beside it. Without
// that file the page carries the same tables and says that charts were left out.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "analysis/format.hpp"
#include "analysis/report.hpp"
#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

const char* kStyle = R"(body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#222}h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;
margin-top:2em}h3{margin-top:1.6em}table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}.note{color:#555;font-size:.9em}
.chart{position:relative;height:320px;margin:1em 0}.pos{color:#1a7f37}.neg{color:#b42318})";

/// Numbers as a JavaScript array literal (NaN as null).
std::string js_array(const std::vector<double>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (double x : v) a.push_back(std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr));
  return a.dump();
}

/// Strings as a JavaScript array literal, escaped by nlohmann-json.
std::string js_strings(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::string cell(const Estimate& e, int digits) {
  return "<td>" + num(e.mean, digits) + "</td><td>" + interval(e, digits) + "</td>";
}

std::string money_cell(const Estimate& e) {
  return "<td>" + money(e.mean) + "</td><td>" + money_interval(e) + "</td>";
}

/// A canvas and the script that draws `config` (a Chart.js configuration) on it.
std::string chart(bool charts, const std::string& id, const std::string& config) {
  if (!charts) return "";
  return "<div class=\"chart\"><canvas id=\"" + id + "\"></canvas></div>\n<script>new Chart(" +
         "document.getElementById('" + id + "')," + config + ");</script>\n";
}

/// The title and what is compared.
void header_section(std::ostream& o, const PolicyComparison& c) {
  o << "<h2>" << html_escape(c.policy_name) << " vs " << html_escape(c.baseline_name)
    << " (baseline)</h2>\n<p>" << c.replicates << " " << (c.paired ? "paired" : "unpaired")
    << " replicates, " << c.population << " people, weeks 0&ndash;" << c.last_step
    << ". The policy adds or changes: ";
  std::string names;
  for (const auto& n : c.policy_interventions) names += (names.empty() ? "" : ", ") + n;
  o << html_escape(names.empty() ? "(nothing)" : names) << ". Intervals are 95% "
    << (c.paired ? "Student t intervals of the paired differences" : "Welch intervals")
    << " across replicates.</p>\n";
  o << "<p class=\"note\">Baseline files: " << html_escape(c.baseline_paths.front())
    << (c.baseline_paths.size() > 1 ? " &hellip;" : "")
    << "; policy files: " << html_escape(c.policy_paths.front())
    << (c.policy_paths.size() > 1 ? " &hellip;" : "") << "</p>\n";
}

/// 1. Effect over time with its band, and the horizons table.
void effect_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts) {
  o << "<h3 id=\"" << p
    << "effect\">Effect over time</h3>\n<p>Difference in mean life "
       "satisfaction (0&ndash;10), policy &minus; baseline, with its 95% band.</p>\n";
  std::vector<double> mean, lo, hi, weeks;
  for (std::size_t s = 0; s < c.effect.size(); ++s) {
    weeks.push_back(double(s));
    mean.push_back(c.effect[s].mean);
    lo.push_back(c.effect[s].lo);
    hi.push_back(c.effect[s].hi);
  }
  o << chart(
      charts, p + "effect",
      "{type:'line',data:{labels:" + js_array(weeks) +
          ",datasets:[{label:'95% upper',data:" + js_array(hi) +
          ",borderWidth:0,pointRadius:0,fill:'+1',backgroundColor:'rgba(31,119,180,0.2)'},"
          "{label:'95% lower',data:" +
          js_array(lo) +
          ",borderWidth:0,pointRadius:0,fill:false},{label:'difference',data:" + js_array(mean) +
          ",borderColor:'rgb(31,119,180)',pointRadius:0,fill:false}]},options:{maintainAspectRatio:"
          "false,"
          "scales:{x:{title:{display:true,text:'week'}},y:{title:{display:true,text:'points "
          "(0-10)'}}}}}");
  o << "<table><tr><th>week</th><th>baseline mean</th><th>policy mean</th><th>difference</th>"
       "<th>95% interval</th><th>WELLBYs to date</th><th>95% interval</th></tr>\n";
  for (const auto& h : c.horizons)
    o << "<tr><td>" << h.week << "</td><td>" << num(c.baseline_mean[h.week], 3) << "</td><td>"
      << num(c.policy_mean[h.week], 3) << "</td>" << cell(h.effect, 4) << cell(h.wellbys, 1)
      << "</tr>\n";
  o << "<tr><td>average, weeks 1&ndash;" << c.last_step << "</td><td></td><td></td>"
    << cell(c.average_effect, 4) << "<td></td><td></td></tr></table>\n";
}

/// 2. Distribution shift and inequality.
void distribution_section(std::ostream& o, const PolicyComparison& c, const std::string& p,
                          bool charts) {
  o << "<h3 id=\"" << p
    << "distribution\">Distribution shift</h3>\n<p>Share of people at each "
       "rounded life-satisfaction score at week "
    << c.recorded_step << ", mean over replicates.</p>\n";
  std::vector<double> db(c.dist_baseline.begin(), c.dist_baseline.end()),
      dp(c.dist_policy.begin(), c.dist_policy.end());
  for (auto& x : db) x *= 100;
  for (auto& x : dp) x *= 100;
  o << chart(charts, p + "distribution",
             "{type:'bar',data:{labels:[0,1,2,3,4,5,6,7,8,9,10],datasets:[{label:'baseline',data:" +
                 js_array(db) + ",backgroundColor:'#999'},{label:'policy',data:" + js_array(dp) +
                 ",backgroundColor:'rgb(31,119,180)'}]},options:{maintainAspectRatio:false,"
                 "scales:{y:{title:{display:true,text:'% of people'}}}}}");
  o << "<table><tr><th>score</th>";
  for (int s = 0; s <= 10; ++s) o << "<th>" << s << "</th>";
  o << "</tr><tr><td>baseline %</td>";
  for (double x : db) o << "<td>" << num(x, 1) << "</td>";
  o << "</tr><tr><td>policy %</td>";
  for (double x : dp) o << "<td>" << num(x, 1) << "</td>";
  o << "</tr></table>\n<table><tr><th>inequality</th><th>week 0</th><th>baseline</th><th>policy"
       "</th><th>change</th><th>95% interval</th></tr>\n";
  for (const auto& l : c.inequality)
    o << "<tr><td>" << html_escape(l.name) << "</td><td>" << num(l.week0, 4) << "</td><td>"
      << num(l.baseline, 4) << "</td><td>" << num(l.policy, 4) << "</td>" << cell(l.change, 4)
      << "</tr>\n";
  o << "</table>\n";
}

/// 3. Who gains.
void who_gains_section(std::ostream& o, const PolicyComparison& c, const std::string& p,
                       bool charts) {
  o << "<h3 id=\"" << p
    << "who\">Who gains</h3>\n<p>Difference in mean life satisfaction at "
       "week "
    << c.recorded_step
    << " by group; groups are fixed at week 0 (income quintile of week-0 disposable income, "
       "week-0 wellbeing band).</p>\n";
  std::vector<std::string> labels;
  std::vector<double> ge;
  for (const auto& g : c.groups) {
    labels.push_back(g.split + ": " + g.category);
    ge.push_back(g.effect.mean);
  }
  o << chart(charts, p + "who",
             "{type:'bar',data:{labels:" + js_strings(labels) +
                 ",datasets:[{label:'difference (points)',data:" + js_array(ge) +
                 ",backgroundColor:'rgb(31,119,180)'}]},options:{indexAxis:'y',"
                 "maintainAspectRatio:false}}");
  o << "<table><tr><th>group</th><th>category</th><th>people</th><th>baseline</th>"
       "<th>difference</th><th>95% interval</th></tr>\n";
  for (const auto& g : c.groups)
    o << "<tr><td>" << html_escape(g.split) << "</td><td>" << html_escape(g.category) << "</td><td>"
      << g.people << "</td><td>" << num(g.baseline, 3) << "</td>" << cell(g.effect, 4) << "</tr>\n";
  o << "</table>\n";
}

/// 4. Ripple by distance and by tie layer.
void ripple_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts) {
  o << "<h3 id=\"" << p << "ripple\">Ripple by distance</h3>\n";
  if (!c.paired) {
    o << "<p>Not available for unpaired runs: it needs each person's own difference.</p>\n";
  } else {
    o << "<p>Direct recipients (a start event of one of the policy's interventions) and everyone "
         "else by hops from the nearest recipient over the run's network, at week "
      << c.recorded_step << ". Share of the total effect that reaches non-recipients: <b>"
      << (c.has_recipients ? num(100 * c.spillover_share.mean, 1) + "%" : std::string("n/a"))
      << "</b> " << (c.has_recipients ? interval(c.spillover_share, 3) : std::string(""))
      << ".</p>\n";
    std::vector<std::string> rings(kRingNames.begin(), kRingNames.end());
    std::vector<double> re;
    for (const auto& e : c.ring_effect) re.push_back(e.mean);
    o << chart(charts, p + "ripple",
               "{type:'bar',data:{labels:" + js_strings(rings) +
                   ",datasets:[{label:'mean difference per person (points)',data:" + js_array(re) +
                   ",backgroundColor:'rgb(44,160,44)'}]},options:{maintainAspectRatio:false}}");
    o << "<table><tr><th>ring</th><th>people</th><th>difference</th><th>95% interval</th></tr>\n";
    for (std::size_t k = 0; k < kRings; ++k)
      o << "<tr><td>" << kRingNames[k] << "</td><td>" << num(c.ring_people[k], 0) << "</td>"
        << cell(c.ring_effect[k], 4) << "</tr>\n";
    o << "</table>\n<p>One hop away, by the tie to the nearest recipient:</p>\n"
         "<table><tr><th>tie layer</th><th>people</th><th>difference</th>"
         "<th>95% interval</th></tr>\n";
    for (std::size_t l = 0; l < c.layer_effect.size(); ++l)
      if (c.layer_people[l] > 0)
        o << "<tr><td>" << c.layer_names[l] << "</td><td>" << num(c.layer_people[l], 0) << "</td>"
          << cell(c.layer_effect[l], 4) << "</tr>\n";
    o << "</table>\n";
  }
}

/// 5. Cost-effectiveness.
void cost_section(std::ostream& o, const PolicyComparison& c, const std::string& p) {
  const auto& v = c.valuation;
  o << "<h3 id=\"" << p << "cost\">Cost-effectiveness</h3>\n<p>WELLBYs valued at "
    << money(v.wellby_value) << " (range " << money(v.wellby_low) << "&ndash;"
    << money(v.wellby_high) << ", " << v.price_year
    << " prices; HM Treasury Green Book wellbeing guidance, 2021); effects and costs discounted "
       "at "
    << num(100 * v.discount_rate, 1)
    << "% a year. Costs are the policy run's service and policy costs minus the baseline's.</p>\n"
    << "<table><tr><th>measure</th><th>mean</th><th>95% interval</th></tr>\n"
    << "<tr><td>WELLBYs (discounted)</td>" << cell(c.wellbys, 1) << "</tr>\n"
    << "<tr><td>value of WELLBYs</td>" << money_cell(c.value) << "</tr>\n"
    << "<tr><td>value at " << money(v.wellby_low) << " / " << money(v.wellby_high) << "</td><td>"
    << money(c.value_low) << " / " << money(c.value_high) << "</td><td></td></tr>\n"
    << "<tr><td>net cost (discounted)</td>" << money_cell(c.cost) << "</tr>\n"
    << "<tr><td>cost per WELLBY</td>" << money_cell(c.cost_per_wellby) << "</tr>\n"
    << "<tr><td>net present value</td>" << money_cell(c.npv) << "</tr>\n"
    << "<tr><td>benefit&ndash;cost ratio</td>" << cell(c.bcr, 2) << "</tr>\n";
  for (const auto& [name, e] : c.bootstrap)
    o << "<tr><td>bootstrap: " << html_escape(name) << "</td>" << cell(e, 3) << "</tr>\n";
  o << "</table>\n";
}

/// 6. Domains and services, then the notes.
void domains_section(std::ostream& o, const PolicyComparison& c, const std::string& p) {
  o << "<h3 id=\"" << p
    << "domains\">Domains and services</h3>\n<table><tr><th>domain</th>"
       "<th>baseline, week "
    << c.last_step
    << "</th><th>policy</th><th>change (pp)</th><th>95% interval (pp)</th>"
       "<th>average change, weeks 1&ndash;"
    << c.last_step << " (pp)</th></tr>\n";
  auto pct = [](Estimate e) {
    e.mean *= 100, e.lo *= 100, e.hi *= 100;
    return e;
  };
  for (std::size_t k = 0; k < c.prevalence.size(); ++k) {
    const auto& l = c.prevalence[k];
    o << "<tr><td>" << html_escape(l.name) << "</td><td>" << num(100 * l.baseline, 2)
      << "%</td><td>" << num(100 * l.policy, 2) << "%</td>" << cell(pct(l.change), 2) << "<td>"
      << num(100 * c.prevalence_average[k].change.mean, 2) << "</td></tr>\n";
  }
  o << "</table>\n<table><tr><th>service</th><th>served/week</th><th>queue</th>"
       "<th>mean wait (weeks)</th></tr>\n";
  for (const auto& s : c.services)
    o << "<tr><td>" << html_escape(s.name) << (s.policy_own ? " *" : "") << "</td><td>"
      << num(s.enrolled_baseline, 1) << " &rarr; " << num(s.enrolled_policy, 1) << "</td><td>"
      << num(s.queue_baseline, 1) << " &rarr; " << num(s.queue_policy, 1) << "</td><td>"
      << num(s.wait_baseline, 2) << " &rarr; " << num(s.wait_policy, 2) << "</td></tr>\n";
  o << "</table><p class=\"note\">Weekly averages over weeks 1&ndash;" << c.last_step
    << ", baseline &rarr; policy; * added or changed by the policy.</p>\n";
  if (!c.notes.empty()) {
    o << "<h3>Notes</h3><ul>";
    for (const auto& n : c.notes) o << "<li>" << html_escape(n) << "</li>";
    o << "</ul>\n";
  }
}

/// One comparison's part of the page; `idx` makes its element ids unique.
void section(std::ostream& o, const PolicyComparison& c, std::size_t idx, bool charts) {
  const std::string p = "c" + std::to_string(idx) + "_";
  header_section(o, c);
  effect_section(o, c, p, charts);
  distribution_section(o, c, p, charts);
  who_gains_section(o, c, p, charts);
  ripple_section(o, c, p, charts);
  cost_section(o, c, p);
  domains_section(o, c, p);
}

}  // namespace

bool write_html(const std::string& path, const std::vector<PolicyComparison>& all,
                const std::string& chart_js) {
  std::string js;
  {
    std::ifstream f(chart_js, std::ios::binary);
    if (f) {
      std::stringstream s;
      s << f.rdbuf();
      js = s.str();
    }
  }
  const bool charts = !js.empty();
  std::string version = "Chart.js";
  std::smatch m;
  if (charts && std::regex_search(js.cbegin(), js.cbegin() + std::min<std::size_t>(js.size(), 400),
                                  m, std::regex("Chart\\.js v[0-9.]+")))
    version = m.str();

  std::ofstream o(path, std::ios::binary);
  if (!o) throw sim::InputError(path + ": cannot write the report");
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>wellsim "
       "comparison</title>\n<style>"
    << kStyle << "</style>\n";
  if (charts) o << "<script>\n" << js << "\n</script>\n";
  o << "</head><body>\n<h1>wellsim: policy comparison</h1>\n";
  o << "<p class=\"note\">"
    << (charts ? "Charts drawn by " + version + " (Debian package libjs-chart.js, " + chart_js +
                     "), inlined in this file."
               : "Charts left out: " + chart_js +
                     " (Debian package libjs-chart.js) was not found when the report was "
                     "written; the tables hold every figure.")
    << "</p>\n<ul>";
  for (std::size_t k = 0; k < all.size(); ++k)
    o << "<li>" << html_escape(all[k].policy_name) << " vs " << html_escape(all[k].baseline_name)
      << ": <a href=\"#c" << k << "_effect\">effect over time</a>, <a href=\"#c" << k
      << "_distribution\">distribution shift</a>, <a href=\"#c" << k
      << "_who\">who gains</a>, <a href=\"#c" << k << "_ripple\">ripple by distance</a>, "
      << "<a href=\"#c" << k << "_cost\">cost-effectiveness</a>, <a href=\"#c" << k
      << "_domains\">domains and services</a></li>\n";
  o << "</ul>\n";
  for (std::size_t k = 0; k < all.size(); ++k) section(o, all[k], k, charts);
  o << "</body></html>\n";
  o.close();  // the last buffered part is written only now: check it too
  if (!o) throw sim::RuntimeError(path + ": write failed: " + std::strerror(errno ? errno : EIO));
  return charts;
}

}  // namespace wellsim::analysis
