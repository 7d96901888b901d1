// Machine-readable reports of `wellsim compare`: CSV tables and one JSON document.
#include <filesystem>
#include <fstream>

#include "analysis/format.hpp"
#include "analysis/report.hpp"
#include "sim/errors.hpp"

namespace wellsim::analysis {

namespace {

std::ofstream open_out(const std::string& path) {
  std::ofstream f(path, std::ios::binary);
  if (!f) throw sim::InputError(path + ": cannot write");
  return f;
}

std::string csv_est(const Estimate& e) {
  return json_number(e.mean) + "," + (e.has_interval() ? json_number(e.lo) : "") + "," +
         (e.has_interval() ? json_number(e.hi) : "");
}

std::string json_est(const Estimate& e) {
  return "{\"mean\": " + json_number(e.mean) + ", \"lo\": " + json_number(e.lo) +
         ", \"hi\": " + json_number(e.hi) + ", \"n\": " + std::to_string(e.n) + "}";
}

std::vector<std::pair<std::string, const Estimate*>> headline(const Comparison& c) {
  return {{"effect_last_week", &c.final_effect}, {"effect_average", &c.average_effect},
          {"wellbys", &c.wellbys},               {"value_gbp", &c.value},
          {"net_cost_gbp", &c.cost},             {"cost_per_wellby_gbp", &c.cost_per_wellby},
          {"npv_gbp", &c.npv},                   {"benefit_cost_ratio", &c.bcr},
          {"spillover_share", &c.spillover_share}};
}

}  // namespace

std::vector<std::string> write_csv(const std::string& dir, const std::vector<Comparison>& all) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> written;
  auto file = [&](const std::string& name, const std::string& header) {
    written.push_back((std::filesystem::path(dir) / name).string());
    auto f = open_out(written.back());
    f << header << "\n";
    return f;
  };
  {
    auto f = file("summary.csv", "policy,baseline,measure,mean,lo,hi,replicates,paired");
    for (const auto& c : all)
      for (const auto& [name, e] : headline(c))
        f << csv_field(c.policy_name) << "," << csv_field(c.baseline_name) << "," << name << ","
          << csv_est(*e) << "," << e->n << "," << (c.paired ? 1 : 0) << "\n";
  }
  {
    auto f = file("effect_over_time.csv", "policy,week,baseline_mean,policy_mean,difference,lo,hi");
    for (const auto& c : all)
      for (std::size_t s = 0; s < c.effect.size(); ++s)
        f << csv_field(c.policy_name) << "," << s << "," << json_number(c.baseline_mean[s]) << ","
          << json_number(c.policy_mean[s]) << "," << csv_est(c.effect[s]) << "\n";
  }
  {
    auto f = file("horizons.csv", "policy,week,difference,lo,hi,wellbys,wellbys_lo,wellbys_hi");
    for (const auto& c : all)
      for (const auto& h : c.horizons)
        f << csv_field(c.policy_name) << "," << h.week << "," << csv_est(h.effect) << ","
          << csv_est(h.wellbys) << "\n";
  }
  {
    auto f = file("distribution.csv", "policy,score,baseline_share,policy_share");
    for (const auto& c : all)
      for (int s = 0; s <= 10; ++s)
        f << csv_field(c.policy_name) << "," << s << "," << json_number(c.dist_baseline[s]) << ","
          << json_number(c.dist_policy[s]) << "\n";
  }
  {
    auto f = file("inequality.csv", "policy,measure,week0,baseline,policy_value,change,lo,hi");
    for (const auto& c : all)
      for (const auto& l : c.inequality)
        f << csv_field(c.policy_name) << "," << csv_field(l.name) << "," << json_number(l.week0)
          << "," << json_number(l.baseline) << "," << json_number(l.policy) << ","
          << csv_est(l.change) << "\n";
  }
  {
    auto f = file("who_gains.csv", "policy,split,category,people,baseline,difference,lo,hi");
    for (const auto& c : all)
      for (const auto& g : c.groups)
        f << csv_field(c.policy_name) << "," << csv_field(g.split) << "," << csv_field(g.category)
          << "," << g.people << "," << json_number(g.baseline) << "," << csv_est(g.effect) << "\n";
  }
  {
    auto f = file("ripple.csv", "policy,ring,people,difference,lo,hi");
    for (const auto& c : all)
      if (c.paired)
        for (std::size_t k = 0; k < kRings; ++k)
          f << csv_field(c.policy_name) << "," << kRingNames[k] << ","
            << json_number(c.ring_people[k]) << "," << csv_est(c.ring_effect[k]) << "\n";
  }
  {
    auto f = file("ripple_layers.csv", "policy,layer,people_one_hop,difference,lo,hi");
    for (const auto& c : all)
      for (std::size_t l = 0; l < c.layer_effect.size(); ++l)
        f << csv_field(c.policy_name) << "," << csv_field(c.layer_names[l]) << ","
          << json_number(c.layer_people[l]) << "," << csv_est(c.layer_effect[l]) << "\n";
  }
  {
    auto f = file("domains.csv",
                  "policy,domain,baseline,policy_value,change,lo,hi,average_change,avg_lo,avg_hi");
    for (const auto& c : all)
      for (std::size_t k = 0; k < c.prevalence.size(); ++k) {
        const auto& l = c.prevalence[k];
        f << csv_field(c.policy_name) << "," << l.name << "," << json_number(l.baseline) << ","
          << json_number(l.policy) << "," << csv_est(l.change) << ","
          << csv_est(c.prevalence_average[k].change) << "\n";
      }
  }
  {
    auto f = file("services.csv", "policy,service,policy_own,enrolled_baseline,enrolled_policy,"
                                  "queue_baseline,queue_policy,wait_baseline,wait_policy");
    for (const auto& c : all)
      for (const auto& s : c.services)
        f << csv_field(c.policy_name) << "," << csv_field(s.name) << "," << (s.policy_own ? 1 : 0)
          << "," << json_number(s.enrolled_baseline) << "," << json_number(s.enrolled_policy)
          << "," << json_number(s.queue_baseline) << "," << json_number(s.queue_policy) << ","
          << json_number(s.wait_baseline) << "," << json_number(s.wait_policy) << "\n";
  }
  return written;
}

void write_json(const std::string& path, const std::vector<Comparison>& all) {
  auto f = open_out(path);
  auto strings = [](const std::vector<std::string>& v) {
    std::string s = "[";
    for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + json_string(v[k]);
    return s + "]";
  };
  f << "{\"schema\": \"wellsim-compare\", \"version\": 1, \"comparisons\": [";
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& c = all[i];
    const auto& v = c.valuation;
    f << (i ? ",\n" : "\n") << "{\"policy\": " << json_string(c.policy_name)
      << ", \"baseline\": " << json_string(c.baseline_name)
      << ",\n \"policy_files\": " << strings(c.policy_paths)
      << ",\n \"baseline_files\": " << strings(c.baseline_paths)
      << ",\n \"paired\": " << (c.paired ? "true" : "false") << ", \"replicates\": " << c.replicates
      << ", \"population\": " << c.population << ", \"last_week\": " << c.last_step
      << ", \"recorded_week\": " << c.recorded_step
      << ",\n \"valuation\": {\"gbp_per_wellby\": " << json_number(v.wellby_value)
      << ", \"range\": [" << json_number(v.wellby_low) << ", " << json_number(v.wellby_high)
      << "], \"price_year\": " << v.price_year << ", \"discount_rate\": "
      << json_number(v.discount_rate)
      << ", \"source\": \"HM Treasury Green Book, wellbeing guidance for appraisal (2021)\"}"
      << ",\n \"policy_interventions\": " << strings(c.policy_interventions)
      << ",\n \"notes\": " << strings(c.notes) << ",\n \"headline\": {";
    auto h = headline(c);
    for (std::size_t k = 0; k < h.size(); ++k)
      f << (k ? ", " : "") << json_string(h[k].first) << ": " << json_est(*h[k].second);
    f << ", \"value_low_gbp\": " << json_number(c.value_low)
      << ", \"value_high_gbp\": " << json_number(c.value_high) << "}";
    f << ",\n \"bootstrap\": {";
    for (std::size_t k = 0; k < c.bootstrap.size(); ++k)
      f << (k ? ", " : "") << json_string(c.bootstrap[k].first) << ": "
        << json_est(c.bootstrap[k].second);
    f << "},\n \"horizons\": [";
    for (std::size_t k = 0; k < c.horizons.size(); ++k)
      f << (k ? ", " : "") << "{\"week\": " << c.horizons[k].week
        << ", \"effect\": " << json_est(c.horizons[k].effect)
        << ", \"wellbys\": " << json_est(c.horizons[k].wellbys) << "}";
    f << "],\n \"effect_over_time\": [";
    for (std::size_t s = 0; s < c.effect.size(); ++s)
      f << (s ? ", " : "") << "{\"week\": " << s << ", \"baseline\": "
        << json_number(c.baseline_mean[s]) << ", \"policy\": " << json_number(c.policy_mean[s])
        << ", \"difference\": " << json_est(c.effect[s]) << "}";
    f << "],\n \"distribution\": {\"baseline\": [";
    for (int s = 0; s <= 10; ++s) f << (s ? ", " : "") << json_number(c.dist_baseline[s]);
    f << "], \"policy\": [";
    for (int s = 0; s <= 10; ++s) f << (s ? ", " : "") << json_number(c.dist_policy[s]);
    f << "]},\n \"inequality\": [";
    auto levels = [&](const std::vector<Level>& ls) {
      for (std::size_t k = 0; k < ls.size(); ++k)
        f << (k ? ", " : "") << "{\"measure\": " << json_string(ls[k].name)
          << ", \"week0\": " << json_number(ls[k].week0)
          << ", \"baseline\": " << json_number(ls[k].baseline)
          << ", \"policy\": " << json_number(ls[k].policy)
          << ", \"change\": " << json_est(ls[k].change) << "}";
    };
    levels(c.inequality);
    f << "],\n \"who_gains\": [";
    for (std::size_t k = 0; k < c.groups.size(); ++k) {
      const auto& g = c.groups[k];
      f << (k ? ",\n  " : "") << "{\"split\": " << json_string(g.split)
        << ", \"category\": " << json_string(g.category) << ", \"people\": " << g.people
        << ", \"baseline\": " << json_number(g.baseline) << ", \"difference\": "
        << json_est(g.effect) << "}";
    }
    f << "],\n \"ripple\": [";
    if (c.paired)
      for (std::size_t k = 0; k < kRings; ++k)
        f << (k ? ", " : "") << "{\"ring\": " << json_string(kRingNames[k])
          << ", \"people\": " << json_number(c.ring_people[k])
          << ", \"difference\": " << json_est(c.ring_effect[k]) << "}";
    f << "],\n \"ripple_by_layer\": [";
    for (std::size_t l = 0; l < c.layer_effect.size(); ++l)
      f << (l ? ", " : "") << "{\"layer\": " << json_string(c.layer_names[l])
        << ", \"people\": " << json_number(c.layer_people[l])
        << ", \"difference\": " << json_est(c.layer_effect[l]) << "}";
    f << "],\n \"prevalence\": [";
    levels(c.prevalence);
    f << "],\n \"prevalence_average\": [";
    levels(c.prevalence_average);
    f << "],\n \"services\": [";
    for (std::size_t k = 0; k < c.services.size(); ++k) {
      const auto& s = c.services[k];
      f << (k ? ",\n  " : "") << "{\"service\": " << json_string(s.name)
        << ", \"policy_own\": " << (s.policy_own ? "true" : "false")
        << ", \"enrolled\": [" << json_number(s.enrolled_baseline) << ", "
        << json_number(s.enrolled_policy) << "], \"queue\": [" << json_number(s.queue_baseline)
        << ", " << json_number(s.queue_policy) << "], \"wait_weeks\": ["
        << json_number(s.wait_baseline) << ", " << json_number(s.wait_policy) << "]}";
    }
    f << "]}";
  }
  f << "\n]}\n";
}

}  // namespace wellsim::analysis
