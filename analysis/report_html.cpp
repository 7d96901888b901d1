// The HTML report of `wellsim compare`: one self-contained file for people who do not read CSV,
// that prints as a council paper.
//
// Charts are drawn by Chart.js, whose minified file (Debian package libjs-chart.js) is inlined
// into the page at report time, so the report opens offline and needs nothing beside it (no CDN:
// a council laptop may have no network, and a page that loads code from elsewhere changes under
// its readers). Without that file the page carries the same tables and says that charts were
// left out. Animation is off: a chart caught mid-animation prints half drawn.
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <regex>
#include <sstream>

#include "analysis/format.hpp"
#include "analysis/report.hpp"
#include "analysis/report_html_parts.hpp"
#include "sim/build_info.hpp"
#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

const char* kStyle = R"(body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#222}h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;
margin-top:2em}h3{margin-top:1.6em}h4{margin:1.2em 0 .3em}table{border-collapse:collapse;
margin:.6em 0;font-size:.92em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right;
vertical-align:top}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
table.wide td,table.wide th{text-align:left;overflow-wrap:anywhere}table.wide{max-width:100%}.note{color:#555;font-size:.9em}.caveat{color:#7a4b00;
text-align:left;max-width:40em}.chart{position:relative;height:320px;margin:1em 0;
border:2px solid;padding:4px}.tall .chart{height:calc(80px + var(--rows) * 22px)}
dl.summary{background:#f6f8fa;border-left:4px solid #1f77b4;padding:.6em 1em}dl.summary dt{
font-weight:bold;margin-top:.5em}dl.summary dd{margin:.1em 0 .3em 0}.files code{font-size:.85em}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}h2{break-before:page;margin-top:0}
section:first-of-type h2{break-before:auto}.chart,table,dl.summary,h3,h4{break-inside:avoid}
h3,h4{break-after:avoid}canvas{max-width:100%!important}nav{display:none}a{color:inherit;text-decoration:none}}
@page{size:A4;margin:15mm})";

/// Global Chart.js settings: no animation (a screenshot or a print would catch it midway), one
/// size rule for every chart, and a redraw at the printed width before printing.
const char* kChartSetup =
    R"(Chart.defaults.animation=false;Chart.defaults.maintainAspectRatio=false;
window.addEventListener('beforeprint',()=>{for(const c of Object.values(Chart.instances))c.resize();});
window.addEventListener('afterprint',()=>{for(const c of Object.values(Chart.instances))c.resize();});)";

/// What is compared, in one paragraph under the comparison's title.
void header_section(std::ostream& o, const PolicyComparison& c) {
  o << "<h2>" << html_escape(c.policy_name) << " vs " << html_escape(c.baseline_name)
    << " (baseline)</h2>\n<p>" << c.replicates << " " << (c.paired ? "paired" : "unpaired")
    << " replicates, " << c.population << " people, weeks 0&ndash;" << c.last_step
    << ". Intervals are 95% "
    << (c.paired ? "Student t intervals of the paired differences" : "Welch intervals")
    << " across replicates.</p>\n";
}

const std::pair<const char*, const char*> kSections[] = {{"summary", "in plain words"},
                                                         {"effect", "effect over time"},
                                                         {"distribution", "distribution shift"},
                                                         {"who", "who gains"},
                                                         {"ripple", "ripple by distance"},
                                                         {"cost", "cost-effectiveness"},
                                                         {"domains", "domains and services"},
                                                         {"assumptions", "assumptions and caveats"},
                                                         {"provenance", "provenance"}};

/// One comparison's part of the page; `idx` makes its element ids unique.
void section(std::ostream& o, const PolicyComparison& c, std::size_t idx, bool charts) {
  const std::string p = "c" + std::to_string(idx) + "_";
  o << "<section>\n";
  header_section(o, c);
  html::summary_section(o, c, p);
  html::effect_section(o, c, p, charts);
  html::distribution_section(o, c, p, charts);
  html::who_gains_section(o, c, p, charts);
  html::ripple_section(o, c, p, charts);
  html::cohorts_section(o, c, p, charts);
  html::cost_section(o, c, p, charts);
  html::domains_section(o, c, p);
  html::assumptions_section(o, c, p);
  html::provenance_section(o, c, p);
  o << "</section>\n";
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return "";
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

/// The page's opening lines: how it was made and what it holds.
void page_top(std::ostream& o, const std::vector<PolicyComparison>& all, const std::string& js,
              const std::string& chart_js) {
  std::string version = "Chart.js";
  std::smatch m;
  const std::string head = js.substr(0, 400);
  if (std::regex_search(head, m, std::regex("Chart\\.js v[0-9.]+"))) version = m.str();
  const auto& build = sim::build_info();
  o << "</head><body>\n<h1>wellsim: policy comparison</h1>\n<p class=\"note\">Written " << utc_now()
    << " by wellsim " << html_escape(std::string(build.version)) << " (commit <code>"
    << html_escape(std::string(build.git_commit)) << "</code>). "
    << (!js.empty() ? "Charts drawn by " + version + " (Debian package libjs-chart.js, " +
                          chart_js + "), inlined in this file."
                    : "Charts left out: " + chart_js +
                          " (Debian package libjs-chart.js) was not found when the report was "
                          "written; the tables hold every figure.")
    << "</p>\n<nav><ul>";
  for (std::size_t k = 0; k < all.size(); ++k) {
    o << "<li>" << html_escape(all[k].policy_name) << " vs " << html_escape(all[k].baseline_name)
      << ": ";
    for (std::size_t s = 0; s < std::size(kSections); ++s) {
      o << (s ? ", " : "") << "<a href=\"#c" << k << "_" << kSections[s].first << "\">"
        << kSections[s].second << "</a>";
      // The cohort section follows the ripple, in comparisons that have one.
      if (std::string(kSections[s].first) == "ripple" && !all[k].cohorts.empty())
        o << ", <a href=\"#c" << k << "_cohorts\">children at the start, later</a>";
    }
    o << "</li>\n";
  }
  o << "</ul></nav>\n";
}

}  // namespace

bool write_html(const std::string& path, const std::vector<PolicyComparison>& all,
                const std::string& chart_js) {
  const std::string js = read_file(chart_js);
  const bool charts = !js.empty();
  std::ofstream o(path, std::ios::binary);
  if (!o) throw sim::InputError(path + ": cannot write the report");
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>wellsim "
       "comparison</title>\n<style>"
    << kStyle << "\n.chart{border-color:" << kChartFrameColour << "}</style>\n";
  if (charts) o << "<script>\n" << js << "\n" << kChartSetup << "\n</script>\n";
  page_top(o, all, js, chart_js);
  for (std::size_t k = 0; k < all.size(); ++k) section(o, all[k], k, charts);
  o << "</body></html>\n";
  o.close();  // the last buffered part is written only now: check it too
  if (!o) throw sim::RuntimeError(path + ": write failed: " + std::strerror(errno ? errno : EIO));
  return charts;
}

}  // namespace wellsim::analysis
