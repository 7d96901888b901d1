#include "sim/engine.hpp"

#include <chrono>
#include <stdexcept>

#include "sim/timing.hpp"

namespace wellsim::sim {

const char* phase_name(Phase p) {
  switch (p) {
    case Phase::MacroEnvironment: return "macro_environment";
    case Phase::LifeEvents: return "life_events";
    case Phase::Interventions: return "interventions";
    case Phase::WellbeingUpdate: return "wellbeing_update";
    case Phase::Statistics: return "statistics";
    case Phase::Count: break;
  }
  return "?";
}

Engine::Engine(Network network, AgentStore agents, std::uint64_t seed, std::uint32_t replicate)
    : network_(std::move(network)), agents_(std::move(agents)), seed_(seed), replicate_(replicate) {
  if (agents_.size() != network_.size())
    throw std::logic_error("Engine: agent store and network differ in size");
}

void Engine::add(std::unique_ptr<Mechanism> mechanism) {
  mechanisms_.push_back(std::move(mechanism));
}

std::vector<std::pair<std::string, double>> Engine::timings() const {
  std::vector<std::pair<std::string, double>> out;
  for (std::size_t k = 0; k < mechanisms_.size(); ++k)
    out.emplace_back(mechanisms_[k]->name(), k < seconds_.size() ? seconds_[k] : 0.0);
  out.emplace_back("output", seconds_.size() > mechanisms_.size() ? seconds_.back() : 0.0);
  return out;
}

void Engine::start(StepObserver* observer) {
  for (auto& m : mechanisms_) m->prepare(network_, agents_, ledger_);
  seconds_.assign(mechanisms_.size() + 1, 0.0);
  if (observer) observer->on_start(network_, agents_, ledger_);
}

void Engine::run(std::uint32_t steps, StepObserver* observer,
                 const std::function<void(std::uint32_t)>& on_progress) {
  start(observer);
  run_from(0, steps, observer, on_progress);
}

void Engine::state(StateVisitor& v) {
  agents_.state(v);
  ledger_.state(v);
  for (std::size_t k = 0; k < mechanisms_.size(); ++k) {
    PrefixedVisitor inner(v, std::to_string(k) + "." + mechanisms_[k]->name() + ".");
    mechanisms_[k]->state(inner);
  }
}

void Engine::run_from(std::uint32_t done, std::uint32_t steps, StepObserver* observer,
                      const std::function<void(std::uint32_t)>& on_progress) {
  if (seconds_.size() != mechanisms_.size() + 1)
    throw std::logic_error("Engine::run_from before start");
  // The wellbeing model writes every agent's slot each step (AgentStore's contract); the copy
  // only makes the first step's buffer well defined.
  agents_.wellbeing_next = agents_.wellbeing;
  for (std::uint32_t step = done + 1; step <= steps; ++step) {
    ledger_.begin_step();
    StepContext ctx{step, network_, agents_, seed_, replicate_, ledger_};
    for (unsigned p = 0; p < static_cast<unsigned>(Phase::Count); ++p) {
      Phase phase = static_cast<Phase>(p);
      for (std::size_t k = 0; k < mechanisms_.size(); ++k) {
        if (!(mechanisms_[k]->phases() & bit(phase))) continue;
        const auto t0 = std::chrono::steady_clock::now();
        mechanisms_[k]->run(phase, ctx);
        seconds_[k] += seconds_since(t0);
      }
    }
    agents_.commit();
    const auto t0 = std::chrono::steady_clock::now();
    if (observer) observer->on_step(step, agents_, ledger_);
    seconds_.back() += seconds_since(t0);
    if (on_progress) on_progress(step);
  }
  if (observer) observer->on_finish(steps);
}

}  // namespace wellsim::sim
