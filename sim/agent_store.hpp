#pragma once
#include <cstdint>
#include <vector>

#include "sim/state.hpp"

namespace wellsim::sim {

/// Per-agent state as a struct of arrays (DESIGN invariant 5): a step streams only the columns it
/// uses. Agent i is index i in every column, after the network's renumbering.
///
/// Wellbeing is double-buffered (DESIGN invariant 3): during a step every agent reads
/// `wellbeing` (the previous state) and writes its own slot of `wellbeing_next`; the engine swaps
/// the two at the step boundary, so no agent ever sees a half-updated neighbour. The wellbeing
/// model writes every agent's slot every step, so the swap never publishes a stale value.
///
/// The person columns below `susceptibility` belong to the community model, which also gives
/// their codes a meaning (models/community/vocabulary.hpp); to the engine they are integers.
/// They are empty when a scenario runs a plain opinion model (consensus teaching, imported
/// networks without people).
/// Life events and interventions change them in place, each agent only in its own slot; nothing
/// in a step reads another agent's person columns except through its household, whose members
/// are read only in the life-events phase before anyone writes them (see models/life).
struct AgentStore {
  std::vector<float> wellbeing;          ///< life satisfaction now, ONS scale 0-10
  std::vector<float> wellbeing_next;     ///< the slot each agent writes during a step
  std::vector<float> initial_wellbeing;  ///< week-0 value; the Friedkin-Johnsen anchor u
  std::vector<float> susceptibility;     ///< lambda_i in [0,1]: weight on others' opinions

  // --- community model: who people are ---
  std::vector<std::uint32_t> household;  ///< household index; members are contiguous agents
  std::vector<std::uint8_t> age;         ///< age in years now (at week 0 without demography)
  std::vector<std::uint8_t> traits;      ///< models::Trait bits
  std::vector<std::uint8_t> tenure;      ///< 0 owner, 1 social renter, 2 private renter
  std::vector<float> wage;               ///< weekly gross pay when in work (GBP)
  std::vector<float> housing_cost;       ///< weekly rent or mortgage of the household (GBP, head)
  std::vector<float> set_point;          ///< wellbeing a person returns to with no problems

  // --- community model: how life is this week ---
  std::vector<std::uint8_t> activity;  ///< models::Activity
  std::vector<std::uint32_t> domains;  ///< models::Domain bits (models::DomainBits)
  std::vector<float> income;           ///< weekly net income of the person (GBP)
  std::vector<float> disposable;       ///< equivalised household income after costs (GBP/wk)
  std::vector<float> extra_income;     ///< weekly top-up from interventions (benefit take-up)
  std::vector<std::uint16_t> support;  ///< close ties (household, kin, close friends) now

  /// 1 while a person lives in the town, 0 once they have left it (died); empty when the
  /// population is fixed (no [demography]), which reads as everyone present. People who leave
  /// keep their row, so indices, the CSR network and the run file's columns never move.
  std::vector<std::uint8_t> present;
  /// With [demography]: the week a person joined the town (0 for week-0 people, -1 for a row
  /// reserved for a birth that has not happened) and the week they left it (-1 while present or
  /// never joined); empty otherwise. Kept per row so the run file says who was present when.
  std::vector<std::int32_t> entered, left;

  /// Number of agents.
  std::size_t size() const { return wellbeing.size(); }
  /// True when agent i is in the town this week (always, without demography).
  bool is_present(std::size_t i) const { return present.empty() || present[i] != 0; }
  /// True when the community model's person columns are present.
  bool has_people() const { return !household.empty(); }
  /// Sizes the opinion columns for n agents (values zero); person columns stay empty.
  void resize(std::size_t n) {
    wellbeing.assign(n, 0.f);
    wellbeing_next.assign(n, 0.f);
    initial_wellbeing.assign(n, 0.f);
    susceptibility.assign(n, 0.f);
  }
  /// Sizes the person columns for n agents (values zero).
  void resize_people(std::size_t n) {
    household.assign(n, 0);
    age.assign(n, 0);
    traits.assign(n, 0);
    tenure.assign(n, 0);
    wage.assign(n, 0.f);
    housing_cost.assign(n, 0.f);
    set_point.assign(n, 0.f);
    activity.assign(n, 0);
    domains.assign(n, 0);
    income.assign(n, 0.f);
    disposable.assign(n, 0.f);
    extra_income.assign(n, 0.f);
    support.assign(n, 0);
  }
  /// Lists every column a step may change (all but `wellbeing_next`, which every step writes in
  /// full before reading) for checkpoints.
  void state(StateVisitor& v) {
    visit(v, "agents.wellbeing", wellbeing);
    visit(v, "agents.initial_wellbeing", initial_wellbeing);
    visit(v, "agents.susceptibility", susceptibility);
    visit(v, "agents.household", household);
    visit(v, "agents.age", age);
    visit(v, "agents.traits", traits);
    visit(v, "agents.tenure", tenure);
    visit(v, "agents.wage", wage);
    visit(v, "agents.housing_cost", housing_cost);
    visit(v, "agents.set_point", set_point);
    visit(v, "agents.activity", activity);
    visit(v, "agents.domains", domains);
    visit(v, "agents.income", income);
    visit(v, "agents.disposable", disposable);
    visit(v, "agents.extra_income", extra_income);
    visit(v, "agents.support", support);
    if (!present.empty()) visit(v, "agents.present", present);  // sized by demography's prepare
    if (!entered.empty()) visit(v, "agents.entered", entered);
    if (!left.empty()) visit(v, "agents.left", left);
  }
  /// Publishes the step's writes: what was written to `wellbeing_next` becomes the state.
  void commit() { wellbeing.swap(wellbeing_next); }
};

}  // namespace wellsim::sim
