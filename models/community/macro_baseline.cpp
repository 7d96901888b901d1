// The macro baseline: the first mechanism of every community step.
//
// Mechanism: every week starts from the baseline economy (all multipliers 1, no sanctions, no
// wage floor, no cap) and local multipliers of 1; active macro interventions and meso programmes
// then change it in scenario order. Resetting instead of letting interventions undo their own
// changes means an intervention that ends simply stops writing, and two interventions on one
// lever compose the same way every week. It also publishes the tie overlay: ties queued by
// programmes during week t - 1 become visible in week t (TieOverlay), before anyone reads them.
#include "models/community/macro_baseline.hpp"

#include <algorithm>

namespace wellsim::models {

void MacroBaseline::prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger&) {
  const std::size_t groups = sim::group_count(net);
  World& w = *world_;
  w.macro = Macro{};
  w.local_victimisation.assign(groups, 1.0);
  w.local_hate.assign(groups, 1.0);
  w.referral.assign(agents.size(), 0);
  w.relieved.assign(agents.size(), 0);
}

void MacroBaseline::run(sim::Phase, sim::StepContext& ctx) {
  World& w = *world_;
  w.macro = Macro{};
  std::fill(w.local_victimisation.begin(), w.local_victimisation.end(), 1.0);
  std::fill(w.local_hate.begin(), w.local_hate.end(), 1.0);
  w.overlay.publish(ctx.step, ctx.agents.size());
}

void MacroBaseline::state(sim::StateVisitor& v) {
  World& w = *world_;
  sim::visit_value(v, "macro", w.macro);
  sim::visit(v, "local_victimisation", w.local_victimisation);
  sim::visit(v, "local_hate", w.local_hate);
  sim::visit(v, "referral", w.referral);
  sim::visit(v, "relieved", w.relieved);
  w.overlay.state(v);
}

}  // namespace wellsim::models
