#pragma once
// TieProgramme: the base of the services whose participants make community ties (social
// prescribing, community hubs, warm spaces, youth projects, inclusion campaigns). It holds the
// tie rule (declared by each type with tie_table() and its own default rate) and declares the
// programme's "tie/<name>" event kind, so the five types share one way of recording ties.
#include "models/interventions/service.hpp"
#include "models/interventions/tie_forming.hpp"

namespace wellsim::models {

/// A capacity-limited service whose participants make ties (see the file comment).
class TieProgramme : public Service {
 public:
  /// `level` picks the funding multiplier, as for any service.
  TieProgramme(const InterventionSetup& setup, Level level) : Service(setup, level) {}

 protected:
  /// Declares the "tie/<name>" event kind; a type that declares kinds of its own calls this
  /// after them (event kinds are numbered in the order declared).
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override {
    e_tie_ = ledger.add_event_kind("tie/" + label_);
  }
  /// Ties among the participants: each, with the rule's rate, meets another (draws `draw` and
  /// `draw + 1`).
  void ties_among_participants(sim::StepContext& ctx, const sim::RandomStream& rng,
                               std::uint32_t draw) {
    peer_ties(*world_, ctx, rng, participants(), rule_, draw, e_tie_);
  }

  /// A week of a programme does nothing beyond its ties, unless a type says otherwise.
  void serve(sim::StepContext&, const sim::RandomStream&, std::uint32_t,
             std::vector<sim::Event>&) const override {}

  TieRule rule_;             ///< bound by each type's table through tie_table()
  std::uint16_t e_tie_ = 0;  ///< the "tie/<name>" event kind
};

}  // namespace wellsim::models
