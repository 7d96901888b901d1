#pragma once
// The mutable state of a run, listed column by column, so that a checkpoint can save it and a
// resumed run load it (docs/reliability.md, "Checkpoint and resume").
//
// What is listed is only what a step changes and a later step reads. Everything else is a
// function of the scenario and seed: a resumed run rebuilds the week-0 community, runs every
// mechanism's `prepare` again (the same inputs give the same calibration), and only then loads
// the listed columns over it. Random draws need no state: streams are counters keyed by the step.
// One function per owner lists its columns for both directions (save and load), so the two can
// never disagree on names or order.
#include <cstddef>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

namespace wellsim::sim {

/// One column of state: `count` elements of `element_size` bytes at `data`. A loader calls
/// `resize` with the stored count and fills the memory it returns.
struct StateColumn {
  std::string name;
  std::size_t element_size = 0;
  std::size_t count = 0;
  const void* data = nullptr;
  std::function<void*(std::size_t)> resize;
};

/// Receives every column of a run's state: a checkpoint writer copies each out, a reader copies
/// the stored values in. Names are unique within a run ("agents.wellbeing", "m04.queue").
class StateVisitor {
 public:
  virtual ~StateVisitor() = default;
  /// One column (see StateColumn).
  virtual void column(const StateColumn& c) = 0;
};

/// Passes columns on with a prefix on their names: the engine's way of keeping two mechanisms'
/// columns apart.
class PrefixedVisitor : public StateVisitor {
 public:
  /// Columns go to `inner` named PREFIX + their own name.
  PrefixedVisitor(StateVisitor& inner, std::string prefix)
      : inner_(inner), prefix_(std::move(prefix)) {}
  void column(const StateColumn& c) override {
    StateColumn named = c;
    named.name = prefix_ + c.name;
    inner_.column(named);
  }

 private:
  StateVisitor& inner_;
  std::string prefix_;
};

/// Lists a vector of plain values (numbers or structs of numbers without pointers).
template <typename T>
void visit(StateVisitor& v, std::string name, std::vector<T>& values) {
  static_assert(std::is_trivially_copyable_v<T>, "state columns hold plain values");
  v.column(StateColumn{std::move(name), sizeof(T), values.size(), values.data(),
                       [&values](std::size_t n) -> void* {
                         values.resize(n);
                         return values.data();
                       }});
}

/// Lists one plain value as a column of one element; a loader that finds another count fails.
template <typename T>
void visit_value(StateVisitor& v, std::string name, T& value) {
  static_assert(std::is_trivially_copyable_v<T>, "state columns hold plain values");
  v.column(StateColumn{std::move(name), sizeof(T), 1, &value,
                       [&value](std::size_t n) -> void* { return n == 1 ? &value : nullptr; }});
}

}  // namespace wellsim::sim
