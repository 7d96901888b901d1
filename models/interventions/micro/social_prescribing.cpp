// Social prescribing (micro): a link worker refers lonely adults to community groups and
// activities (NHS England's universal personalised care model).
//
// Mechanism: eligible while lonely (kLonely) and an adult (16+); each week, with probability
// `tie_rate`, a participant makes one new tie: with probability `peer_share` to another current
// participant (people met at the group), otherwise to a random person of their own
// neighbourhood (the wider activity). The tie goes into the World's overlay (weight
// `tie_weight`, lasting `tie_weeks`), is visible from the next publish, and is recorded as a
// "tie/<name>" event with other = the new friend.
// Course rule: support is a course of `course_weeks` (unless `duration_weeks` is set), and a
// person stays to its end once started, lonely or not — the link worker's sessions are booked,
// and leaving as soon as a first tie lifts loneliness would let the tie fade after `tie_weeks`
// and the same person start (and be charged) again and again. After a course the person can be
// referred again only after `rereferral_weeks`; each course is charged once
// (cost_per_participant at its start).
// Sources: NHS England social prescribing reference guide; evaluations (e.g. Foster et al. 2021,
// Health Soc Care Community) report reduced loneliness in most participants over 8-12 weeks;
// the tie rates are judgement calibrated to "one or two new acquaintances in three months".
// Why this way: social prescribing works through new ties, so it is modelled as tie formation
// and its wellbeing effect comes out of the wellbeing model, not a fixed bonus.
#include "models/interventions/micro/social_prescribing.hpp"

namespace wellsim::models {

const sim::ParamTable<SocialPrescribing>& SocialPrescribing::table() {
  return sim::declared<SocialPrescribing>([](sim::ParamTable<SocialPrescribing>& t) {
    t.include(&SocialPrescribing::rule_,
              tie_table(0.15, "judgement: one or two new ties in 12 weeks"));
    t.add("peer_share", &SocialPrescribing::peer_share_, 0.5)
        .range(0, 1)
        .help(
            "share of new ties made with other participants rather than neighbours "
            "(judgement)");
    t.add("course_weeks", &SocialPrescribing::course_weeks_, 12)
        .range(1, 1e6)
        .unit("weeks")
        .help(
            "weeks of link-worker support when duration_weeks is 0; a person stays to the end "
            "(NHS England: typically 6-12 contacts over up to three months)");
    t.add("rereferral_weeks", &SocialPrescribing::rereferral_weeks_, 52)
        .range(0, 1e6)
        .unit("weeks")
        .help(
            "weeks after a course ends before the same person can be referred again (judgement: "
            "at most one course a year, as a yearly GP review; 0 = as soon as lonely again)");
  });
}

SocialPrescribing::SocialPrescribing(const InterventionSetup& s) : TieProgramme(s, Level::Micro) {
  table().read(params_, *this);
}

void SocialPrescribing::prepare_type(const sim::Network& net, sim::AgentStore& agents,
                                     sim::Ledger& ledger) {
  TieProgramme::prepare_type(net, agents, ledger);
  const std::size_t groups = net.group_names.size();
  group_start_.assign(groups + 1, 0);
  for (std::int32_t g : net.group)
    if (g >= 0 && static_cast<std::size_t>(g) < groups) ++group_start_[g + 1];
  for (std::size_t g = 0; g < groups; ++g) group_start_[g + 1] += group_start_[g];
  group_members_.resize(group_start_[groups]);
  std::vector<std::uint32_t> fill(group_start_.begin(), group_start_.end() - 1);
  for (std::uint32_t i = 0; i < net.group.size(); ++i) {
    const std::int32_t g = net.group[i];
    if (g >= 0 && static_cast<std::size_t>(g) < groups) group_members_[fill[g]++] = i;
  }
}

std::uint32_t SocialPrescribing::duration() const {
  return duration_ > 0 ? duration_ : course_weeks_;
}

CourseRule SocialPrescribing::course_rule() const { return {true, rereferral_weeks_}; }

DomainBits SocialPrescribing::required_domains() const { return static_cast<DomainBits>(kLonely); }

bool SocialPrescribing::eligible(const sim::AgentStore& a, std::uint32_t i) const {
  return (a.domains[i] & kLonely) && a.age[i] >= 16;
}

void SocialPrescribing::after_serve(sim::StepContext& ctx, const sim::RandomStream& rng) {
  const auto& peers = participants();
  const std::uint32_t t = ctx.step, d = kFirstTypeDraw;
  auto pairs = propose_ties(peers, rule_, rng, t, d, [&](std::uint32_t i) -> std::uint32_t {
    const std::int32_t g = net_->group.empty() ? -1 : net_->group[i];
    const bool local = g >= 0 && static_cast<std::size_t>(g) + 1 < group_start_.size() &&
                       group_start_[g + 1] > group_start_[g];
    if (!local || rng.uniform(t, i, d + 1) < peer_share_)
      return peers[rng.below(static_cast<std::uint32_t>(peers.size()), t, i, d + 2)];
    const std::uint32_t size = group_start_[g + 1] - group_start_[g];
    return group_members_[group_start_[g] + rng.below(size, t, i, d + 3)];
  });
  add_ties(*world_, ctx, e_tie_, rule_, pairs);
}

}  // namespace wellsim::models
