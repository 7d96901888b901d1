// How a community scenario becomes an engine. The mechanisms are added in the order the step
// needs them (sim/engine.hpp's Phase comment): the macro baseline resets the week, macro
// interventions change it, life events play out under it, services respond, and wellbeing then
// moves; statistics come last so they describe the state the step ends in.
#include "models/assemble_community.hpp"

#include <chrono>
#include <memory>

#include "models/community/community_stats.hpp"
#include "models/community/macro_baseline.hpp"
#include "models/interventions/intervention_registry.hpp"
#include "models/life/life_events.hpp"
#include "models/network/town.hpp"
#include "models/network/villages.hpp"
#include "models/population/census.hpp"
#include "models/population/initial_wellbeing.hpp"
#include "models/population/people.hpp"
#include "models/population/village_households.hpp"
#include "models/wellbeing/community_wellbeing.hpp"
#include "sim/errors.hpp"
#include "sim/timing.hpp"

namespace wellsim::models {

namespace {

/// The network source each population source needs.
const char* network_for(const std::string& population_source) {
  return population_source == "census" ? "town" : "villages";
}

}  // namespace

bool is_community(const sim::Scenario& sc) {
  return sc.variant("population") != "none";
}

void check_community(const sim::Scenario& sc) {
  const std::string& population = sc.variant("population");
  const std::string& network = sc.variant("network");
  const std::string& model = sc.variant("wellbeing");
  const bool people = population != "none";
  const std::string at = sim::where(sc.path);
  if (people && network != network_for(population))
    throw sim::InputError(at + "network.source: population source '" + population + "' needs '" +
                          network_for(population) + "', found '" + network + "'");
  if (!people && (network == "town" || network == "villages"))
    throw sim::InputError(at + "network.source: '" + network +
                          "' ties synthesised people; set population.source to '" +
                          (network == "town" ? "census" : "village_households") + "'");
  if (model == "community" && !people)
    throw sim::InputError(at + "wellbeing.model: 'community' needs people; set population.source "
                               "to 'census' or 'village_households'");
  if (people && model != "community")
    throw sim::InputError(at + "wellbeing.model: a population of people needs model "
                               "'community', found '" + model + "'");
  const auto& interventions = sc.list("intervention");
  if (!interventions.empty() && !people)
    throw sim::InputError(sim::where(sc.path, interventions.front().line) +
                          "intervention[1]: interventions need the community model (set "
                          "population.source and wellbeing.model = \"community\")");
  if (people && sc.table("network").string("ordering") == "cuthill_mckee")
    throw sim::InputError(at + "network.ordering: 'cuthill_mckee' would split households; use "
                               "'auto', 'groups' or 'none' with a population of people");
  if (population == "census") check_census(sc.table("population"), sc.path);
  check_interventions(interventions, sc.path);
}

Assembled assemble_community(const sim::Scenario& sc, std::uint64_t seed,
                             std::uint32_t replicate) {
  check_community(sc);
  Assembled out;
  const auto& pop = sc.table("population");
  const auto& net_params = sc.table("network");
  const bool census = sc.variant("population") == "census";

  auto t0 = std::chrono::steady_clock::now();
  People people = census ? synthesise_census(pop, seed, replicate)
                         : village_people(pop, sc.path, seed, replicate);
  sim::EdgeList edges = census ? town_ties(people, net_params, seed, replicate)
                               : village_ties(people, net_params, sc.path, seed, replicate);
  out.build_seconds = sim::seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  sim::Network net;
  sim::AgentStore agents;
  auto world = std::make_shared<World>();
  try {
    const std::string& ordering = net_params.string("ordering");
    net = sim::freeze(std::move(edges),
                      ordering == "auto" ? sim::Ordering::Groups
                                         : sim::parse_ordering(ordering, "network.ordering"));
    out.freeze_seconds = sim::seconds_since(t0);
    agents.resize(net.size());
    place_people(people, net, agents, *world);
    assign_initial_wellbeing(agents, net, pop, seed, replicate);
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }
  people = People{};  // the agent store holds them now

  const auto& wb = sc.table("wellbeing");
  std::vector<std::unique_ptr<sim::Mechanism>> macro, services;
  const auto& entries = sc.list("intervention");
  for (std::size_t k = 0; k < entries.size(); ++k) {
    InterventionSetup setup{entries[k], k + 1, sc.path, net, world};
    auto made = make_intervention(setup);
    (find_intervention_type(entries[k].variant)->level == Level::Macro ? macro : services)
        .push_back(std::move(made));
  }
  auto wellbeing = std::make_unique<CommunityWellbeing>(net, wb, world, seed, replicate);
  auto stats = std::make_unique<CommunityStats>(world);
  auto life = std::make_unique<LifeEvents>(sc.table("life"), world, seed, replicate);

  out.engine = std::make_unique<sim::Engine>(std::move(net), std::move(agents), seed, replicate);
  out.engine->add(std::make_unique<MacroBaseline>(world));
  for (auto& m : macro) out.engine->add(std::move(m));
  out.engine->add(std::move(life));
  for (auto& m : services) out.engine->add(std::move(m));
  out.engine->add(std::move(wellbeing));
  out.engine->add(std::move(stats));
  return out;
}

}  // namespace wellsim::models
