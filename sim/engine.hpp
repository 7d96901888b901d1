#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/agent_store.hpp"
#include "sim/ledger.hpp"
#include "sim/network.hpp"
#include "sim/state.hpp"

namespace wellsim::sim {

/// The fixed phases of one step, in the order they run. The order is the model's causal story:
/// the week's economy is set first (macro environment), people's circumstances change under it
/// (life events), services respond to those circumstances (interventions), then each person's
/// new wellbeing is computed from their circumstances and their ties' wellbeing (wellbeing
/// update: social influence happens here), and last the week's figures are measured on that new
/// state (statistics) before the engine publishes it and the observer records it.
enum class Phase : std::uint8_t {
  MacroEnvironment,
  LifeEvents,
  Interventions,
  WellbeingUpdate,  ///< the wellbeing model writes every agent's `wellbeing_next`
  Statistics,       ///< per-step figures of the state the week ends in (reads `wellbeing_next`)
  Count
};

/// A set of phases as bits.
using PhaseMask = std::uint32_t;

/// The bit of one phase.
constexpr PhaseMask bit(Phase p) { return PhaseMask{1} << static_cast<unsigned>(p); }

/// Name of a phase, for progress and profiling output.
const char* phase_name(Phase p);

/// What a mechanism sees during a phase.
struct StepContext {
  std::uint32_t step;       ///< the step being computed (1-based; step 0 is the initial state)
  const Network& network;   ///< frozen for the run
  AgentStore& agents;       ///< read `wellbeing`, write own slot of `wellbeing_next`
  std::uint64_t seed;       ///< scenario seed
  std::uint32_t replicate;  ///< replicate number
  Ledger& ledger;           ///< series and events the step reports
};

/// A model mechanism: subscribes to phases by mask and is called only for those (DESIGN
/// extension points). Implementations must be pull-style and write only their own agent slots.
class Mechanism {
 public:
  virtual ~Mechanism() = default;
  /// Stable name; also the name of its random stream.
  virtual std::string name() const = 0;
  /// The phases it runs in.
  virtual PhaseMask phases() const = 0;
  /// Runs one phase of one step.
  virtual void run(Phase phase, StepContext& ctx) = 0;
  /// Called once before step 1: declare series and event kinds, set their week-0 values.
  virtual void prepare(const Network& /*net*/, AgentStore& /*agents*/, Ledger& /*ledger*/) {}
  /// Lists what `run` changes and a later step reads, beyond the agent store and the ledger
  /// (sim/state.hpp): queues, timers, overlays. Default: nothing (a mechanism whose members are
  /// all set by its constructor or `prepare`).
  virtual void state(StateVisitor& /*v*/) {}
};

/// Receives the state at step boundaries: step 0 (initial) and after every step. The engine
/// never does I/O itself (DESIGN invariant 6); an observer (the run writer) does.
class StepObserver {
 public:
  virtual ~StepObserver() = default;
  /// Called once with the initial state (step 0), after every mechanism's `prepare`.
  virtual void on_start(const Network& net, const AgentStore& agents, const Ledger& ledger) = 0;
  /// Called after each step is committed.
  virtual void on_step(std::uint32_t step, const AgentStore& agents, const Ledger& ledger) = 0;
  /// Called once when the last step is done.
  virtual void on_finish(std::uint32_t steps_done) = 0;
};

/// Runs mechanisms over a frozen network and an agent store for a number of steps.
class Engine {
 public:
  /// Takes ownership of the network and the initial agents.
  Engine(Network network, AgentStore agents, std::uint64_t seed, std::uint32_t replicate);
  /// Adds a mechanism; mechanisms of one phase run in the order added.
  void add(std::unique_ptr<Mechanism> mechanism);
  /// Runs `steps` steps, reporting to `observer` (may be null) and calling `on_progress` (may be
  /// empty) after each step with the number of steps done.
  void run(std::uint32_t steps, StepObserver* observer,
           const std::function<void(std::uint32_t)>& on_progress = {});
  /// Week 0: every mechanism's `prepare`, then the observer (may be null) is told on_start.
  /// `run` is `start` and `run_from(0, ...)`; a resumed run calls `start(nullptr)`, loads its
  /// checkpoint through `state`, and goes on with `run_from`.
  void start(StepObserver* observer);
  /// Runs steps `done + 1 .. steps` after `prepare` and a loaded state of step `done`; the
  /// observer already holds steps 0..done (it is not told on_start).
  void run_from(std::uint32_t done, std::uint32_t steps, StepObserver* observer,
                const std::function<void(std::uint32_t)>& on_progress = {});
  /// Lists the run's whole mutable state: the agent store, the ledger's values and each
  /// mechanism's own, in the order they were added (sim/state.hpp).
  void state(StateVisitor& v);
  /// The network.
  const Network& network() const { return network_; }
  /// The agents' current state.
  const AgentStore& agents() const { return agents_; }
  /// The series and event kinds declared by the mechanisms, with the last step's values.
  const Ledger& ledger() const { return ledger_; }
  /// Wall seconds spent in each mechanism's `run` (all phases, all steps), in the order added,
  /// with its name; the observer's time is the entry named "output".
  std::vector<std::pair<std::string, double>> timings() const;

 private:
  Network network_;
  AgentStore agents_;
  std::uint64_t seed_;
  std::uint32_t replicate_;
  std::vector<std::unique_ptr<Mechanism>> mechanisms_;
  std::vector<double> seconds_;  // per mechanism, then the observer
  Ledger ledger_;
};

}  // namespace wellsim::sim
