#pragma once
// A synthetic town for the community-model tests: households of one to five people (head,
// partner, children or adult relatives), UK-like activity shares (unemployment 4.3% of the
// active), wages and rents, 15% minority, four neighbourhoods, and a layered network (household
// cliques, kin, close friends, friends within the neighbourhood).
#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "models/community/community_stats.hpp"
#include "models/community/layers.hpp"
#include "models/community/macro_baseline.hpp"
#include "models/community/world.hpp"
#include "models/life/life_events.hpp"
#include "models/life/life_params.hpp"
#include "models/wellbeing/community_wellbeing.hpp"
#include "sim/engine.hpp"
#include "sim/rng.hpp"

namespace wellsim::test {

struct Town {
  sim::Network net;
  sim::AgentStore agents;
  std::shared_ptr<models::World> world = std::make_shared<models::World>();
  std::vector<std::unique_ptr<sim::Mechanism>> mechanisms;
  sim::Ledger ledger;
  std::uint64_t seed = 7;

  /// Prepares every mechanism in order (as the engine does).
  void prepare() {
    for (auto& m : mechanisms) m->prepare(net, agents, ledger);
    agents.wellbeing_next = agents.wellbeing;
  }
  /// Runs one step through the phases in order and commits it.
  void step(std::uint32_t t) {
    ledger.begin_step();
    sim::StepContext ctx{t, net, agents, seed, 0, ledger};
    for (unsigned p = 0; p < static_cast<unsigned>(sim::Phase::Count); ++p)
      for (auto& m : mechanisms)
        if (m->phases() & sim::bit(static_cast<sim::Phase>(p)))
          m->run(static_cast<sim::Phase>(p), ctx);
    agents.commit();
  }
};

/// Defaults of a table as a ParamSet.
inline sim::ParamSet defaults(const std::vector<sim::ParamSpec>& specs) {
  sim::ParamSet set;
  for (const auto& s : specs) set.set(s.name, *s.fallback);
  return set;
}

/// Builds the population and network of about n people (whole households).
inline Town make_town(std::size_t n, std::uint64_t seed = 7) {
  Town town;
  town.seed = seed;
  sim::RandomStream r(seed, 0, "test.town");
  std::vector<std::uint32_t> starts{0};
  std::vector<std::uint8_t> ages, traits, activity, tenure;
  std::vector<float> wages, housing;
  std::uint32_t h = 0;
  const double active_employed = 0.75 * (1 - 0.043), active_unemployed = 0.75 * 0.043;
  while (ages.size() < n) {
    const auto size = 1 + r.below(5, 0, h, 0) % 4 + (r.uniform(0, h, 1) < 0.05);
    const bool couple = size >= 2 && r.uniform(0, h, 2) < 0.7;
    const auto head_age = static_cast<std::uint8_t>(22 + r.below(70, 0, h, 3));
    for (std::uint32_t m = 0; m < size; ++m) {
      const std::uint32_t id = static_cast<std::uint32_t>(ages.size());
      std::uint8_t age = head_age;
      if (m == 1 && couple)
        age = static_cast<std::uint8_t>(std::max(18, head_age - 2));
      else if (m >= 1)
        age = static_cast<std::uint8_t>(r.below(head_age > 40 ? 22 : 16, 1, id));
      std::uint8_t t = 0;
      if (m == 0) t |= models::kHouseholdHead;
      if (couple && m < 2) t |= models::kPartnered;
      if (r.uniform(0, h, 4) < 0.15) t |= models::kMinority;
      models::Activity act = models::Activity::Child;
      if (age >= 16) {
        const double u = r.uniform(2, id);
        if (age >= 67)
          act = models::Activity::Retired;
        else if (age < 21 && u < 0.5)
          act = models::Activity::Student;
        else if (u < active_employed)
          act = models::Activity::Employed;
        else if (u < active_employed + active_unemployed)
          act = models::Activity::Unemployed;
        else
          act = models::Activity::Inactive;
      }
      ages.push_back(age);
      traits.push_back(t);
      activity.push_back(static_cast<std::uint8_t>(act));
      wages.push_back(act == models::Activity::Employed
                          ? static_cast<float>(250 + 700 * r.uniform(3, id))
                          : 0.f);
      housing.push_back(m == 0 ? static_cast<float>(80 + 220 * r.uniform(0, h, 5)) : 0.f);
      tenure.push_back(static_cast<std::uint8_t>(r.below(3, 0, h, 6)));
    }
    starts.push_back(static_cast<std::uint32_t>(ages.size()));
    ++h;
  }
  const std::size_t people = ages.size();
  sim::EdgeList e;
  e.n = people;
  e.layer_names.assign(std::begin(models::kLayerNames), std::end(models::kLayerNames));
  e.group.resize(people);
  e.group_names = {"Bacup", "Stacksteads", "Waterfoot", "Rawtenstall"};
  const std::size_t per_group = (people + 3) / 4;
  for (std::uint32_t hh = 0; hh + 1 < starts.size(); ++hh) {
    for (auto i = starts[hh]; i < starts[hh + 1]; ++i) {
      e.group[i] = static_cast<std::int32_t>(starts[hh] / per_group);
      for (auto j = i + 1; j < starts[hh + 1]; ++j)
        e.u.push_back(i), e.v.push_back(j), e.layer.push_back(models::kHousehold);
    }
  }
  for (std::uint32_t i = 0; i < people; ++i) {
    const auto g = static_cast<std::uint32_t>(e.group[i]);
    const auto lo = g * per_group, hi = std::min<std::size_t>(people, lo + per_group);
    const auto span = static_cast<std::uint32_t>(hi - lo);
    const int close = static_cast<int>(r.below(4, 4, i));  // 0-3 made here, as many received
    for (int k = 0; k < close; ++k)
      e.u.push_back(i), e.v.push_back(lo + r.below(span, 5, i, k)),
          e.layer.push_back(models::kCloseFriend);
    const int wide = static_cast<int>(r.below(8, 6, i));
    for (int k = 0; k < wide; ++k)
      e.u.push_back(i), e.v.push_back(lo + r.below(span, 7, i, k)),
          e.layer.push_back(models::kFriend);
    if (r.uniform(8, i) < 0.5)
      e.u.push_back(i), e.v.push_back(r.below(static_cast<std::uint32_t>(people), 9, i)),
          e.layer.push_back(models::kKin);
  }
  town.net = sim::freeze(std::move(e), sim::Ordering::None);
  auto& a = town.agents;
  a.resize(people);
  a.resize_people(people);
  for (std::uint32_t hh = 0; hh + 1 < starts.size(); ++hh)
    for (auto i = starts[hh]; i < starts[hh + 1]; ++i) a.household[i] = hh;
  a.age = ages, a.traits = traits, a.activity = activity, a.tenure = tenure;
  a.wage = wages, a.housing_cost = housing;
  for (std::uint32_t i = 0; i < people; ++i)
    a.wellbeing[i] = a.initial_wellbeing[i] =
        static_cast<float>(std::clamp(7.45 + 1.9 * r.normal(10, i), 0.0, 10.0));
  town.world->household_start = starts;
  return town;
}

/// The full community model with default parameters ([wellbeing] overrides in `wb`).
inline void add_community(Town& town, const sim::ParamSet& life, const sim::ParamSet& wb) {
  town.mechanisms.push_back(std::make_unique<models::MacroBaseline>(town.world));
  town.mechanisms.push_back(std::make_unique<models::LifeEvents>(life, town.world, town.seed, 0));
  town.mechanisms.push_back(
      std::make_unique<models::CommunityWellbeing>(town.net, wb, town.world, town.seed, 0));
  town.mechanisms.push_back(std::make_unique<models::CommunityStats>(town.world));
}

}  // namespace wellsim::test
