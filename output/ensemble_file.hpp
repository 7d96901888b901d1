#pragma once
// The ensemble file written by `wellsim merge`: every complete task of a sweep in one HDF5 file
// of plain columns, readable by h5py/xarray without our code (docs/output-format.md).
//
//   /                 attrs format="wellsim-ensemble", version=1, experiment, design (kind),
//                     base (Sobol N / Morris r), levels, baseline ("" if none), scenarios
//                     (string list), tasks_planned, tasks_merged
//   /points/<factor>  float64 [points]: the design rows, in design order; attrs lo, hi
//   /design/task_id, /design/scenario (strings), /design/scenario_index, /design/point,
//   /design/replicate (uint32), /design/seed (uint64), /design/status (strings) [tasks]
//   /design/factors/<factor>  float64 [tasks]: the task's value (NaN where it does not apply)
//   /outcomes/<name>  float64 [tasks], attrs unit and help
//   /series/mean_wellbeing  float64 [tasks, steps+1] (NaN after a task's last step)
//   /incomplete/task_id, /incomplete/reason (strings): planned tasks left out, and why
//
// Rows are appended one task at a time (extendible datasets), so merging holds one task's
// series at a time whatever the number of tasks.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace wellsim::output {

/// The file-level description.
struct EnsembleHeader {
  std::string experiment, design, baseline;
  std::uint32_t base = 0, levels = 0;
  std::vector<std::string> scenarios;
  std::vector<std::string> factors;          ///< names, design column order
  std::vector<double> factor_lo, factor_hi;  ///< each factor's range
  std::vector<std::vector<double>> points;   ///< design rows
  std::uint32_t tasks_planned = 0;
  std::vector<std::string> outcomes;  ///< outcome names, column order
  std::vector<std::string> outcome_units, outcome_help;
  std::uint32_t series_steps = 0;  ///< width of /series/mean_wellbeing − 1
};

/// One task's row.
struct EnsembleRow {
  std::string task_id, scenario;
  std::uint32_t scenario_index = 0, point = 0, replicate = 0;
  std::uint64_t seed = 0;
  std::vector<double> factors;         ///< header.factors.size() values
  std::vector<double> outcomes;        ///< header.outcomes.size() values
  std::vector<double> mean_wellbeing;  ///< up to series_steps + 1 values (padded with NaN)
};

/// Writes an ensemble file row by row; the file is complete only after finish().
class EnsembleWriter {
 public:
  /// Creates `path` (replacing it only when `overwrite`); throws sim::InputError if it exists.
  EnsembleWriter(const std::string& path, const EnsembleHeader& header, bool overwrite);
  ~EnsembleWriter();
  EnsembleWriter(const EnsembleWriter&) = delete;
  EnsembleWriter& operator=(const EnsembleWriter&) = delete;
  /// Appends one complete task.
  void add(const EnsembleRow& row);
  /// Records a planned task that is left out.
  void add_incomplete(const std::string& task_id, const std::string& reason);
  /// Writes the string columns and tasks_merged, and closes the file.
  void finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// An ensemble file read back (everything but the series, which are read on demand).
struct Ensemble {
  EnsembleHeader header;
  std::vector<std::string> task_id, scenario, status;
  std::vector<std::uint32_t> scenario_index, point, replicate;
  std::vector<std::vector<double>> outcomes;  ///< [outcome][task]
  std::vector<std::string> incomplete;        ///< task ids left out

  /// The column of outcome `name`; a sim::InputError lists the outcomes for an unknown one.
  const std::vector<double>& outcome(const std::string& name) const;
};

/// Reads an ensemble file; every shape and range is checked, a sim::InputError names the file.
Ensemble read_ensemble(const std::string& path);

}  // namespace wellsim::output
