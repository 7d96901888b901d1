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
#include "models/interventions/macro/advocacy_campaign.hpp"
#include "models/life/children_in_need.hpp"
#include "models/life/demography.hpp"
#include "models/life/family.hpp"
#include "models/life/life_events.hpp"
#include "models/life/neighbours.hpp"
#include "models/life/school_work.hpp"
#include "models/memory_estimate.hpp"
#include "models/network/sources.hpp"
#include "models/population/census.hpp"
#include "models/population/initial_wellbeing.hpp"
#include "models/population/people.hpp"
#include "models/population/village_households.hpp"
#include "models/scenario_schema.hpp"
#include "models/wellbeing/community_wellbeing.hpp"
#include "sim/errors.hpp"
#include "sim/timing.hpp"

namespace wellsim::models {

bool is_community(const sim::Scenario& sc) { return sc.variant("population") != "none"; }

namespace {

/// Family services and neighbour mediation act on domains that exist only with their table's
/// `enabled = true` ([family], [neighbours]).
void check_family_services(const sim::Scenario& sc) {
  const bool family = sc.table("family").boolean("enabled");
  const bool neighbours = sc.table("neighbours").boolean("enabled");
  const auto& entries = sc.list("intervention");
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const std::string& type = entries[k].variant;
    const bool couple = type == "family_support" || type == "relationship_counselling";
    const bool mediation = type == "neighbour_mediation";
    if ((!couple || family) && (!mediation || neighbours)) continue;
    throw sim::InputError(
        sim::where(entries[k].file.empty() ? sc.path : entries[k].file, entries[k].line) +
        "intervention[" + std::to_string(k + 1) + "].type: '" + type + "' acts on " +
        (couple ? "relationship distress, which needs [family] enabled = true"
                : "trouble with neighbours, which needs [neighbours] enabled = true"));
  }
}

}  // namespace

void check_community(const sim::Scenario& sc) {
  // run.model sets the population, the network and the wellbeing model together, so they always
  // agree; what is left are the rules that span tables.
  const bool people = is_community(sc);
  const auto& interventions = sc.list("intervention");
  if (!interventions.empty() && !people)
    throw sim::InputError(sim::where(sc.path, interventions.front().line) +
                          "intervention[1]: interventions need a community model (set run.model "
                          "= \"town\" or \"villages\")");
  if (people && sc.table("network").string("ordering") == "cuthill_mckee")
    throw sim::InputError(sim::where(sc.path) +
                          "network.ordering: 'cuthill_mckee' would split households; use "
                          "'auto', 'groups' or 'none' with a population of people");
  if (sc.variant("population") == "census") check_census(sc.table("population"), sc.path);
  check_interventions(interventions, sc.path);
  check_family_services(sc);
}

sim::EdgeList community_ties(const sim::Scenario& sc, std::uint64_t seed, std::uint32_t replicate,
                             People& people) {
  const auto& pop = sc.table("population");
  people = sc.variant("population") == "census" ? synthesise_census(pop, seed, replicate)
                                                : village_people(pop, sc.path, seed, replicate);
  const NetworkSource* ties = find_network_source(sc.variant("network"));
  sim::EdgeList edges =
      ties->tie_people(people, sc.table("network"), SourceContext{sc.path, seed, replicate});
  // With births, rows wait in the households for the babies (population/reserve.cpp); inserted
  // after the ties are made, so everyone's ties are what they would be without them.
  const auto& demography = sc.table("demography");
  if (demography.boolean("enabled"))
    reserve_birth_rows(demography, run_settings(sc).steps, seed, replicate, people, edges);
  return edges;
}

sim::Ordering community_ordering(const sim::ParamSet& network) {
  const std::string& ordering = network.string("ordering");
  return ordering == "auto" ? sim::Ordering::Groups
                            : sim::parse_ordering(ordering, "network.ordering");
}

sim::Network community_network(const sim::Scenario& sc, std::uint64_t seed,
                               std::uint32_t replicate) {
  check_community(sc);
  check_memory(sc);
  sim::EdgeList edges;
  {
    People people;  // freed before the freeze: only the ties are wanted
    edges = community_ties(sc, seed, replicate, people);
  }
  try {
    return sim::freeze(std::move(edges), community_ordering(sc.table("network")));
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }
}

namespace {

/// The rules that need the frozen network (its neighbourhoods), checked here so that validate,
/// which assembles in full, refuses what the run would refuse once it started.
void check_against_network(const sim::Scenario& sc, const sim::Network& net) {
  const auto& by_group = sc.table("life").reals("victimisation_by_neighbourhood");
  const std::size_t groups = net.group_names.size();
  if (!by_group.empty() && by_group.size() != groups)
    throw sim::InputError(sim::where(sc.path) + "life.victimisation_by_neighbourhood: expected " +
                          std::to_string(groups) + " values (one per neighbourhood), found " +
                          std::to_string(by_group.size()));
}

/// Demography and the ties of school and work that follow its birthdays (off by default: their
/// own stream, so others' draws hold), added before the life events, which widow the partner of
/// this week's dead and count support on this week's ties.
void add_demography(sim::Engine& engine, const sim::Scenario& sc,
                    const std::shared_ptr<World>& world, std::uint64_t seed,
                    std::uint32_t replicate) {
  const auto& table = sc.table("demography");
  if (!table.boolean("enabled")) return;
  engine.add(std::make_unique<Demography>(table, world, seed, replicate));
  if (auto ties = make_school_work(table, sc.table("network"), world, seed, replicate))
    engine.add(std::move(ties));
}

}  // namespace

Assembled assemble_community(const sim::Scenario& sc, std::uint64_t seed, std::uint32_t replicate) {
  check_community(sc);
  check_memory(sc);
  Assembled out;
  const auto& pop = sc.table("population");

  auto t0 = std::chrono::steady_clock::now();
  People people;
  sim::EdgeList edges = community_ties(sc, seed, replicate, people);
  out.build_seconds = sim::seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  sim::Network net;
  sim::AgentStore agents;
  auto world = std::make_shared<World>();
  try {
    net = sim::freeze(std::move(edges), community_ordering(sc.table("network")));
    out.freeze_seconds = sim::seconds_since(t0);
    agents.resize(net.size());
    place_people(people, net, agents, *world);
    assign_initial_wellbeing(agents, net, pop, seed, replicate);
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }
  check_against_network(sc, net);
  try {  // its rule names the key ("access.travel_minutes: ..."); the file is added here
    world->access = read_access(sc.table("access"), net);
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }
  people = People{};  // the agent store holds them now

  const auto& wb = sc.table("wellbeing");
  std::vector<std::unique_ptr<sim::Mechanism>> macro, services;
  const auto& entries = sc.list("intervention");
  std::vector<Intervention*> all;  // scenario order, for the campaigns
  for (std::size_t k = 0; k < entries.size(); ++k) {
    InterventionSetup setup{entries[k], k + 1, sc.path, net, world};
    auto made = make_intervention(setup);
    all.push_back(dynamic_cast<Intervention*>(made.get()));
    (find_intervention_type(entries[k].variant)->level == Level::Macro ? macro : services)
        .push_back(std::move(made));
  }
  // A campaign's outcome is a pure function of (seed, replicate, its name): deciding it here,
  // before week 1, lets the change it wins start in its win week whatever the mechanism order.
  settle_campaigns(all, seed, replicate);
  std::unique_ptr<CommunityWellbeing> wellbeing;
  try {  // its rules name the key ("wellbeing.layer_weights: ..."); the file is added here
    wellbeing = std::make_unique<CommunityWellbeing>(net, wb, world, seed, replicate);
  } catch (const sim::InputError& e) {
    throw sim::InputError(sim::where(sc.path) + e.what());
  }
  auto stats = std::make_unique<CommunityStats>(world);
  auto life = std::make_unique<LifeEvents>(sc.table("life"), world, seed, replicate);
  std::unique_ptr<FamilyEvents> family;  // off by default: its own stream, so others' draws hold
  if (sc.table("family").boolean("enabled"))
    family = std::make_unique<FamilyEvents>(sc.table("family"), world, seed, replicate);
  std::unique_ptr<NeighbourEvents> neighbours;  // the same: off by default, its own stream
  if (sc.table("neighbours").boolean("enabled"))
    neighbours = std::make_unique<NeighbourEvents>(sc.table("neighbours"), world, seed, replicate);

  out.engine = std::make_unique<sim::Engine>(std::move(net), std::move(agents), seed, replicate);
  out.engine->add(std::make_unique<MacroBaseline>(world));
  for (auto& m : macro) out.engine->add(std::move(m));
  add_demography(*out.engine, sc, world, seed, replicate);  // before life: widowhood that week
  out.engine->add(std::move(life));
  if (family) {  // children in need after it (this week's abuse), on their own stream too
    out.engine->add(std::move(family));
    out.engine->add(std::make_unique<ChildrenInNeed>(sc.table("family"), world, seed, replicate));
  }
  if (neighbours) out.engine->add(std::move(neighbours));
  for (auto& m : services) out.engine->add(std::move(m));
  out.engine->add(std::move(wellbeing));
  out.engine->add(std::move(stats));
  return out;
}

}  // namespace wellsim::models
