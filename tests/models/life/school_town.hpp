#pragma once
// The test town of town_fixture.hpp with the two layers school_work.cpp copies counts from:
// school ties among children 5-15 of a neighbourhood and age (each to the next three on a ring),
// and workplace ties among the employed (cliques of 1-10 in agent order). Demography (no deaths,
// no births unless asked) and the ties of school and work run on it.
#include <memory>

#include "models/community/layers.hpp"
#include "models/community/macro_baseline.hpp"
#include "models/community/vocabulary.hpp"
#include "models/life/demography.hpp"
#include "models/life/school_work.hpp"
#include "tests/models/life/town_fixture.hpp"

namespace wellsim::test {

/// make_town's town with school and workplace ties added to its network.
inline Town school_town(std::size_t n, std::uint64_t seed = 7) {
  Town town = make_town(n, seed);
  const sim::Network& old = town.net;
  sim::EdgeList e;
  e.n = old.size();
  e.layer_names = old.layer_names;
  e.group = old.group;
  e.group_names = old.group_names;
  for (std::uint32_t i = 0; i < e.n; ++i)
    for (auto k = old.offsets[i]; k < old.offsets[i + 1]; ++k)
      if (i < old.neighbours[k])
        e.u.push_back(i), e.v.push_back(old.neighbours[k]), e.layer.push_back(old.layer[k]);
  const auto& a = town.agents;
  const auto child = static_cast<std::uint8_t>(models::Activity::Child);
  const auto employed = static_cast<std::uint8_t>(models::Activity::Employed);
  std::vector<std::vector<std::uint32_t>> year(4 * 11);
  for (std::uint32_t i = 0; i < e.n; ++i)
    if (a.activity[i] == child && a.age[i] >= 5 && a.age[i] <= 15)
      year[static_cast<std::size_t>(old.group[i]) * 11 + a.age[i] - 5].push_back(i);
  for (const auto& y : year)
    for (std::size_t k = 0; k < y.size(); ++k)
      for (std::size_t d = 1; d <= 3 && d < y.size(); ++d)
        e.u.push_back(y[k]), e.v.push_back(y[(k + d) % y.size()]),
            e.layer.push_back(models::kSchool);
  sim::RandomStream r(seed, 0, "test.workplaces");
  std::vector<std::uint32_t> team;
  std::uint32_t size = 1 + r.below(10, 0, 0);
  for (std::uint32_t i = 0; i < e.n; ++i) {
    if (a.activity[i] != employed) continue;
    for (const std::uint32_t j : team)
      e.u.push_back(j), e.v.push_back(i), e.layer.push_back(models::kWorkplace);
    team.push_back(i);
    if (team.size() == size) team.clear(), size = 1 + r.below(10, 0, i + 1);
  }
  town.net = sim::freeze(std::move(e), sim::Ordering::None);
  return town;
}

/// [demography] on with no deaths and no births, then `changes` ("key", value) pairs.
inline sim::ParamSet quiet_demography(
    const std::vector<std::pair<std::string, sim::ParamValue>>& changes = {}) {
  auto p = defaults(models::demography_params());
  p.set("enabled", true);
  p.set("mortality_scale", 0.0);
  p.set("fertility_scale", 0.0);
  for (const auto& [key, value] : changes) p.set(key, value);
  return p;
}

/// Adds the macro baseline (which publishes the overlay), demography and the ties of school
/// and work (with `network`'s friendship keys, if any); returns the last.
inline models::SchoolWork* add_school_work(Town& town, const sim::ParamSet& demography,
                                           const sim::ParamSet& network = {}) {
  town.mechanisms.push_back(std::make_unique<models::MacroBaseline>(town.world));
  town.mechanisms.push_back(
      std::make_unique<models::Demography>(demography, town.world, town.seed, 0));
  auto made = models::make_school_work(demography, network, town.world, town.seed, 0);
  auto* out = made.get();
  if (made) town.mechanisms.push_back(std::move(made));
  return out;
}

}  // namespace wellsim::test
