#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "output/extendible.hpp"
#include "output/h5_util.hpp"
#include "output/ledger_writer.hpp"
#include "output/run_info.hpp"
#include "output/schema.hpp"
#include "sim/engine.hpp"

namespace wellsim::output {

/// Streams one run into one HDF5 file (schema "wellsim-run", docs/output-format.md).
///
/// The file is usable at every step boundary: each step's data is written first, then the
/// manifest's `steps_completed`, then the file is flushed, so a run killed at any point leaves a
/// file whose steps 0..steps_completed read back intact (DESIGN invariant 8). Dataset handles
/// stay open for the run, so a step costs a few small writes plus, every `record_every` steps,
/// one compressed row of per-agent wellbeing.
///
/// The AgentStore passed to on_step must still hold the last step's state when on_finish is
/// called (the engine's own store does): a run that stops before its planned last step records
/// that final row from it.
class RunWriter : public sim::StepObserver {
 public:
  /// Creates the file under a temporary name beside `path` and writes the scenario and manifest;
  /// on_start renames it to `path` once step 0 is in it (never replacing a file another process
  /// holds). Throws sim::InputError if the file exists and `opts.overwrite` is not set or an
  /// option is out of range, sim::RuntimeError if the file cannot be created.
  RunWriter(const std::string& path, const RunInfo& info, const WriterOptions& opts);
  /// Reopens run file `path` to go on after step `step` (a resumed run, whose checkpoint holds
  /// that step): every per-step dataset is cut back to steps 0..step, the status is "running"
  /// again and the resume is noted in the manifest; the next on_step is step + 1 and on_start is
  /// never called. Throws sim::InputError in one line: the file is in use, damaged, or holds
  /// fewer steps than `step`.
  static std::unique_ptr<RunWriter> reopen(const std::string& path, std::uint32_t step,
                                           const WriterOptions& opts);
  ~RunWriter() override;
  RunWriter(const RunWriter&) = delete;
  RunWriter& operator=(const RunWriter&) = delete;

  /// Node positions for the viewer (one per agent), written as /layout/x and /layout/y by
  /// on_start; optional. Call before on_start.
  void set_layout(std::vector<float> x, std::vector<float> y);
  /// Writes the population, the network and step 0.
  void on_start(const sim::Network& net, const sim::AgentStore& agents,
                const sim::Ledger& ledger) override;
  /// Writes one step's statistics (and per-agent wellbeing on recorded steps), then flushes.
  void on_step(std::uint32_t step, const sim::AgentStore& agents,
               const sim::Ledger& ledger) override;
  /// Records the final row if not yet recorded and marks the run complete.
  void on_finish(std::uint32_t steps_done) override;
  /// Marks a run stopped on request after its last complete step: status "interrupted" and
  /// `interrupted_by` (e.g. "SIGINT"); readers treat it as not complete. No-op before on_start.
  void interrupt(const std::string& signal_name);

  /// The file being written.
  const std::string& path() const { return path_; }
  /// True if per-agent wellbeing is recorded at `step` (the last planned step always is).
  bool records(std::uint32_t step) const;

 private:
  RunWriter() = default;         // for reopen
  static std::string utc_now();  // "2026-11-29T07:30:00Z"
  void cut_back(std::uint32_t step);
  void write_manifest(const RunInfo& info);
  void write_population(const sim::Network& net, const sim::AgentStore& agents);
  void write_people(const sim::AgentStore& agents);
  void write_step(std::uint32_t step, const sim::AgentStore& agents);
  void record_row(std::uint32_t step, const sim::AgentStore& agents);
  void commit(std::uint32_t step);
  void install();
  void write_header(const RunInfo& info);
  /// Closes and removes the temporary file of a run that never took its name.
  void discard();
  /// Runs `f`, turning an h5::Error into one sim::RuntimeError line that names the file and,
  /// where errno says more (disk full, read-only), the system's reason.
  template <typename F>
  void guarded(F&& f);

  std::string path_;
  std::string temp_path_;  // where the file is written until install() names it path_
  WriterOptions opts_;
  std::uint32_t steps_planned_ = 0;
  h5::File file_;  // declared first so it is closed after every object in it
  h5::Group manifest_;
  h5::Group wellbeing_group_;
  std::array<h5::Extendible, kStatFields.size()> stats_;
  h5::Extendible step_;
  h5::Extendible values_;
  h5::Extendible domains_;   // per-agent Domain bits on recorded steps (community runs)
  h5::Extendible activity_;  // per-agent Activity on recorded steps (community runs)
  h5::Extendible recorded_;
  LedgerWriter ledger_;
  std::vector<float> layout_x_, layout_y_;  // empty: no layout
  const sim::AgentStore* last_agents_ = nullptr;
  std::uint32_t last_step_ = 0;
  std::uint32_t last_recorded_ = 0;  // step 0 is always recorded
  bool started_ = false;
  bool finished_ = false;
  bool installed_ = false;
};

}  // namespace wellsim::output
