#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "models/interventions/intervention.hpp"

namespace wellsim::models {

/// Campaigning for a named change (another [[intervention]] of the scenario): staff time and
/// money every week until a decision, which wins the change with a probability set by effort,
/// resistance and the chance of failure (see advocacy_campaign.cpp).
class AdvocacyCampaign : public Intervention {
 public:
  /// Its own keys, declared once.
  static const sim::ParamTable<AdvocacyCampaign>& table();
  /// Reads its keys; its active weeks are the campaigning weeks, start_week to the decision.
  explicit AdvocacyCampaign(const InterventionSetup& setup);
  /// Runs in the interventions phase: the week's cost and whether the change is won.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::Interventions); }
  /// Declares policy/<name>/cost and policy/<name>/won.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// Sets the week's cost (while campaigning) and the won flag (from the win week on).
  void run(sim::Phase phase, sim::StepContext& ctx) override;

  /// Name of the intervention it campaigns for (the `wins` key).
  const std::string& wins() const { return wins_; }
  /// Effort in staff-weeks: staff x delay_weeks.
  double effort() const;
  /// Probability of winning at the decision: (1 - failure) effort / (effort + resistance).
  double success_probability() const;
  /// Week of the decision, start_week + delay_weeks: the change starts then when won.
  std::uint32_t decision_week() const { return start_ + delay_; }
  /// Draws the outcome of replicate `replicate` (one uniform of its own stream, keyed by the
  /// campaign's name, so paired runs share it): the win week, or 0 when it fails. Remembers it.
  std::uint32_t decide(std::uint64_t seed, std::uint32_t replicate);
  /// The decided win week (0: lost, or not decided).
  std::uint32_t won_week() const { return won_week_; }

 private:
  std::string wins_;
  double staff_ = 1, staff_cost_ = 0, resistance_ = 0, failure_ = 0;
  std::uint32_t delay_ = 1;
  std::uint32_t won_week_ = 0;
  std::size_t s_cost_ = 0, s_won_ = 0;
};

/// Rules of campaigns that span entries, checked before anything is built: `wins` names another
/// intervention of the file that is not itself a campaign, not won by two campaigns, and has no
/// start_week of its own; a campaign gives no end_week. Throws sim::InputError
/// "FILE:LINE: intervention[i].KEY: ...".
void check_campaigns(const std::vector<sim::ListEntry>& entries, const std::string& path);

/// Decides every campaign among `interventions` (all of a run's, built) for this replicate and
/// holds back the change each campaigns for until its win week, or for good when it fails.
void settle_campaigns(const std::vector<Intervention*>& interventions, std::uint64_t seed,
                      std::uint32_t replicate);

}  // namespace wellsim::models
