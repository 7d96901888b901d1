#pragma once
#include <array>
#include <cstdint>

#include "output/extendible.hpp"
#include "sim/ledger.hpp"

namespace wellsim::output {

/// Writes a model's ledger into the run file: /series/values, one row of every named series per
/// step, and /series/step, its step numbers (no /series when the model declares none), and /events,
/// one row per event in five parallel columns (step, agent, other, kind, detail). Series and
/// event-kind names are attributes, fixed when the run starts.
///
/// Events are appended as they come; a run killed mid-step may leave events of a step beyond
/// `steps_completed`, which the reader drops, so the file stays consistent (DESIGN invariant 8).
class LedgerWriter {
 public:
  /// Nothing written (a run without a ledger, e.g. a test fixture).
  LedgerWriter() = default;
  /// Creates /series and /events under `file` for the series and kinds `ledger` declares.
  LedgerWriter(hid_t file, const sim::Ledger& ledger, int compression);
  /// Reopens the ledger of a run file to go on after step `step`: the series cut to steps
  /// 0..step, the events to those of steps up to `step` among the counted ones.
  static LedgerWriter reopen(hid_t file, std::uint32_t step, int compression);
  /// Appends one step: the series row and the step's events.
  void append(const sim::Ledger& ledger);
  /// Writes the counts a reader trusts (/events attribute `rows`); called by the writer's
  /// commit between its two flushes, like the per-agent row count.
  void write_counts();

 private:
  bool active_ = false;
  h5::Group events_;
  std::size_t width_ = 0;
  h5::Extendible series_;
  h5::Extendible series_step_;  // /series/step, the rows' step numbers (absent: width 0)
  std::array<h5::Extendible, 5> columns_;
  std::array<std::vector<std::uint32_t>, 3> wide_;    // step, agent, other: scratch per step
  std::array<std::vector<std::uint16_t>, 2> narrow_;  // kind, detail
};

}  // namespace wellsim::output
