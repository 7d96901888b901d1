// Income maximisation (micro): welfare-rights advice that helps people claim what they are
// entitled to, plus debt advice.
//
// Mechanism: eligible with financial strain, or with equivalised disposable income below
// `threshold` (0 = strain only); need = strain + low income. On starting, with probability
// `success_rate`, the person wins `weekly_gain` GBP a week for `gain_weeks` weeks, added to
// `extra_income` (which life events add to income). Each week of advice clears financial strain
// with probability `debt_relief` (a debt plan or breathing space).
// Sources: Citizens Advice and local-authority welfare-rights evaluations report that roughly
// half of clients seen gain income, typically £1,000-£2,000 a year (£20-£40 a week); the debt
// relief rate is judgement.
// Why this way: extra_income may be shared by several interventions, so this one keeps its own
// per-agent contribution and only ever adds or subtracts that; a gain once awarded runs its
// weeks even if the service closes (the entitlement was won), and is then removed. Series
// "service/<name>/gain_holders" counts people with a gain in force.
#include "models/interventions/micro/income_maximisation.hpp"

#include "sim/series_names.hpp"

namespace wellsim::models {

const sim::ParamTable<IncomeMaximisation>& IncomeMaximisation::table() {
  return sim::declared<IncomeMaximisation>([](sim::ParamTable<IncomeMaximisation>& t) {
    t.add("threshold", &IncomeMaximisation::threshold_, 0.0)
        .range(0, 1e6)
        .unit("GBP/week")
        .help(
            "disposable income below which people are also eligible (0 = financial strain "
            "only)");
    t.add("success_rate", &IncomeMaximisation::success_rate_, 0.5)
        .range(0, 1)
        .help("probability a client wins extra income (Citizens Advice: about half)");
    t.add("weekly_gain", &IncomeMaximisation::weekly_gain_, 30.0)
        .range(0, 1e6)
        .unit("GBP/week")
        .help("extra weekly income won (Citizens Advice benefit take-up: £20-£40 a week)");
    t.add("gain_weeks", &IncomeMaximisation::gain_weeks_, 52)
        .range(1, 1e6)
        .unit("weeks")
        .help("weeks a won gain lasts (an annual award)");
    t.add("debt_relief", &IncomeMaximisation::debt_relief_, 0.05)
        .range(0, 1)
        .unit("1/week")
        .help("weekly probability that debt advice clears financial strain (judgement)");
  });
}

IncomeMaximisation::IncomeMaximisation(const InterventionSetup& s) : Service(s, Level::Micro) {
  table().read(params_, *this);
}

void IncomeMaximisation::prepare_type(const sim::Network&, sim::AgentStore& agents,
                                      sim::Ledger& ledger) {
  gain_.assign(agents.size(), 0.f);
  gain_until_.assign(agents.size(), 0);
  holders_.clear();
  e_gain_ = ledger.add_event_kind(name() + "/gain");
  e_gain_end_ = ledger.add_event_kind(name() + "/gain_end");
  e_relief_ = ledger.add_event_kind(name() + "/debt_relief");
  s_gain_ = ledger.add_series(sim::series::service(label_, sim::series::kGainHolders));
}

void IncomeMaximisation::run(sim::Phase phase, sim::StepContext& ctx) {
  std::size_t kept = 0;
  for (std::uint32_t i : holders_) {
    if (ctx.step >= gain_until_[i]) {
      ctx.agents.extra_income[i] -= gain_[i];
      gain_[i] = 0.f;
      ctx.ledger.record(sim::Event{ctx.step, i, sim::kNoAgent, e_gain_end_, 0});
    } else {
      holders_[kept++] = i;
    }
  }
  holders_.resize(kept);
  Service::run(phase, ctx);
  ctx.ledger.set(s_gain_, static_cast<double>(holders_.size()));
}

bool IncomeMaximisation::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & kFinancialStrain) || (threshold_ > 0 && a.disposable[i] < threshold_);
}

double IncomeMaximisation::need(const sim::AgentStore& a, std::uint32_t i) const {
  // A debt referral from case work (kReferDebt) puts a person ahead of others in the same state.
  const bool referred = i < world_->referral.size() && (world_->referral[i] & kReferDebt);
  return ((a.domains[i] & kFinancialStrain) ? 1 : 0) +
         ((threshold_ > 0 && a.disposable[i] < threshold_) ? 1 : 0) + (referred ? 0.5 : 0);
}

void IncomeMaximisation::on_start(sim::StepContext& ctx, const sim::RandomStream& rng,
                                  std::uint32_t i) {
  if (i < world_->referral.size()) world_->referral[i] &= static_cast<std::uint8_t>(~kReferDebt);
  if (rng.uniform(ctx.step, i, kFirstTypeDraw) >= success_rate_) return;
  if (gain_[i] == 0.f) {
    gain_[i] = static_cast<float>(weekly_gain_);
    ctx.agents.extra_income[i] += gain_[i];
    holders_.push_back(i);
  }
  gain_until_[i] = ctx.step + gain_weeks_;  // a repeat award renews the gain
  ctx.ledger.record(sim::Event{ctx.step, i, sim::kNoAgent, e_gain_, 0});
}

void IncomeMaximisation::serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                               std::vector<sim::Event>& events) const {
  DomainBits& dom = ctx.agents.domains[i];
  if (!(dom & kFinancialStrain)) return;
  if (rng.uniform(ctx.step, i, kFirstTypeDraw + 1) >= debt_relief_) return;
  dom = static_cast<DomainBits>(dom & ~kFinancialStrain);
  events.push_back({ctx.step, i, sim::kNoAgent, e_relief_, 0});
}

}  // namespace wellsim::models
