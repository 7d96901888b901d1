// The cohort section of the HTML report: those who were children at the start, period by period,
// beside everyone else (analysis/comparison_cohorts.cpp computes it), as a chart over its table.
#include "analysis/format.hpp"
#include "analysis/report_html_parts.hpp"

namespace wellsim::analysis::html {

namespace {

/// A period's label with an en dash ("years 6–10"), as a printed range is set.
std::string dashed_period(const CohortRow& r) {
  std::string label = period_label(r.first_week, r.last_week);
  const auto dash = label.find('-');
  return dash == std::string::npos ? label : label.replace(dash, 1, "\u2013");
}

}  // namespace

void cohorts_section(std::ostream& o, const PolicyComparison& c, const std::string& p,
                     bool charts) {
  if (c.cohorts.empty()) return;
  o << heading(p + "cohorts", "Children at the start, later in life")
    << "<p>The effect on the people who were children (0&ndash;15) at week 0 and on everyone "
       "else, period by period: the difference in mean life satisfaction per person-week present "
       "(policy &minus; baseline) and the discounted WELLBYs of those person-weeks, with 95% "
       "intervals in the table. The cohorts are fixed at week 0, so they are the same people in "
       "both runs as they grow up; people who died count until their death.";
  if (c.cohort_every > 1)
    o << " Read from per-person rows every " << c.cohort_every
      << " weeks: each row stands for the weeks up to it.";
  o << "</p>\n";
  std::vector<std::string> labels;
  std::vector<std::string> names;
  std::vector<std::vector<double>> effects;
  for (const auto& r : c.cohorts) {
    if (names.empty() || names.back() != r.cohort) {
      names.push_back(r.cohort);
      effects.emplace_back();
    }
    effects.back().push_back(r.effect.mean);
    if (names.size() == 1) labels.push_back(dashed_period(r));
  }
  const char* colours[] = {"rgb(255,127,14)", "rgb(31,119,180)"};
  std::string datasets;
  for (std::size_t g = 0; g < names.size(); ++g)
    datasets += std::string(g ? "," : "") + "{label:" + js_string(names[g]) +
                ",data:" + js_array(effects[g]) + ",backgroundColor:'" + colours[g % 2] + "'}";
  o << chart(charts, p + "cohorts",
             "{type:'bar',data:{labels:" + js_strings(labels) + ",datasets:[" + datasets +
                 "]},options:{scales:{y:{title:{display:true,text:'points (0-10) per "
                 "person-week'}}}}}");
  o << "<table><tr><th>cohort</th><th>period</th><th>people</th><th>baseline</th>"
       "<th>difference</th><th>95% interval</th><th>WELLBYs</th><th>95% interval</th></tr>\n";
  for (const auto& r : c.cohorts)
    o << "<tr><td>" << html_escape(r.cohort) << "</td><td>" << dashed_period(r) << "</td><td>"
      << num(r.people, 0) << "</td><td>" << num(r.baseline, 3) << "</td>" << cell(r.effect, 4)
      << cell(r.wellbys, 1) << "</tr>\n";
  o << "</table>\n";
}

}  // namespace wellsim::analysis::html
