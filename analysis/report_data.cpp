// Machine-readable reports of `wellsim compare`: CSV tables and one JSON document.
#include <cerrno>
#include <cstring>
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

/// Closes `f` and fails if any write to it failed: a full disk is an error, not a short table.
void close_checked(std::ofstream& f, const std::string& path) {
  f.close();
  if (!f) throw sim::RuntimeError(path + ": cannot write: " + std::strerror(errno ? errno : EIO));
}

std::string csv_est(const Estimate& e) {
  return csv_number(e.mean) + "," + (e.has_interval() ? csv_number(e.lo) : "") + "," +
         (e.has_interval() ? csv_number(e.hi) : "");
}

}  // namespace

std::vector<std::pair<std::string, const Estimate*>> headline(const PolicyComparison& c) {
  return {{"effect_last_week", &c.final_effect},
          {"effect_average", &c.average_effect},
          {"wellbys", &c.wellbys},
          {"value_gbp", &c.value},
          {"net_cost_gbp", &c.cost},
          {"cost_per_wellby_gbp", &c.cost_per_wellby},
          {"npv_gbp", &c.npv},
          {"benefit_cost_ratio", &c.bcr},
          {"spillover_share", &c.spillover_share}};
}

// Longer than our ~80-line habit on purpose: one short block per table (header, then one line
// per row), in the order report.hpp lists them; ten helper functions would add only
// names between the header a table has and the columns it writes.
std::vector<std::string> write_csv(const std::string& dir,
                                   const std::vector<PolicyComparison>& all) {
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
    close_checked(f, written.back());
  }
  {
    auto f = file("effect_over_time.csv", "policy,week,baseline_mean,policy_mean,difference,lo,hi");
    for (const auto& c : all)
      for (std::size_t s = 0; s < c.effect.size(); ++s)
        f << csv_field(c.policy_name) << "," << s << "," << csv_number(c.baseline_mean[s]) << ","
          << csv_number(c.policy_mean[s]) << "," << csv_est(c.effect[s]) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("horizons.csv", "policy,week,difference,lo,hi,wellbys,wellbys_lo,wellbys_hi");
    for (const auto& c : all)
      for (const auto& h : c.horizons)
        f << csv_field(c.policy_name) << "," << h.week << "," << csv_est(h.effect) << ","
          << csv_est(h.wellbys) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("distribution.csv", "policy,score,baseline_share,policy_share");
    for (const auto& c : all)
      for (int s = 0; s <= 10; ++s)
        f << csv_field(c.policy_name) << "," << s << "," << csv_number(c.dist_baseline[s]) << ","
          << csv_number(c.dist_policy[s]) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("inequality.csv", "policy,measure,week0,baseline,policy_value,change,lo,hi");
    for (const auto& c : all)
      for (const auto& l : c.inequality)
        f << csv_field(c.policy_name) << "," << csv_field(l.name) << "," << csv_number(l.week0)
          << "," << csv_number(l.baseline) << "," << csv_number(l.policy) << ","
          << csv_est(l.change) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("who_gains.csv", "policy,split,category,people,baseline,difference,lo,hi");
    for (const auto& c : all)
      for (const auto& g : c.groups)
        f << csv_field(c.policy_name) << "," << csv_field(g.split) << "," << csv_field(g.category)
          << "," << g.people << "," << csv_number(g.baseline) << "," << csv_est(g.effect) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("ripple.csv", "policy,ring,people,difference,lo,hi");
    for (const auto& c : all)
      if (c.paired)
        for (std::size_t k = 0; k < kRings; ++k)
          f << csv_field(c.policy_name) << "," << kRingNames[k] << ","
            << csv_number(c.ring_people[k]) << "," << csv_est(c.ring_effect[k]) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("ripple_layers.csv", "policy,layer,people_one_hop,difference,lo,hi");
    for (const auto& c : all)
      for (std::size_t l = 0; l < c.layer_effect.size(); ++l)
        f << csv_field(c.policy_name) << "," << csv_field(c.layer_names[l]) << ","
          << csv_number(c.layer_people[l]) << "," << csv_est(c.layer_effect[l]) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("domains.csv",
                  "policy,domain,baseline,policy_value,change,lo,hi,average_change,avg_lo,avg_hi");
    for (const auto& c : all)
      for (std::size_t k = 0; k < c.prevalence.size(); ++k) {
        const auto& l = c.prevalence[k];
        f << csv_field(c.policy_name) << "," << l.name << "," << csv_number(l.baseline) << ","
          << csv_number(l.policy) << "," << csv_est(l.change) << ","
          << csv_est(c.prevalence_average[k].change) << "\n";
      }
    close_checked(f, written.back());
  }
  {
    auto f = file("services.csv",
                  "policy,service,policy_own,enrolled_baseline,enrolled_policy,"
                  "queue_baseline,queue_policy,wait_baseline,wait_policy");
    for (const auto& c : all)
      for (const auto& s : c.services)
        f << csv_field(c.policy_name) << "," << csv_field(s.name) << "," << (s.policy_own ? 1 : 0)
          << "," << csv_number(s.enrolled_baseline) << "," << csv_number(s.enrolled_policy) << ","
          << csv_number(s.queue_baseline) << "," << csv_number(s.queue_policy) << ","
          << csv_number(s.wait_baseline) << "," << csv_number(s.wait_policy) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("campaigns.csv",
                  "policy,campaign,wins,last_week,success,success_lo,success_hi,replicates,"
                  "success_baseline,mean_win_week,wellbys,wellbys_lo,wellbys_hi,wellbys_won,"
                  "won_lo,won_hi,wellbys_failed,failed_lo,failed_hi");
    for (const auto& c : all)
      for (const auto& k : c.campaigns)
        f << csv_field(c.policy_name) << "," << csv_field(k.name) << "," << csv_field(k.wins) << ","
          << c.last_step << "," << csv_est(k.success) << "," << k.success.n << ","
          << csv_number(k.success_baseline) << "," << csv_number(k.mean_win_week) << ","
          << csv_est(k.wellbys_expected) << "," << csv_est(k.wellbys_won) << ","
          << csv_est(k.wellbys_failed) << "\n";
    close_checked(f, written.back());
  }
  {
    auto f = file("cohorts.csv",
                  "policy,cohort,first_week,last_week,people,baseline,difference,lo,hi,wellbys,"
                  "wellbys_lo,wellbys_hi");
    for (const auto& c : all)
      for (const auto& r : c.cohorts)
        f << csv_field(c.policy_name) << "," << csv_field(r.cohort) << "," << r.first_week << ","
          << r.last_week << "," << csv_number(r.people) << "," << csv_number(r.baseline) << ","
          << csv_est(r.effect) << "," << csv_est(r.wellbys) << "\n";
    close_checked(f, written.back());
  }
  return written;
}

}  // namespace wellsim::analysis
