// The JSON report of `wellsim compare` ("wellsim-compare" version 1), built as a document with
// nlohmann-json so escaping and number formatting are the library's, never ours. Key order is
// kept (ordered_json) so the file reads like the text report; NaN is written as null.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/report.hpp"
#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

using Json = nlohmann::ordered_json;

/// A number, or null when it is not finite (JSON has no NaN).
Json number(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

Json estimate(const Estimate& e) {
  return {{"mean", number(e.mean)}, {"lo", number(e.lo)}, {"hi", number(e.hi)}, {"n", e.n}};
}

Json levels(const std::vector<Level>& all) {
  Json out = Json::array();
  for (const Level& l : all)
    out.push_back({{"measure", l.name},
                   {"week0", number(l.week0)},
                   {"baseline", number(l.baseline)},
                   {"policy", number(l.policy)},
                   {"change", estimate(l.change)}});
  return out;
}

Json numbers(const std::array<double, 11>& v) {
  Json out = Json::array();
  for (double x : v) out.push_back(number(x));
  return out;
}

Json valuation(const Valuation& v) {
  return {{"gbp_per_wellby", number(v.wellby_value)},
          {"range", {number(v.wellby_low), number(v.wellby_high)}},
          {"price_year", v.price_year},
          {"discount_rate", number(v.discount_rate)},
          {"source", "HM Treasury Green Book, wellbeing guidance for appraisal (2021)"}};
}

Json headline_json(const PolicyComparison& c) {
  Json h = Json::object();
  for (const auto& [name, e] : headline(c)) h[name] = estimate(*e);
  h["value_low_gbp"] = number(c.value_low);
  h["value_high_gbp"] = number(c.value_high);
  return h;
}

Json over_time(const PolicyComparison& c) {
  Json out = Json::array();
  for (std::size_t s = 0; s < c.effect.size(); ++s)
    out.push_back({{"week", s},
                   {"baseline", number(c.baseline_mean[s])},
                   {"policy", number(c.policy_mean[s])},
                   {"difference", estimate(c.effect[s])}});
  return out;
}

Json ripple(const PolicyComparison& c) {
  Json rings = Json::array(), layers = Json::array();
  if (c.paired)
    for (std::size_t k = 0; k < kRings; ++k)
      rings.push_back({{"ring", kRingNames[k]},
                       {"people", number(c.ring_people[k])},
                       {"difference", estimate(c.ring_effect[k])}});
  for (std::size_t l = 0; l < c.layer_effect.size(); ++l)
    layers.push_back({{"layer", c.layer_names[l]},
                      {"people", number(c.layer_people[l])},
                      {"difference", estimate(c.layer_effect[l])}});
  return {{"rings", rings}, {"layers", layers}};
}

Json who_gains(const PolicyComparison& c) {
  Json out = Json::array();
  for (const GroupEffect& g : c.groups)
    out.push_back({{"split", g.split},
                   {"category", g.category},
                   {"people", g.people},
                   {"baseline", number(g.baseline)},
                   {"difference", estimate(g.effect)}});
  return out;
}

Json services(const PolicyComparison& c) {
  Json out = Json::array();
  for (const ServiceRow& s : c.services)
    out.push_back({{"service", s.name},
                   {"policy_own", s.policy_own},
                   {"enrolled", {number(s.enrolled_baseline), number(s.enrolled_policy)}},
                   {"queue", {number(s.queue_baseline), number(s.queue_policy)}},
                   {"wait_weeks", {number(s.wait_baseline), number(s.wait_policy)}}});
  return out;
}

Json campaigns(const PolicyComparison& c) {
  Json out = Json::array();
  for (const CampaignRow& k : c.campaigns) {
    Json by_week = Json::array();
    for (std::size_t h = 0; h < c.horizons.size(); ++h)
      by_week.push_back({{"week", c.horizons[h].week}, {"share", number(k.by_horizon[h])}});
    out.push_back({{"campaign", k.name},
                   {"wins", k.wins},
                   {"success", estimate(k.success)},
                   {"success_by_week", by_week},
                   {"success_baseline", number(k.success_baseline)},
                   {"mean_win_week", number(k.mean_win_week)},
                   {"wellbys_expected", estimate(k.wellbys_expected)},
                   {"wellbys_won", estimate(k.wellbys_won)},
                   {"wellbys_failed", estimate(k.wellbys_failed)}});
  }
  return out;
}

Json cohorts(const PolicyComparison& c) {
  Json out = Json::array();
  for (const CohortRow& r : c.cohorts)
    out.push_back({{"cohort", r.cohort},
                   {"first_week", r.first_week},
                   {"last_week", r.last_week},
                   {"period", period_label(r.first_week, r.last_week)},
                   {"people", number(r.people)},
                   {"baseline", number(r.baseline)},
                   {"difference", estimate(r.effect)},
                   {"wellbys", estimate(r.wellbys)}});
  return out;
}

Json comparison(const PolicyComparison& c) {
  Json j = {{"policy", c.policy_name},
            {"baseline", c.baseline_name},
            {"policy_files", c.policy_paths},
            {"baseline_files", c.baseline_paths},
            {"paired", c.paired},
            {"replicates", c.replicates},
            {"population", c.population},
            {"last_week", c.last_step},
            {"recorded_week", c.recorded_step},
            {"valuation", valuation(c.valuation)},
            {"policy_interventions", c.policy_interventions},
            {"notes", c.notes},
            {"headline", headline_json(c)}};
  j["bootstrap"] = Json::object();
  for (const auto& [name, e] : c.bootstrap) j["bootstrap"][name] = estimate(e);
  j["horizons"] = Json::array();
  for (const Horizon& h : c.horizons)
    j["horizons"].push_back(
        {{"week", h.week}, {"effect", estimate(h.effect)}, {"wellbys", estimate(h.wellbys)}});
  j["effect_over_time"] = over_time(c);
  j["distribution"] = {{"baseline", numbers(c.dist_baseline)}, {"policy", numbers(c.dist_policy)}};
  j["inequality"] = levels(c.inequality);
  j["who_gains"] = who_gains(c);
  const Json r = ripple(c);
  j["ripple"] = r["rings"];
  j["ripple_by_layer"] = r["layers"];
  j["prevalence"] = levels(c.prevalence);
  j["prevalence_average"] = levels(c.prevalence_average);
  j["services"] = services(c);
  j["campaigns"] = campaigns(c);
  j["cohorts"] = cohorts(c);
  j["cohort_every"] = c.cohort_every;
  return j;
}

}  // namespace

void write_json(const std::string& path, const std::vector<PolicyComparison>& all) {
  Json doc = {{"schema", "wellsim-compare"}, {"version", 1}, {"comparisons", Json::array()}};
  for (const PolicyComparison& c : all) doc["comparisons"].push_back(comparison(c));
  std::ofstream f(path, std::ios::binary);
  if (!f) throw sim::InputError(path + ": cannot write");
  f << doc.dump(1) << "\n";
  f.close();
  if (!f) throw sim::RuntimeError(path + ": write failed: " + std::strerror(errno ? errno : EIO));
}

}  // namespace wellsim::analysis
