// Table cells, canvases and JavaScript literals of the HTML report.
#include "analysis/report_html_parts.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "analysis/format.hpp"

namespace wellsim::analysis::html {

std::string js_array(const std::vector<double>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (double x : v) a.push_back(std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr));
  return a.dump();
}

std::string js_string(const std::string& s) { return nlohmann::json(s).dump(); }

std::string js_strings(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::string js_intervals(const std::vector<Estimate>& v, double scale) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& e : v)
    a.push_back(e.has_interval() ? nlohmann::json::array({e.lo * scale, e.hi * scale})
                                 : nlohmann::json(nullptr));
  return a.dump();
}

std::string cell(const Estimate& e, int digits) {
  return "<td>" + num(e.mean, digits) + "</td><td>" + interval(e, digits) + "</td>";
}

std::string money_cell(const Estimate& e) {
  return "<td>" + money(e.mean) + "</td><td>" + money_interval(e) + "</td>";
}

std::string percent_cell(const Estimate& share, int digits) {
  const auto pc = [&](double x) { return num(100 * x, digits) + "%"; };
  return "<td>" + pc(share.mean) + "</td><td>" +
         (share.has_interval() ? "[" + pc(share.lo) + ", " + pc(share.hi) + "]"
                               : std::string("(no interval)")) +
         "</td>";
}

std::string heading(const std::string& id, const std::string& title) {
  return "<h3 id=\"" + id + "\">" + title + "</h3>\n";
}

std::string chart(bool charts, const std::string& id, const std::string& config) {
  if (!charts) return "";
  // The canvas's id differs from the heading's (`id`): Chart.js takes whichever element
  // getElementById finds first, and a heading has no drawing context.
  const std::string canvas = id + "_chart";
  return "<figure class=\"chart\"><canvas id=\"" + canvas + "\"></canvas></figure>\n<script>new " +
         "Chart(document.getElementById('" + canvas + "')," + config + ");</script>\n";
}

std::string error_bars(const std::vector<Estimate>& intervals, double scale) {
  return "{label:'95% interval',data:" + js_intervals(intervals, scale) +
         ",backgroundColor:'#333',grouped:false,barPercentage:0.12,categoryPercentage:1}";
}

}  // namespace wellsim::analysis::html
