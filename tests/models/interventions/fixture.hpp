#pragma once
// A small hand-built town for intervention tests: a ring network in neighbourhoods A, B, C, ...,
// people with no problems, a World, and a stepper that runs the model's MacroBaseline (reset the
// macro environment and local multipliers, publish the overlay) before running mechanisms phase
// by phase, as the community model's assembly does.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "models/assemble_community.hpp"
#include "models/community/macro_baseline.hpp"
#include "models/community/world.hpp"
#include "models/interventions/intervention_registry.hpp"
#include "models/scenario_schema.hpp"
#include "sim/engine.hpp"
#include "sim/errors.hpp"
#include "sim/network.hpp"
#include "sim/scenario.hpp"

namespace wellsim::test {

/// A town of n people in `groups` contiguous neighbourhoods named A, B, C, ...
struct ServiceTown {
  sim::Network net;
  sim::AgentStore agents;
  std::shared_ptr<models::World> world = std::make_shared<models::World>();
  sim::Ledger ledger;
  std::vector<std::unique_ptr<sim::Mechanism>> mechanisms;
  std::vector<sim::ListEntry> entries;  // kept alive: setups refer to them
  std::string path = "town.toml";

  explicit ServiceTown(std::size_t n, std::size_t groups = 3) {
    sim::EdgeList e;
    e.n = n;
    for (sim::AgentId i = 0; i + 1 < n; ++i) e.u.push_back(i), e.v.push_back(i + 1);
    for (std::size_t g = 0; g < groups; ++g) e.group_names.push_back(std::string(1, 'A' + g));
    for (std::size_t i = 0; i < n; ++i)
      e.group.push_back(static_cast<std::int32_t>(i * groups / n));
    net = sim::freeze(e, sim::Ordering::None);
    agents.resize(n);
    agents.resize_people(n);
    for (std::size_t i = 0; i < n; ++i) {
      agents.age[i] = 40;
      agents.activity[i] = static_cast<std::uint8_t>(models::Activity::Employed);
      agents.household[i] = static_cast<std::uint32_t>(i);  // everyone lives alone
      agents.traits[i] = models::kHouseholdHead;
    }
    world->local_victimisation.assign(groups, 1.0);
    world->local_hate.assign(groups, 1.0);
    world->referral.assign(n, 0);
  }

  /// Adds an intervention of `type` with `keys` over the defaults; returns it.
  template <class T = sim::Mechanism>
  T& add(const std::string& type, const std::map<std::string, sim::ParamValue>& keys = {}) {
    entries.reserve(64);
    entries.push_back(entry(type, keys, 10 + static_cast<long>(entries.size()) * 5));
    models::InterventionSetup s{entries.back(), entries.size(), path, net, world};
    mechanisms.push_back(models::make_intervention(s));
    return dynamic_cast<T&>(*mechanisms.back());
  }

  /// A validated entry: defaults of the common and type keys, then `keys`.
  static sim::ListEntry entry(const std::string& type,
                              const std::map<std::string, sim::ParamValue>& keys, long line) {
    sim::ListEntry e;
    e.variant = type;
    e.line = line;
    for (const auto& s : models::intervention_common_params())
      if (s.fallback) e.values.set(s.name, *s.fallback);
    for (const auto& s : models::find_intervention_type(type)->params)
      e.values.set(s.name, *s.fallback);
    e.values.set("type", type);
    for (const auto& [k, v] : keys) e.values.set(k, v);
    return e;
  }

  /// Calls prepare on every mechanism, in order.
  void prepare() {
    for (auto& m : mechanisms) m->prepare(net, agents, ledger);
  }

  /// One week: the model's own macro baseline (reset and overlay publish), then every phase in
  /// order. (Its prepare is not called: tests set referrals and multipliers before prepare.)
  void step(std::uint32_t t, std::uint64_t seed = 7) {
    ledger.begin_step();
    sim::StepContext ctx{t, net, agents, seed, 0, ledger};
    models::MacroBaseline(world).run(sim::Phase::MacroEnvironment, ctx);
    for (unsigned p = 0; p < static_cast<unsigned>(sim::Phase::Count); ++p)
      for (auto& m : mechanisms)
        if (m->phases() & sim::bit(static_cast<sim::Phase>(p)))
          m->run(static_cast<sim::Phase>(p), ctx);
  }

  /// Value of a series now.
  double series(const std::string& name) const {
    const long k = ledger.find_series(name);
    if (k < 0) throw std::logic_error("no series " + name);
    return ledger.values()[static_cast<std::size_t>(k)];
  }

  /// This step's events of one kind.
  std::vector<sim::Event> events(const std::string& kind) const {
    std::vector<sim::Event> out;
    const auto& kinds = ledger.event_kinds();
    for (const auto& e : ledger.events())
      if (kinds[e.kind] == kind) out.push_back(e);
    return out;
  }
};

/// |share - p| within 5 standard errors of a binomial share over n.
inline bool near_rate(double share, double p, std::size_t n) {
  return std::abs(share - p) <= 5 * std::sqrt(p * (1 - p) / static_cast<double>(n));
}

/// The message of the sim::InputError `f` throws, or "(no error)".
inline std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const sim::InputError& e) {
    return e.what();
  }
  return "(no error)";
}

/// The one-line error of scenario `text` (as file "town.toml"): parsing, then the community
/// model's cross-table rules; "(no error)" when it is valid.
inline std::string community_error(const std::string& text) {
  return message_of([&] {
    const auto sc = sim::parse_scenario(text, "town.toml", ".", models::scenario_schema());
    models::check_community(sc);
  });
}

/// Splits the town into households of `size` consecutive people (the last may be smaller), one
/// World household each, and calls `member(i, k)` for person i, the k-th of their household, to
/// set the rest of their columns.
inline void make_households(ServiceTown& town, std::size_t size,
                            const std::function<void(std::size_t, std::size_t)>& member) {
  auto& starts = town.world->household_start;
  starts.clear();
  for (std::size_t i = 0; i < town.agents.size(); ++i) {
    if (i % size == 0) starts.push_back(static_cast<std::uint32_t>(i));
    town.agents.household[i] = static_cast<std::uint32_t>(i / size);
    member(i, i % size);
  }
  starts.push_back(static_cast<std::uint32_t>(town.agents.size()));
}

/// After the first week of a service with one place per household, over households of `size`
/// whose every member had `bit`: requires every household to hold one place, taken by its first
/// member, and the other members to keep `bit` (their household clears it at its own step next
/// week); returns how many participants the week cleared it for.
inline std::size_t first_week_resolved(const ServiceTown& town,
                                       const std::vector<std::uint32_t>& participants,
                                       std::size_t size, std::uint32_t bit) {
  REQUIRE(participants.size() == town.agents.size() / size);
  std::size_t resolved = 0;
  for (std::uint32_t i : participants) {
    CHECK(i % size == 0);
    resolved += !(town.agents.domains[i] & bit);
    for (std::size_t k = 1; k < size; ++k) CHECK((town.agents.domains[i + k] & bit));
  }
  return resolved;
}

}  // namespace wellsim::test
