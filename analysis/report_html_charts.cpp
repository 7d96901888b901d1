// The charted sections of the HTML report: effect over time, distribution shift, who gains,
// ripple by distance and cost-effectiveness, each a chart over the table that holds its figures.
#include <cmath>

#include "analysis/format.hpp"
#include "analysis/report_html_parts.hpp"
#include "analysis/report_words.hpp"

namespace wellsim::analysis::html {

namespace {

const char* kBlue = "rgb(31,119,180)";

/// The options of a bar chart with value axis title `axis` (horizontal when `horizontal`) and
/// `more` options (",plugins:{...}").
std::string bar_options(const std::string& axis, bool horizontal, const std::string& more = "") {
  const std::string value_axis = horizontal ? "x" : "y";
  return std::string("options:{") + (horizontal ? "indexAxis:'y'," : "") + "scales:{" + value_axis +
         ":{title:{display:true,text:" + js_string(axis) + "}}}" + more + "}";
}

}  // namespace

void effect_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts) {
  o << heading(p + "effect", "Effect over time")
    << "<p>Difference in mean life satisfaction (0&ndash;10), policy &minus; baseline, with its "
       "95% band.</p>\n";
  std::vector<double> mean, lo, hi, weeks;
  for (std::size_t s = 0; s < c.effect.size(); ++s) {
    weeks.push_back(double(s));
    mean.push_back(c.effect[s].mean);
    lo.push_back(c.effect[s].lo);
    hi.push_back(c.effect[s].hi);
  }
  o << chart(charts, p + "effect",
             "{type:'line',data:{labels:" + js_array(weeks) +
                 ",datasets:[{label:'95% band',data:" + js_array(hi) +
                 ",borderWidth:0,pointRadius:0,fill:'+1',backgroundColor:'rgba(31,119,180,0.3)'},"
                 "{label:'95% lower',data:" +
                 js_array(lo) +
                 ",borderWidth:0,pointRadius:0,fill:false},{label:'difference',data:" +
                 js_array(mean) + ",borderColor:'" + kBlue +
                 "',borderWidth:2,pointRadius:0,fill:false}]},options:{plugins:{legend:{labels:{"
                 "filter:(i)=>i.text!=='95% lower'}}},scales:{x:{title:{display:true,text:'week'}},"
                 "y:{title:{display:true,text:'points (0-10)'}}}}}");
  o << "<table><tr><th>week</th><th>baseline mean</th><th>policy mean</th><th>difference</th>"
       "<th>95% interval</th><th>WELLBYs to date</th><th>95% interval</th></tr>\n";
  for (const auto& h : c.horizons)
    o << "<tr><td>" << h.week << "</td><td>" << num(c.baseline_mean[h.week], 3) << "</td><td>"
      << num(c.policy_mean[h.week], 3) << "</td>" << cell(h.effect, 4) << cell(h.wellbys, 1)
      << "</tr>\n";
  o << "<tr><td>average, weeks 1&ndash;" << c.last_step << "</td><td></td><td></td>"
    << cell(c.average_effect, 4) << "<td></td><td></td></tr></table>\n";
}

void distribution_section(std::ostream& o, const PolicyComparison& c, const std::string& p,
                          bool charts) {
  o << heading(p + "distribution", "Distribution shift")
    << "<p>Share of people at each rounded life-satisfaction score at week " << c.recorded_step
    << ", mean over replicates.</p>\n";
  std::vector<double> db(c.dist_baseline.begin(), c.dist_baseline.end()),
      dp(c.dist_policy.begin(), c.dist_policy.end());
  for (auto& x : db) x *= 100;
  for (auto& x : dp) x *= 100;
  o << chart(charts, p + "distribution",
             "{type:'bar',data:{labels:[0,1,2,3,4,5,6,7,8,9,10],datasets:[{label:'baseline',data:" +
                 js_array(db) + ",backgroundColor:'#999'},{label:'policy',data:" + js_array(dp) +
                 ",backgroundColor:'" + kBlue + "'}]}," + bar_options("% of people", false) + "}");
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

void who_gains_section(std::ostream& o, const PolicyComparison& c, const std::string& p,
                       bool charts) {
  o << heading(p + "who", "Who gains") << "<p>Difference in mean life satisfaction at week "
    << c.recorded_step
    << " by group, with 95% intervals (the dark bars); groups are fixed at week 0 (income "
       "quintile of week-0 disposable income, week-0 wellbeing band).</p>\n";
  std::vector<std::string> labels;
  std::vector<double> ge;
  std::vector<Estimate> intervals;
  for (const auto& g : c.groups) {
    labels.push_back(g.split + ": " + g.category);
    ge.push_back(g.effect.mean);
    intervals.push_back(g.effect);
  }
  // Tall enough for every group's bar to be read: 22 px a group.
  o << "<div style=\"--rows:" << labels.size() << "\" class=\"tall\">"
    << chart(charts, p + "who",
             "{type:'bar',data:{labels:" + js_strings(labels) +
                 ",datasets:[{label:'difference (points)',data:" + js_array(ge) +
                 ",backgroundColor:'" + kBlue + "'}," + error_bars(intervals) + "]}," +
                 bar_options("points (0-10)", true) + "}")
    << "</div>";
  o << "<table><tr><th>group</th><th>category</th><th>people</th><th>baseline</th>"
       "<th>difference</th><th>95% interval</th></tr>\n";
  for (const auto& g : c.groups)
    o << "<tr><td>" << html_escape(g.split) << "</td><td>" << html_escape(g.category) << "</td><td>"
      << g.people << "</td><td>" << num(g.baseline, 3) << "</td>" << cell(g.effect, 4) << "</tr>\n";
  o << "</table>\n";
}

/// The ripple's tables: by ring, then one hop away by tie layer.
void ripple_tables(std::ostream& o, const PolicyComparison& c) {
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

void ripple_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts) {
  o << heading(p + "ripple", "Ripple by distance");
  if (!c.paired) {
    o << "<p>Not available for unpaired runs: it needs each person's own difference.</p>\n";
    return;
  }
  o << "<p>Direct recipients (a start event of one of the policy's interventions) and everyone "
       "else by hops from the nearest recipient over the run's network, at week "
    << c.recorded_step << ", with 95% intervals. Share of the total effect that reaches "
    << "non-recipients: ";
  if (c.has_recipients) {
    const auto& s = c.spillover_share;
    o << "<b>" << num(100 * s.mean, 1) << "%</b>";
    if (s.has_interval()) o << " [" << num(100 * s.lo, 1) << "%, " << num(100 * s.hi, 1) << "%]";
  } else {
    o << "n/a (no recipients recorded)";
  }
  o << ".</p>\n";
  std::vector<std::string> rings(kRingNames.begin(), kRingNames.end());
  std::vector<double> re;
  for (const auto& e : c.ring_effect) re.push_back(e.mean);
  std::vector<Estimate> intervals(c.ring_effect.begin(), c.ring_effect.end());
  o << chart(charts, p + "ripple",
             "{type:'bar',data:{labels:" + js_strings(rings) +
                 ",datasets:[{label:'mean difference per person (points)',data:" + js_array(re) +
                 ",backgroundColor:'rgb(44,160,44)'}," + error_bars(intervals) + "]}," +
                 bar_options("points (0-10)", false) + "}");
  ripple_tables(o, c);
}

/// The chart of cost against the value of the wellbeing change across the WELLBY value range.
std::string cost_chart(bool charts, const PolicyComparison& c, const std::string& p) {
  const auto& v = c.valuation;
  auto at = [&](double price) {
    Estimate e = c.wellbys;
    e.mean *= price, e.lo *= price, e.hi *= price;
    return e;
  };
  const std::vector<Estimate> bars = {c.cost, at(v.wellby_low), at(v.wellby_value),
                                      at(v.wellby_high), c.npv};
  std::vector<double> means;
  for (const auto& e : bars) means.push_back(e.mean);
  const std::vector<std::string> labels = {
      "net cost", "value at " + money(v.wellby_low), "value at " + money(v.wellby_value),
      "value at " + money(v.wellby_high), "net present value (at " + money(v.wellby_value) + ")"};
  return chart(
      charts, p + "cost",
      "{type:'bar',data:{labels:" + js_strings(labels) +
          ",datasets:[{label:'discounted \xC2\xA3',data:" + js_array(means) +
          ",backgroundColor:['#b42318','#7fbf7f','#2ca02c','#1a7f37','" + kBlue + "']}," +
          error_bars(bars) + "]}," +
          bar_options("\xC2\xA3 (discounted)", false, ",plugins:{legend:{display:false}}") + "}");
}

/// A ratio's row: the figure with its interval, or the reason it is not a figure at all.
void ratio_row(std::ostream& o, const std::string& name, const std::string& caveat,
               const std::string& interval_caveat, const std::string& mean,
               const std::string& interval) {
  o << "<tr><td>" << name << "</td>";
  if (!caveat.empty())
    o << "<td colspan=\"2\" class=\"caveat\">not shown: " << html_escape(caveat) << "</td>";
  else if (!interval_caveat.empty())
    o << "<td>" << mean << "</td><td class=\"caveat\">" << html_escape(interval_caveat) << "</td>";
  else
    o << "<td>" << mean << "</td><td>" << interval << "</td>";
  o << "</tr>\n";
}

void cost_section(std::ostream& o, const PolicyComparison& c, const std::string& p, bool charts) {
  const auto& v = c.valuation;
  o << heading(p + "cost", "Cost-effectiveness") << "<p>WELLBYs valued at " << money(v.wellby_value)
    << " (range " << money(v.wellby_low) << "&ndash;" << money(v.wellby_high) << ", "
    << v.price_year
    << " prices; HM Treasury Green Book wellbeing guidance, 2021); effects and costs discounted "
       "at "
    << num(100 * v.discount_rate, 1)
    << "% a year. Costs are the policy run's service and policy costs minus the baseline's. The "
       "chart sets the net cost beside the value of the wellbeing change across the range.</p>\n"
    << cost_chart(charts, c, p)
    << "<table><tr><th>measure</th><th>mean</th><th>95% interval</th></tr>\n"
    << "<tr><td>WELLBYs (discounted)</td>" << cell(c.wellbys, 1) << "</tr>\n"
    << "<tr><td>value of WELLBYs</td>" << money_cell(c.value) << "</tr>\n"
    << "<tr><td>value at " << money(v.wellby_low) << " / " << money(v.wellby_high) << "</td><td>"
    << money(c.value_low) << " / " << money(c.value_high) << "</td><td></td></tr>\n"
    << "<tr><td>net cost (discounted)</td>" << money_cell(c.cost) << "</tr>\n";
  ratio_row(o, "cost per WELLBY", cost_per_wellby_caveat(c),
            ratio_interval_caveat(c.wellbys, "cost per WELLBY"), money(c.cost_per_wellby.mean),
            money_interval(c.cost_per_wellby));
  o << "<tr><td>net present value</td>" << money_cell(c.npv) << "</tr>\n";
  ratio_row(o, "benefit&ndash;cost ratio", bcr_caveat(c),
            ratio_interval_caveat(c.cost, "benefit-cost ratio"), num(c.bcr.mean, 2),
            interval(c.bcr, 2));
  for (const auto& [name, e] : c.bootstrap)
    o << "<tr><td>bootstrap: " << html_escape(name) << "</td>" << cell(e, 3) << "</tr>\n";
  o << "</table>\n";
}

}  // namespace wellsim::analysis::html
