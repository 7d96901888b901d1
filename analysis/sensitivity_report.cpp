// Why this file exists: `wellsim sensitivity` turns an ensemble into indices. This file chooses
// the scenario and methods, averages each point's replicates and runs the estimators; the text,
// CSV and JSON forms of the result live here too (the HTML page in sensitivity_html.cpp).
#include "analysis/sensitivity_report.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/format.hpp"
#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? std::string("(none)") : out;
}

/// The scenario to use and why: the asked one, the only one, or the first that is not the
/// baseline (a policy is what a sweep usually varies).
std::uint32_t choose_scenario(const output::EnsembleHeader& h, const std::string& asked,
                              std::string& why) {
  const auto& s = h.scenarios;
  if (s.empty()) throw sim::InputError("the ensemble has no scenarios");
  if (!asked.empty()) {
    const auto it = std::find(s.begin(), s.end(), asked);
    if (it == s.end())
      throw sim::InputError("scenario \"" + asked +
                            "\" is not in the ensemble; its scenarios: " + join(s));
    why = "as asked";
    return static_cast<std::uint32_t>(it - s.begin());
  }
  if (s.size() == 1) {
    why = "the only scenario";
    return 0;
  }
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] != h.baseline) {
      why = "the first scenario that is not the baseline \"" + h.baseline + "\"";
      return static_cast<std::uint32_t>(i);
    }
  why = "the first scenario";
  return 0;
}

/// Per design point: the mean of the outcome over its tasks of `scenario`, and how many.
struct PointMeans {
  std::vector<double> mean;
  std::vector<std::uint32_t> count;
};

PointMeans point_means(const output::Ensemble& e, const std::vector<double>& y,
                       std::uint32_t scenario) {
  PointMeans m;
  m.mean.assign(e.header.points.size(), 0.0);
  m.count.assign(e.header.points.size(), 0);
  for (std::size_t t = 0; t < y.size(); ++t) {
    // A task with no value of this outcome (NaN) counts as missing, not as a number.
    if (e.scenario_index[t] != scenario || !std::isfinite(y[t])) continue;
    m.mean[e.point[t]] += y[t];
    ++m.count[e.point[t]];
  }
  for (std::size_t p = 0; p < m.mean.size(); ++p)
    m.mean[p] = m.count[p] ? m.mean[p] / m.count[p] : std::nan("");
  return m;
}

/// Which estimators to run: `auto` takes the design's own (Sobol or Morris) and always the SRCs.
void choose_methods(const std::string& method, const std::string& design, SensitivityReport& r) {
  if (method == "auto") {
    r.has_sobol = design == "sobol";
    r.has_morris = design == "morris";
    r.has_src = true;
  } else if (method == "sobol" || method == "morris") {
    if (design != method)
      throw sim::InputError("method " + method + " needs a " + method +
                            " design; this ensemble's design is \"" + design + "\"");
    (method == "sobol" ? r.has_sobol : r.has_morris) = true;
  } else if (method == "src") {
    r.has_src = true;
  } else {
    throw sim::InputError("unknown method \"" + method + "\"; methods: auto, sobol, morris, src");
  }
}

/// Sobol' and Morris estimates need the outcome at every point of the design.
void require_every_point(const PointMeans& m, const SensitivityReport& r) {
  std::size_t missing = 0, first = 0;
  for (std::size_t p = m.count.size(); p-- > 0;)
    if (m.count[p] == 0) {
      ++missing;
      first = p;
    }
  if (missing == 0) return;
  throw sim::InputError(std::to_string(missing) + " of " + std::to_string(m.count.size()) +
                        " design points have no task of scenario \"" + r.scenario +
                        "\" with a value of " + r.outcome + " (first: point " +
                        std::to_string(first) + "); " + (r.has_sobol ? "Sobol'" : "Morris") +
                        " indices need every point (merge the missing tasks, or use method src)");
}

void run_estimators(const output::Ensemble& e, const PointMeans& m, SensitivityReport& r) {
  const auto& h = e.header;
  if (r.has_sobol) {
    if (h.base == 0) throw sim::InputError("the ensemble does not record the Sobol' base N");
    r.sobol = sobol_indices(m.mean, h.factors, h.base, r.resamples, r.seed, r.level);
  }
  if (r.has_morris)
    r.morris = morris_indices(h.points, m.mean, h.factors, h.factor_lo, h.factor_hi, r.resamples,
                              r.seed, r.level);
  if (r.has_src) {
    std::vector<std::vector<double>> rows;
    std::vector<double> y;
    for (std::size_t p = 0; p < m.count.size(); ++p)
      if (m.count[p]) {
        rows.push_back(h.points[p]);
        y.push_back(m.mean[p]);
      }
    r.src = standardised_regression(rows, y, h.factors);
  }
}

}  // namespace

SensitivityReport sensitivity_report(const output::Ensemble& e, const SensitivityRequest& request,
                                     const std::string& source) {
  const auto& h = e.header;
  SensitivityReport r;
  r.source = source;
  r.experiment = h.experiment;
  r.design = h.design;
  r.base = h.base;
  r.levels = h.levels;
  r.factors = h.factors;
  r.outcome = request.outcome;
  r.resamples = request.resamples;
  r.seed = request.seed;
  r.level = request.level;
  const std::vector<double>& y = e.outcome(request.outcome);
  for (std::size_t i = 0; i < h.outcomes.size(); ++i)
    if (h.outcomes[i] == request.outcome) {
      r.unit = i < h.outcome_units.size() ? h.outcome_units[i] : "";
      r.help = i < h.outcome_help.size() ? h.outcome_help[i] : "";
    }
  const std::uint32_t s = choose_scenario(h, request.scenario, r.scenario_choice);
  r.scenario = h.scenarios[s];
  choose_methods(request.method, h.design, r);
  if (h.factors.empty()) throw sim::InputError("the ensemble has no factors");
  const PointMeans m = point_means(e, y, s);
  r.points = m.count.size();
  for (std::uint32_t c : m.count)
    if (c) {
      r.replicates_min = r.points_used ? std::min(r.replicates_min, c) : c;
      r.replicates_max = std::max(r.replicates_max, c);
      ++r.points_used;
      r.tasks_used += c;
    }
  if (r.has_sobol || r.has_morris) require_every_point(m, r);
  run_estimators(e, m, r);
  return r;
}

// ---- text ------------------------------------------------------------------------------------

namespace {

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

std::string bounds(const IndexEstimate& e, int digits) {
  if (!std::isfinite(e.lo) || !std::isfinite(e.hi)) return "(no interval)";
  return "[" + num(e.lo, digits) + ", " + num(e.hi, digits) + "]";
}

std::string replicates(const SensitivityReport& r) {
  const std::string n =
      r.replicates_min == r.replicates_max
          ? std::to_string(r.replicates_min)
          : std::to_string(r.replicates_min) + "-" + std::to_string(r.replicates_max);
  return n + (r.replicates_max == 1 ? " replicate" : " replicates") + " per point";
}

void text_header(std::ostream& o, const SensitivityReport& r) {
  o << "Sensitivity of " << r.outcome << (r.unit.empty() ? "" : " (" + r.unit + ")") << " in "
    << r.source << "\n";
  o << "experiment " << r.experiment << ", design " << r.design;
  if (r.design == "sobol") o << " (N = " << r.base << ")";
  if (r.design == "morris") o << " (r = " << r.base << ", p = " << r.levels << ")";
  o << ", " << r.factors.size() << " factors, " << r.points << " points\n";
  o << "scenario " << r.scenario << " (" << r.scenario_choice << "): " << r.tasks_used
    << " tasks at " << r.points_used << " points, " << replicates(r) << "\n";
  o << "the outcome at a point is the mean of " << r.outcome << " over its replicates\n";
}

std::size_t name_width(const SensitivityReport& r) {
  std::size_t w = 8;
  for (const auto& f : r.factors) w = std::max(w, f.size() + 2);
  return w;
}

void text_sobol(std::ostream& o, const SensitivityReport& r, std::size_t w) {
  o << "\nSobol' indices, " << num(100 * r.level, 0) << "% bootstrap intervals (" << r.resamples
    << " resamples)\n";
  o << pad("factor", w) << pad("S1", 9) << pad("[lo, hi]", 20) << pad("ST", 9) << "[lo, hi]\n";
  for (const auto& s : r.sobol)
    o << pad(s.factor, w) << pad(num(s.first.value, 4), 9) << pad(bounds(s.first, 4), 20)
      << pad(num(s.total.value, 4), 9) << bounds(s.total, 4) << "\n";
}

void text_morris(std::ostream& o, const SensitivityReport& r, std::size_t w) {
  o << "\nMorris elementary effects (per unit of each factor's range), mu* with "
    << num(100 * r.level, 0) << "% bootstrap intervals (" << r.resamples << " resamples)\n";
  o << pad("factor", w) << pad("mu*", 11) << pad("[lo, hi]", 24) << pad("sigma", 11) << "mu\n";
  for (const auto& m : r.morris)
    o << pad(m.factor, w) << pad(num(m.mu_star, 4), 11) << pad(bounds(m.mu_star_interval, 4), 24)
      << pad(num(m.sigma, 4), 11) << num(m.mu, 4) << "\n";
}

void text_src(std::ostream& o, const SensitivityReport& r, std::size_t w) {
  o << "\nStandardised regression coefficients, R² = " << num(r.src.r2, 3)
    << " (they describe the outcome only as far as R² is near 1)\n";
  o << pad("factor", w) << "SRC\n";
  for (std::size_t i = 0; i < r.src.factors.size(); ++i)
    o << pad(r.src.factors[i], w) << num(r.src.src[i], 4) << "\n";
}

}  // namespace

std::string sensitivity_text(const SensitivityReport& r) {
  std::ostringstream o;
  text_header(o, r);
  const std::size_t w = name_width(r);
  if (r.has_sobol) text_sobol(o, r, w);
  if (r.has_morris) text_morris(o, r, w);
  if (r.has_src) text_src(o, r, w);
  return o.str();
}

// ---- CSV -------------------------------------------------------------------------------------

namespace {

std::string csv_or_empty(double x) { return std::isfinite(x) ? csv_number(x) : ""; }

}  // namespace

std::string sensitivity_csv(const SensitivityReport& r) {
  std::ostringstream o;
  const std::string prefix = csv_field(r.outcome) + "," + csv_field(r.scenario) + ",";
  auto row = [&](const char* method, const std::string& factor, const char* index, double value,
                 double lo, double hi) {
    o << prefix << method << "," << csv_field(factor) << "," << index << "," << csv_or_empty(value)
      << "," << csv_or_empty(lo) << "," << csv_or_empty(hi) << "\n";
  };
  const double none = std::nan("");
  o << "outcome,scenario,method,factor,index,value,lo,hi\n";
  for (const auto& s : r.sobol) {
    row("sobol", s.factor, "S1", s.first.value, s.first.lo, s.first.hi);
    row("sobol", s.factor, "ST", s.total.value, s.total.lo, s.total.hi);
  }
  for (const auto& m : r.morris) {
    row("morris", m.factor, "mu_star", m.mu_star, m.mu_star_interval.lo, m.mu_star_interval.hi);
    row("morris", m.factor, "mu", m.mu, none, none);
    row("morris", m.factor, "sigma", m.sigma, none, none);
  }
  if (r.has_src) {
    for (std::size_t i = 0; i < r.src.factors.size(); ++i)
      row("src", r.src.factors[i], "SRC", r.src.src[i], none, none);
    row("src", "", "R2", r.src.r2, none, none);
  }
  return o.str();
}

// ---- JSON ------------------------------------------------------------------------------------

namespace {

nlohmann::json number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nullptr; }

nlohmann::json estimate(const IndexEstimate& e) {
  return {{"value", number(e.value)}, {"lo", number(e.lo)}, {"hi", number(e.hi)}};
}

nlohmann::json json_indices(const SensitivityReport& r) {
  nlohmann::json j = nlohmann::json::object();
  if (r.has_sobol) {
    j["sobol"] = nlohmann::json::array();
    for (const auto& s : r.sobol)
      j["sobol"].push_back(
          {{"factor", s.factor}, {"S1", estimate(s.first)}, {"ST", estimate(s.total)}});
  }
  if (r.has_morris) {
    j["morris"] = nlohmann::json::array();
    for (const auto& m : r.morris)
      j["morris"].push_back(
          {{"factor", m.factor},
           {"mu_star", estimate({m.mu_star, m.mu_star_interval.lo, m.mu_star_interval.hi})},
           {"mu", number(m.mu)},
           {"sigma", number(m.sigma)}});
  }
  if (r.has_src) {
    nlohmann::json src = nlohmann::json::array();
    for (std::size_t i = 0; i < r.src.factors.size(); ++i)
      src.push_back({{"factor", r.src.factors[i]}, {"src", number(r.src.src[i])}});
    j["src"] = {{"r2", number(r.src.r2)}, {"factors", src}};
  }
  return j;
}

}  // namespace

std::string sensitivity_json(const SensitivityReport& r) {
  nlohmann::json j = {
      {"file", r.source},
      {"experiment", r.experiment},
      {"design", r.design},
      {"base", r.base},
      {"levels", r.levels},
      {"factors", r.factors},
      {"outcome", r.outcome},
      {"unit", r.unit},
      {"scenario", r.scenario},
      {"scenario_choice", r.scenario_choice},
      {"points", r.points},
      {"points_used", r.points_used},
      {"tasks_used", r.tasks_used},
      {"replicates", {{"min", r.replicates_min}, {"max", r.replicates_max}}},
      {"interval", {{"level", r.level}, {"resamples", r.resamples}, {"seed", r.seed}}},
  };
  j.update(json_indices(r));
  return j.dump(2) + "\n";
}

}  // namespace wellsim::analysis
