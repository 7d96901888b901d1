// The advocacy campaign step of `compare` (comparison.cpp): how often each campaign won, by
// when, and the WELLBYs of the pairs where it won and where it failed.
#include <algorithm>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "analysis/comparison_steps.hpp"
#include "sim/series_names.hpp"

namespace wellsim::analysis::compare_steps {

namespace {

constexpr double kNoFigure = std::numeric_limits<double>::quiet_NaN();

/// The advocacy campaigns `set` runs (those with a `policy/<name>/won` series), in name order.
std::vector<std::string> campaigns_of(const RunSet& set) {
  std::vector<std::string> out;
  for (const auto& n : set.runs.front()->series_names())
    if (n.rfind(sim::series::kPolicy, 0) == 0 && sim::series::metric(n) == sim::series::kWon)
      out.push_back(sim::series::owner(n));
  return out;
}

/// The week `run`'s campaign `name` won, 0 when it had not won by `last`.
std::uint32_t win_week(const output::RunReader& run, const std::string& name, std::uint32_t last) {
  const auto won = run.series(sim::series::campaign_won(name));
  for (std::uint32_t t = 1; t <= last && t < won.size(); ++t)
    if (won[t] == 1) return t;
  return 0;
}

/// The change a campaign is for, from its stored `wins` key ("" when absent).
std::string change_won_by(const output::RunReader& run, const std::string& campaign) {
  for (const auto& rec : run.interventions()) {
    if (rec.name != campaign) continue;
    for (const auto& [key, value] : rec.parameters)
      if (key == "wins" && std::holds_alternative<std::string>(value))
        return std::get<std::string>(value);
  }
  return "";
}

/// Share of `weeks` (win weeks, 0 = not won) won by `week`.
double share_won_by(const std::vector<std::uint32_t>& weeks, std::uint32_t week) {
  if (weeks.empty()) return kNoFigure;
  double won = 0;
  for (auto w : weeks) won += w != 0 && w <= week;
  return won / static_cast<double>(weeks.size());
}

/// One campaign: its success by the last week and each horizon, and WELLBYs split by outcome.
CampaignRow campaign_row(const std::string& name, const PolicyComparison& c, const Sides& s,
                         const Money& m) {
  CampaignRow row;
  row.name = name;
  row.wins = change_won_by(*s.policy.runs.front(), name);
  auto weeks_of = [&](const RunSet& set) {
    std::vector<std::uint32_t> weeks;
    for (const auto& r : set.runs) weeks.push_back(win_week(*r, name, s.last));
    return weeks;
  };
  const auto weeks = weeks_of(s.policy);
  int won = 0;
  double week_sum = 0;
  for (auto w : weeks) won += w != 0, week_sum += w;
  row.success = wilson_interval(won, static_cast<int>(weeks.size()));
  for (const auto& h : c.horizons) row.by_horizon.push_back(share_won_by(weeks, h.week));
  const bool in_baseline = s.baseline.runs.front()->has_series(sim::series::campaign_won(name));
  row.success_baseline = in_baseline ? share_won_by(weeks_of(s.baseline), s.last) : kNoFigure;
  row.mean_win_week = won ? week_sum / won : kNoFigure;
  row.wellbys_expected = c.wellbys;
  std::vector<double> gain_won, gain_failed;
  if (s.pairing.paired)
    for (const auto& [kb, kp] : s.pairing.pairs)
      (weeks[kp] ? gain_won : gain_failed).push_back(m.wellbys_policy[kp] - m.wellbys_baseline[kb]);
  row.wellbys_won = interval_or_nan(gain_won, gain_won.empty());
  row.wellbys_failed = interval_or_nan(gain_failed, gain_failed.empty());
  return row;
}

}  // namespace

void add_campaigns(PolicyComparison& c, const Sides& s, const Money& m) {
  for (const auto& name : campaigns_of(s.policy))
    c.campaigns.push_back(campaign_row(name, c, s, m));
  const bool no_gain =
      std::find(m.wellby_gain.begin(), m.wellby_gain.end(), 0.0) != m.wellby_gain.end();
  if (!c.campaigns.empty() && s.pairing.paired && no_gain)
    c.notes.push_back(
        "with a campaign that failed in some pairs (no WELLBYs there), cost per WELLBY and the "
        "benefit-cost ratio are ratios of the expected values, without an interval");
  if (!c.campaigns.empty() && !s.pairing.paired)
    c.notes.push_back(
        "unpaired: campaign WELLBYs are not split by outcome (it needs each pair's difference)");
}

}  // namespace wellsim::analysis::compare_steps
