// `wellsim sensitivity` end to end, the way a real sweep reaches it: a design from
// batch::make_design, one task per point and replicate evaluated by a test function with known
// indices (Ishigami; Sobol' G), written by output::EnsembleWriter as `wellsim merge` does, then
// the real binary reads the file and its printed and JSON indices are checked against the
// closed forms. Bad input is refused in one line with exit status 2, write errors with 1.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "batch/design.hpp"
#include "output/ensemble_file.hpp"
#include "output/h5_util.hpp"
#include "tests/analysis/test_functions.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

using test::design;
using test::factors;
using test::g_function;
using test::ishigami;
using test::kG;
using test::kPi;

using Function = std::function<double(const std::vector<double>&)>;

struct EnsembleSpec {
  std::uint32_t replicates = 2;
  std::set<std::uint32_t> skip;  ///< points left without tasks
  std::vector<std::string> scenarios{"f"};
  std::string baseline;
};

/// Writes the ensemble a sweep of `d` would merge into: per point and replicate one task of each
/// scenario, whose outcome "y" is f(point) plus a tiny replicate-dependent offset (replicates of
/// a point average to f exactly) and "other" a constant.
void write_ensemble(const std::string& path, const batch::Design& d,
                    const std::vector<batch::Factor>& fs, const Function& f,
                    const EnsembleSpec& spec = {}) {
  output::EnsembleHeader h;
  h.experiment = "test-function";
  h.design = batch::design_kind_name(d.kind);
  h.base = d.base;
  h.levels = d.levels;
  h.baseline = spec.baseline;
  h.scenarios = spec.scenarios;
  h.factors = d.factors;
  for (const auto& factor : fs) {
    h.factor_lo.push_back(factor.min);
    h.factor_hi.push_back(factor.max);
  }
  h.points = d.rows;
  h.tasks_planned = static_cast<std::uint32_t>(d.rows.size() * spec.replicates);
  h.outcomes = {"y", "other"};
  h.outcome_units = {"units", ""};
  output::EnsembleWriter w(path, h, false);
  for (std::uint32_t s = 0; s < spec.scenarios.size(); ++s)
    for (std::uint32_t p = 0; p < d.rows.size(); ++p) {
      if (spec.skip.count(p)) continue;
      const double y = f(d.rows[p]) + (s == 0 ? 0.0 : 1.0 + d.rows[p][0]);
      for (std::uint32_t r = 0; r < spec.replicates; ++r) {
        output::EnsembleRow row;
        char id[64];
        std::snprintf(id, sizeof id, "%s-p%05u-r%02u", spec.scenarios[s].c_str(), p, r);
        row.task_id = id;
        row.scenario = spec.scenarios[s];
        row.scenario_index = s;
        row.point = p;
        row.replicate = r;
        row.seed = 100 + r;
        row.factors = d.rows[p];
        const double noise = spec.replicates > 1 ? 1e-4 * (2.0 * r / (spec.replicates - 1) - 1) : 0;
        row.outcomes = {y + noise, 1.0};
        w.add(row);
      }
    }
  w.finish();
}

/// Runs `wellsim sensitivity` and returns its JSON report (the run must succeed).
nlohmann::json sensitivity_json(const test::TempDir& dir, std::vector<std::string> args,
                                std::string* out = nullptr) {
  const std::string json = dir.file("report.json");
  args.insert(args.begin(), "sensitivity");
  args.insert(args.end(), {"--json", json, "--resamples", "200"});
  const auto r = test::run_wellsim(args);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  if (out) *out = r.out;
  return nlohmann::json::parse(test::read_text(json));
}

void check_sobol(const nlohmann::json& j, const std::vector<double>& s1,
                 const std::vector<double>& st, double tol) {
  REQUIRE(j["sobol"].size() == s1.size());
  for (std::size_t i = 0; i < s1.size(); ++i) {
    const auto& f = j["sobol"][i];
    INFO(f.dump());
    CHECK(f["factor"] == std::string{'x', static_cast<char>('1' + i)});
    CHECK(f["S1"]["value"].get<double>() == Approx(s1[i]).margin(tol));
    CHECK(f["ST"]["value"].get<double>() == Approx(st[i]).margin(tol));
    CHECK(f["S1"]["lo"].get<double>() <= f["S1"]["hi"].get<double>());
  }
}

/// A failed run: exit status 2 (bad input) and one line on stderr holding `says`.
void refused(const std::vector<std::string>& args, const std::string& says, int status = 2) {
  const auto r = test::run_wellsim(args);
  INFO(r.err);
  CHECK(r.status == status);
  CHECK_THAT(r.err, Contains(says));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

}  // namespace

TEST_CASE("sensitivity of an Ishigami ensemble matches the analytic indices",
          "[sensitivity][ensemble][cli]") {
  test::TempDir dir("sens-ishigami");
  const auto fs = factors(3, -kPi, kPi);
  const auto d = design(batch::DesignKind::Sobol, 1024, fs, 1);
  write_ensemble(dir.file("ish.h5"), d, fs, ishigami);
  std::string out;
  const auto j = sensitivity_json(dir, {dir.file("ish.h5"), "--outcome", "y"}, &out);
  check_sobol(j, {0.3139, 0.4424, 0.0}, {0.5576, 0.4424, 0.2437}, 0.05);
  CHECK(j["scenario"] == "f");
  CHECK(j["points_used"] == 5120);
  CHECK(j["tasks_used"] == 10240);
  CHECK(j["src"]["factors"].size() == 3);  // auto adds the regression
  CHECK(j["src"]["r2"].get<double>() == Approx(0.19).margin(0.05));
  CHECK_THAT(out, Contains("scenario f (the only scenario): 10240 tasks at 5120 points, 2 "
                           "replicates per point") &&
                      Contains("design sobol (N = 1024)") && Contains("Sobol' indices") &&
                      Contains("Standardised regression coefficients, R²"));
  // The printed table carries the same numbers as the JSON.
  char line[128];
  std::snprintf(line, sizeof line, "%.4f", j["sobol"][1]["S1"]["value"].get<double>());
  CHECK_THAT(out, Contains(line));
}

TEST_CASE("sensitivity of a Sobol' G ensemble matches the analytic indices",
          "[sensitivity][ensemble][cli]") {
  test::TempDir dir("sens-g");
  const auto fs = factors(8, 0, 1);
  const auto d = design(batch::DesignKind::Sobol, 512, fs, 3);
  write_ensemble(dir.file("g.h5"), d, fs, g_function);
  // Vi = (1/3)/(1 + ai)², V = Π(1 + Vi) − 1, S1i = Vi/V, STi = Vi Π_{j≠i}(1 + Vj)/V.
  std::vector<double> v, s1, st;
  double prod = 1;
  for (double a : kG) {
    v.push_back(1.0 / 3.0 / ((1 + a) * (1 + a)));
    prod *= 1 + v.back();
  }
  for (double vi : v) {
    s1.push_back(vi / (prod - 1));
    st.push_back(vi * prod / (1 + vi) / (prod - 1));
  }
  const auto j = sensitivity_json(dir, {dir.file("g.h5"), "--outcome", "y", "--method", "sobol"});
  check_sobol(j, s1, st, 0.05);
  CHECK_FALSE(j.contains("src"));  // only what was asked
}

TEST_CASE("a Morris ensemble of G ranks the factors by their a", "[sensitivity][ensemble][cli]") {
  test::TempDir dir("sens-morris");
  const auto fs = factors(8, 0, 1);
  const auto d = design(batch::DesignKind::Morris, 40, fs, 2);
  write_ensemble(dir.file("m.h5"), d, fs, g_function);
  std::string out;
  const auto j = sensitivity_json(dir, {dir.file("m.h5"), "--outcome", "y"}, &out);
  REQUIRE(j["morris"].size() == 8);
  std::vector<double> mu;
  for (const auto& m : j["morris"]) mu.push_back(m["mu_star"]["value"].get<double>());
  INFO(j["morris"].dump());
  CHECK(mu[0] > mu[1]);
  CHECK(mu[1] > mu[2]);
  CHECK(mu[2] > mu[3]);
  for (std::size_t i = 4; i < 8; ++i) CHECK(mu[3] > 3 * mu[i]);
  CHECK_THAT(out, Contains("design morris (r = 40, p = 4)") && Contains("mu*"));
}

TEST_CASE("sensitivity uses the scenario that is not the baseline and writes every format",
          "[sensitivity][ensemble][cli]") {
  test::TempDir dir("sens-formats");
  const auto fs = factors(2, 0, 1);
  const auto d = design(batch::DesignKind::LatinHypercube, 60, fs, 4);
  EnsembleSpec spec;
  spec.scenarios = {"base", "policy"};
  spec.baseline = "base";
  auto linear = [](const std::vector<double>& x) { return 2 * x[0] + x[1]; };
  write_ensemble(dir.file("lhs.h5"), d, fs, linear, spec);
  std::string out;
  const auto j = sensitivity_json(dir,
                                  {dir.file("lhs.h5"), "--outcome", "y", "--csv", dir.file("s.csv"),
                                   "--html", dir.file("s.html")},
                                  &out);
  CHECK(j["scenario"] == "policy");
  CHECK_THAT(j["scenario_choice"].get<std::string>(), Contains("not the baseline"));
  CHECK_FALSE(j.contains("sobol"));
  CHECK(j["src"]["r2"].get<double>() > 0.99);  // policy = 2 x1 + x2 + 1 + x1: linear
  CHECK_THAT(out,
             Contains("wrote " + dir.file("s.csv")) && Contains("wrote " + dir.file("s.html")));
  const std::string csv = test::read_text(dir.file("s.csv"));
  CHECK_THAT(csv, Contains("outcome,scenario,method,factor,index,value,lo,hi\n") &&
                      Contains("y,policy,src,x1,SRC,") && Contains("y,policy,src,,R2,"));
  const std::string html = test::read_text(dir.file("s.html"));
  CHECK_THAT(html, Contains("<svg") && Contains("Standardised regression coefficients"));
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // nothing fetched
  CHECK(html.find("<script") == std::string::npos);

  const auto base =
      sensitivity_json(dir, {dir.file("lhs.h5"), "--outcome", "y", "--scenario", "base", "-q"});
  CHECK(base["scenario"] == "base");
  refused({"sensitivity", dir.file("lhs.h5"), "--outcome", "y", "--scenario", "nope"},
          "scenario \"nope\" is not in the ensemble; its scenarios: base, policy");
  refused({"sensitivity", dir.file("lhs.h5"), "--outcome", "y", "--method", "sobol"},
          "method sobol needs a sobol design; this ensemble's design is \"lhs\"");
  // Every write error is exit status 1 and one line.
  refused({"sensitivity", dir.file("lhs.h5"), "--outcome", "y", "-q", "--json", "/dev/full"},
          "/dev/full: write failed", 1);
  refused({"sensitivity", dir.file("lhs.h5"), "--outcome", "y", "-q", "--csv",
           dir.file("no/such/dir/s.csv")},
          "cannot create", 1);
}

TEST_CASE("sensitivity refuses bad input in one line", "[sensitivity][ensemble][cli]") {
  test::TempDir dir("sens-bad");
  const auto fs = factors(3, -kPi, kPi);
  const auto d = design(batch::DesignKind::Sobol, 16, fs, 1);
  write_ensemble(dir.file("ok.h5"), d, fs, ishigami);
  refused({"sensitivity", dir.file("ok.h5"), "--outcome", "welbys"},
          dir.file("ok.h5") + ": unknown outcome \"welbys\"; the ensemble's outcomes: y, other");
  refused({"sensitivity", dir.write("notes.h5", "hello\n"), "--outcome", "y"},
          "notes.h5: not an HDF5 file");
  {
    output::h5::silence_errors();
    const std::string plain = dir.file("plain.h5");
    output::h5::File(H5Fcreate(plain.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
  }
  refused({"sensitivity", dir.file("plain.h5"), "--outcome", "y"},
          "plain.h5: not a wellsim ensemble file");

  EnsembleSpec gaps;
  gaps.skip = {7, 9};
  write_ensemble(dir.file("gaps.h5"), d, fs, ishigami, gaps);
  refused({"sensitivity", dir.file("gaps.h5"), "--outcome", "y"},
          "gaps.h5: 2 of 80 design points have no task of scenario \"f\" with a value of y "
          "(first: point 7)");
  // The regression needs only the points there are.
  const auto j = sensitivity_json(dir, {dir.file("gaps.h5"), "--outcome", "y", "--method", "src"});
  CHECK(j["points_used"] == 78);
}
