// The HTML page of `wellsim sensitivity`: one file with no scripts and nothing fetched, so it
// opens anywhere, offline. Charts are inline SVG drawn here: one horizontal bar per factor and
// index, from zero to the estimate, with its interval as a whisker. Bars sit on whole pixels with
// crisp edges, so each bar is drawn in exactly its colour (the render test measures them).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "analysis/format.hpp"
#include "analysis/sensitivity_report.hpp"

namespace wellsim::analysis {

namespace {

const char* kStyle = R"(body{font-family:system-ui,sans-serif;max-width:1000px;margin:1.5em auto;
padding:0 1em;color:#222;background:#fff}h1{font-size:1.5em}h2{border-bottom:2px solid #ddd;
padding-bottom:.2em;margin-top:1.6em}table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}.note{color:#555;font-size:.9em}svg{display:block})";

// Chart geometry, in CSS pixels.
constexpr int kLabelWidth = 160;  // least room for factor names, right-aligned before the plot
constexpr int kPlotWidth = 600;
constexpr int kRightMargin = 40;
constexpr int kLegendHeight = 26;
constexpr int kBarHeight = 14;
constexpr int kBarGap = 3;     // between the bars of one factor
constexpr int kGroupGap = 12;  // between factors
constexpr int kAxisHeight = 30;

/// One index drawn for every factor: its name in the legend, its colour, its estimates.
struct Series {
  std::string name, colour;
  std::vector<IndexEstimate> values;
};

/// A round tick spacing near (hi - lo) / 5: 1, 2, 2.5 or 5 times a power of ten.
double tick_step(double lo, double hi) {
  const double raw = (hi - lo) / 5, power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0})
    if (m * power >= raw) return m * power;
  return 10 * power;
}

/// The value range a chart spans: whole ticks that hold [floor, ceiling], zero, every estimate
/// and every finite interval bound.
struct Domain {
  double lo, hi, step;
};

Domain domain(const std::vector<Series>& series, double floor, double ceiling) {
  double lo = std::min(floor, 0.0), hi = std::max(ceiling, 0.0);
  for (const auto& s : series)
    for (const auto& e : s.values)
      for (double x : {e.value, e.lo, e.hi})
        if (std::isfinite(x)) {
          lo = std::min(lo, x);
          hi = std::max(hi, x);
        }
  if (!(hi > lo)) hi = lo + 1;
  const double step = tick_step(lo, hi);
  // A hair of slack so that a bound already on a tick (0, 1) does not gain another tick.
  return {step * std::floor(lo / step + 1e-9), step * std::ceil(hi / step - 1e-9), step};
}

/// A horizontal scale from [lo, hi] onto whole pixels of the plot, which starts at `left`.
struct Scale {
  double lo, hi;
  int left = kLabelWidth;
  int operator()(double x) const {
    const double t = std::clamp((x - lo) / (hi - lo), 0.0, 1.0);
    return left + static_cast<int>(std::lround(t * kPlotWidth));
  }
};

/// Room for the longest factor name (about 7 px a character at 12 px sans-serif), so dotted
/// names such as "intervention.warm_spaces.capacity" are not cut at the left edge.
int label_width(const std::vector<std::string>& factors) {
  std::size_t longest = 0;
  for (const auto& f : factors) longest = std::max(longest, f.size());
  return std::clamp(16 + 7 * static_cast<int>(longest), kLabelWidth, 480);
}

std::string tick_label(double x) {
  std::ostringstream o;
  o << std::round(x * 1e6) / 1e6 + 0.0;  // + 0.0: no "-0"
  return o.str();
}

/// The legend and the axis with a tick every `step`.
void chart_frame(std::ostream& o, const std::vector<Series>& series, const Scale& x, double step,
                 int bottom) {
  int lx = x.left;
  for (const auto& s : series) {
    o << "<rect x=\"" << lx << "\" y=\"6\" width=\"10\" height=\"10\" fill=\"" << s.colour
      << "\" shape-rendering=\"crispEdges\"/><text x=\"" << lx + 14 << "\" y=\"15\">"
      << html_escape(s.name) << "</text>\n";
    lx += 30 + 8 * static_cast<int>(s.name.size());
  }
  o << "<line x1=\"" << x.left << "\" y1=\"" << bottom << "\" x2=\"" << x.left + kPlotWidth
    << "\" y2=\"" << bottom << "\" stroke=\"#888\"/>\n";
  const int ticks = static_cast<int>(std::lround((x.hi - x.lo) / step));
  for (int i = 0; i <= ticks; ++i) {
    const double v = x.lo + step * i;
    const int px = x(v);
    o << "<line x1=\"" << px << "\" y1=\"" << kLegendHeight << "\" x2=\"" << px << "\" y2=\""
      << bottom + 4 << "\" stroke=\"#e4e4e4\"/><text x=\"" << px << "\" y=\"" << bottom + 18
      << "\" text-anchor=\"middle\">" << tick_label(v) << "</text>\n";
  }
  if (x.lo < 0)
    o << "<line x1=\"" << x(0) << "\" y1=\"" << kLegendHeight << "\" x2=\"" << x(0) << "\" y2=\""
      << bottom << "\" stroke=\"#666\"/>\n";
}

/// One bar from zero to the estimate, and its interval as a whisker with end caps.
void bar(std::ostream& o, const Series& s, const std::string& factor, const IndexEstimate& e,
         const Scale& x, int y) {
  if (std::isfinite(e.value)) {
    const int a = std::min(x(0), x(e.value)), b = std::max(x(0), x(e.value));
    o << "<rect x=\"" << a << "\" y=\"" << y << "\" width=\"" << b - a << "\" height=\""
      << kBarHeight << "\" fill=\"" << s.colour << "\" shape-rendering=\"crispEdges\"><title>"
      << html_escape(factor) << " " << html_escape(s.name) << " = " << num(e.value, 4)
      << "</title></rect>\n";
  }
  if (!std::isfinite(e.lo) || !std::isfinite(e.hi)) return;
  const int c = y + kBarHeight / 2, l = x(e.lo), h = x(e.hi);
  o << "<path d=\"M" << l << " " << c << "H" << h << "M" << l << " " << c - 4 << "V" << c + 4 << "M"
    << h << " " << c - 4 << "V" << c + 4 << "\" stroke=\"#222\" fill=\"none\"/>\n";
}

/// A horizontal bar chart: for each factor, one bar per series.
std::string bar_chart(const std::vector<std::string>& factors, const std::vector<Series>& series,
                      double floor, double ceiling) {
  const Domain d = domain(series, floor, ceiling);
  const Scale x{d.lo, d.hi, label_width(factors)};
  const int n = static_cast<int>(series.size());
  const int group = n * kBarHeight + (n - 1) * kBarGap;
  const int bottom =
      kLegendHeight + static_cast<int>(factors.size()) * (group + kGroupGap) + kGroupGap / 2;
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << x.left + kPlotWidth + kRightMargin
    << "\" height=\"" << bottom + kAxisHeight << "\" font-size=\"12\" font-family=\"sans-serif\" "
    << "fill=\"#222\">\n";
  chart_frame(o, series, x, d.step, bottom);
  for (std::size_t f = 0; f < factors.size(); ++f) {
    const int top = kLegendHeight + kGroupGap / 2 + static_cast<int>(f) * (group + kGroupGap);
    o << "<text x=\"" << x.left - 8 << "\" y=\"" << top + group / 2 + 4 << "\" text-anchor=\"end\">"
      << html_escape(factors[f]) << "</text>\n";
    for (int k = 0; k < n; ++k)
      bar(o, series[k], factors[f], series[k].values[f], x, top + k * (kBarHeight + kBarGap));
  }
  o << "</svg>\n";
  return o.str();
}

std::string td(const std::string& s) { return "<td>" + html_escape(s) + "</td>"; }

std::string ci(const IndexEstimate& e) {
  if (!std::isfinite(e.lo) || !std::isfinite(e.hi)) return "(no interval)";
  return "[" + num(e.lo, 4) + ", " + num(e.hi, 4) + "]";
}

void sobol_section(std::ostream& o, const SensitivityReport& r) {
  Series s1{"S1 (first order)", kFirstOrderColour, {}}, st{"ST (total)", kTotalColour, {}};
  for (const auto& s : r.sobol) {
    s1.values.push_back(s.first);
    st.values.push_back(s.total);
  }
  o << "<h2>Sobol' indices</h2>\n<p class=\"note\">Share of the outcome's variance due to each "
       "factor alone (S1) and with its interactions (ST); whiskers are "
    << num(100 * r.level, 0) << "% bootstrap intervals (" << r.resamples << " resamples).</p>\n";
  o << bar_chart(r.factors, {s1, st}, 0, 1);
  o << "<table><tr><th>factor</th><th>S1</th><th>interval</th><th>ST</th><th>interval</th></tr>\n";
  for (const auto& s : r.sobol)
    o << "<tr>" << td(s.factor) << td(num(s.first.value, 4)) << td(ci(s.first))
      << td(num(s.total.value, 4)) << td(ci(s.total)) << "</tr>\n";
  o << "</table>\n";
}

void morris_section(std::ostream& o, const SensitivityReport& r) {
  Series mu{"mu* (mean |elementary effect|)", kMuStarColour, {}};
  for (const auto& m : r.morris)
    mu.values.push_back({m.mu_star, m.mu_star_interval.lo, m.mu_star_interval.hi});
  o << "<h2>Morris elementary effects</h2>\n<p class=\"note\">Effects per unit of each factor's "
       "range; whiskers are "
    << num(100 * r.level, 0) << "% bootstrap intervals of mu* over trajectories.</p>\n";
  o << bar_chart(r.factors, {mu}, 0, 0);
  o << "<table><tr><th>factor</th><th>mu*</th><th>interval</th><th>sigma</th><th>mu</th></tr>\n";
  for (const auto& m : r.morris)
    o << "<tr>" << td(m.factor) << td(num(m.mu_star, 4)) << td(ci(m.mu_star_interval))
      << td(num(m.sigma, 4)) << td(num(m.mu, 4)) << "</tr>\n";
  o << "</table>\n";
}

void src_section(std::ostream& o, const SensitivityReport& r) {
  const double none = std::nan("");
  Series src{"SRC", kSrcColour, {}};
  for (double v : r.src.src) src.values.push_back({v, none, none});
  o << "<h2>Standardised regression coefficients</h2>\n<p class=\"note\">Least squares of the "
       "standardised outcome on the standardised factors, R&sup2; = "
    << num(r.src.r2, 3) << ": the coefficients describe the outcome only as far as R&sup2; is "
    << "near 1.</p>\n";
  o << bar_chart(r.src.factors, {src}, -1, 1);
  o << "<table><tr><th>factor</th><th>SRC</th></tr>\n";
  for (std::size_t i = 0; i < r.src.factors.size(); ++i)
    o << "<tr>" << td(r.src.factors[i]) << td(num(r.src.src[i], 4)) << "</tr>\n";
  o << "</table>\n";
}

}  // namespace

std::string sensitivity_html(const SensitivityReport& r) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sensitivity of "
    << html_escape(r.outcome) << "</title>\n<style>" << kStyle << "</style></head><body>\n";
  o << "<h1>Sensitivity of " << html_escape(r.outcome)
    << (r.unit.empty() ? "" : " (" + html_escape(r.unit) + ")") << "</h1>\n<p>";
  std::istringstream lines(sensitivity_text(r));
  // The text report's header (up to its first blank line, after its title) says what was
  // computed from what.
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && !line.empty()) o << html_escape(line) << "<br>\n";
  o << "</p>\n";
  if (!r.help.empty()) o << "<p class=\"note\">" << html_escape(r.help) << "</p>\n";
  if (r.has_sobol) sobol_section(o, r);
  if (r.has_morris) morris_section(o, r);
  if (r.has_src) src_section(o, r);
  o << "</body></html>\n";
  return o.str();
}

}  // namespace wellsim::analysis
