// Advocacy campaign (macro practice as a process): years of meetings, funding bids and community
// conversations that may or may not win a change, against resistance from the structures it
// tries to change.
//
// Mechanism: the campaign spends `staff` people's time (`cost_per_staff_week` each) plus the
// common cost keys every week from start_week until its decision in week D = start_week +
// `delay_weeks`. At D it wins the change named by `wins` (another [[intervention]] of the
// scenario, which never starts by itself) with probability
//
//   p = (1 - failure) * E / (E + resistance),   E = staff * delay_weeks (staff-weeks of effort),
//
// and the change then runs from week D to its own end_week; when it fails, nothing starts and
// only the campaign's costs remain. E / (E + R) is the ratio-form contest success function
// (Tullock 1980; axioms in Skaperdas 1996): effort against the opponents' effort, here the
// resistance R expressed as the staff-weeks at which a campaign that cannot otherwise fail wins
// half the time. `failure` is the chance that the change is refused whatever the effort (a
// funding round withdrawn, a policy reversed). No published estimate exists for local campaigns'
// R or failure: the defaults are assumptions. Studies of protest groups and civil-resistance
// campaigns find about half succeed (Gamson 1975: about half of 53 US challenging groups gained
// new advantages; Chenoweth & Stephan 2011: 53% of non-violent campaigns 1900-2006), which the
// default, p = 0.8 * 52 / (52 + 52) = 0.4, sits just below.
// Why this way: the outcome is one draw of the campaign's own stream keyed by its name, made
// when the run is assembled, so a baseline and a policy that differ in effort share it (common
// random numbers: the stronger campaign wins whenever the weaker one does), and the change
// starts exactly at D through its start week, so its own draws are those of the same change
// configured to start at D.
#include "models/interventions/macro/advocacy_campaign.hpp"

#include <map>

#include "models/interventions/intervention_registry.hpp"
#include "sim/errors.hpp"
#include "sim/rng.hpp"
#include "sim/series_names.hpp"

namespace wellsim::models {

const sim::ParamTable<AdvocacyCampaign>& AdvocacyCampaign::table() {
  return sim::declared<AdvocacyCampaign>([](sim::ParamTable<AdvocacyCampaign>& t) {
    t.add("wins", &AdvocacyCampaign::wins_, "")
        .help(
            "name of the [[intervention]] it campaigns for (must be given); that change starts "
            "only when won, in the decision week");
    t.add("delay_weeks", &AdvocacyCampaign::delay_, 52)
        .range(1, static_cast<double>(kForever))
        .unit("weeks")
        .help("weeks of campaigning before the decision (assumption)");
    t.add("staff", &AdvocacyCampaign::staff_, 1.0)
        .range(0, 1e6)
        .unit("FTE")
        .help("full-time staff campaigning each week; effort = staff x delay_weeks");
    t.add("cost_per_staff_week", &AdvocacyCampaign::staff_cost_, 800.0)
        .range(0, 1e9)
        .unit("GBP")
        .help("cost of one campaigner for a week (assumption: about 42,000 GBP a year)");
    t.add("resistance", &AdvocacyCampaign::resistance_, 52.0)
        .range(0, 1e12)
        .unit("staff-weeks")
        .help(
            "effort at which a campaign that cannot otherwise fail wins half the time "
            "(assumption; Tullock contest form)");
    t.add("failure", &AdvocacyCampaign::failure_, 0.2)
        .range(0, 1)
        .help("chance the change is refused whatever the effort (assumption)");
  });
}

AdvocacyCampaign::AdvocacyCampaign(const InterventionSetup& s) : Intervention(s) {
  table().read(params_, *this);
  end_ = decision_week() - 1;  // it campaigns up to the decision, then stops
}

double AdvocacyCampaign::effort() const { return staff_ * static_cast<double>(delay_); }

double AdvocacyCampaign::success_probability() const {
  const double e = effort();
  if (e + resistance_ <= 0) return 0;  // no effort against no resistance: nothing is asked
  return (1.0 - failure_) * e / (e + resistance_);
}

std::uint32_t AdvocacyCampaign::decide(std::uint64_t seed, std::uint32_t replicate) {
  const sim::RandomStream rng(seed, replicate, name());
  won_week_ = rng.uniform(0, 0) < success_probability() ? decision_week() : 0;
  return won_week_;
}

void AdvocacyCampaign::prepare(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) {
  s_cost_ = ledger.add_series(sim::series::policy_cost(label_));
  s_won_ = ledger.add_series(sim::series::campaign_won(label_));
}

void AdvocacyCampaign::run(sim::Phase, sim::StepContext& ctx) {
  double cost = 0;
  if (active(ctx.step))
    cost = staff_ * staff_cost_ + costs_.per_week + (ctx.step == start_ ? costs_.fixed : 0.0);
  ctx.ledger.set(s_cost_, cost);
  ctx.ledger.set(s_won_, won_week_ != 0 && ctx.step >= won_week_ ? 1.0 : 0.0);
}

namespace {

/// "FILE:LINE: intervention[i].KEY: " for entry k (0-based).
std::string campaign_key(const std::vector<sim::ListEntry>& entries, std::size_t k,
                         const std::string& path, const std::string& key) {
  const sim::ListEntry& e = entries[k];
  return sim::where(e.file.empty() ? path : e.file, e.line) + "intervention[" +
         std::to_string(k + 1) + "]." + key + ": ";
}

}  // namespace

void check_campaigns(const std::vector<sim::ListEntry>& entries, const std::string& path) {
  std::map<std::string, std::size_t> index;  // name -> 0-based entry
  std::string names;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    index.emplace(intervention_name(entries[k]), k);
    names += (names.empty() ? "'" : ", '") + intervention_name(entries[k]) + "'";
  }
  std::map<std::string, std::string> won_by;  // change -> campaign
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const sim::ListEntry& e = entries[k];
    if (e.variant != "advocacy_campaign") continue;
    const std::string me = intervention_name(e), wins = e.values.string("wins");
    if (e.values.integer("end_week") != kForever)
      throw sim::InputError(campaign_key(entries, k, path, "end_week") +
                            "expected no end_week for an advocacy_campaign (it campaigns until "
                            "its decision, start_week + delay_weeks), found " +
                            std::to_string(e.values.integer("end_week")));
    if (wins.empty())
      throw sim::InputError(campaign_key(entries, k, path, "wins") +
                            "expected the name of the intervention it campaigns for (one of " +
                            names + "), found nothing");
    const auto it = index.find(wins);
    if (it == index.end())
      throw sim::InputError(campaign_key(entries, k, path, "wins") +
                            "expected the name of another intervention (one of " + names +
                            "), found '" + wins + "'");
    if (entries[it->second].variant == "advocacy_campaign")
      throw sim::InputError(campaign_key(entries, k, path, "wins") + "'" + wins +
                            "' is itself an advocacy_campaign; a campaign wins a service or a "
                            "policy, not a campaign");
    const auto [other, fresh] = won_by.emplace(wins, me);
    if (!fresh)
      throw sim::InputError(campaign_key(entries, k, path, "wins") + "'" + wins +
                            "' is already won by the campaign '" + other->second +
                            "'; one campaign per change");
    const auto start = entries[it->second].values.integer("start_week");
    if (start != 1)
      throw sim::InputError(campaign_key(entries, it->second, path, "start_week") +
                            "expected no start_week for '" + wins + "' (the campaign '" + me +
                            "' decides when it starts), found " + std::to_string(start));
  }
}

void settle_campaigns(const std::vector<Intervention*>& interventions, std::uint64_t seed,
                      std::uint32_t replicate) {
  for (Intervention* i : interventions) {
    auto* campaign = dynamic_cast<AdvocacyCampaign*>(i);
    if (!campaign) continue;
    const std::uint32_t week = campaign->decide(seed, replicate);
    for (Intervention* change : interventions)
      if (change->label() == campaign->wins()) change->start_when_won(week);
  }
}

}  // namespace wellsim::models
