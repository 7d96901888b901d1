#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "output/h5_handle.hpp"
#include "output/run_records.hpp"
#include "sim/network.hpp"

namespace wellsim::output {

/// Reads a run file written by RunWriter, read-only.
///
/// The constructor validates the whole layout, so every later accessor can assume it: a file
/// that is not HDF5, not a run file, of a newer schema, or missing a dataset is refused with a
/// one-line sim::InputError naming the file and the problem. A run that was killed reads as the
/// steps it completed: per-step series are cut to steps_completed()+1 entries and per-agent rows
/// to those written with them, whatever the datasets' extents say. A run still being written
/// can be opened too; the reader sees the steps completed when it was opened.
class RunReader {
 public:
  /// Opens and validates `path`; throws sim::InputError if it is not a readable run file.
  explicit RunReader(const std::string& path);

  /// The file.
  const std::string& path() const { return path_; }
  /// Schema version the file was written with.
  std::uint32_t schema_version() const { return schema_version_; }

  /// The scenario file's text, verbatim.
  std::string scenario_text() const;
  /// The effective scenario (every key with the value used) as TOML.
  std::string effective_scenario() const;
  /// Hash of the effective scenario.
  std::string scenario_hash() const;
  /// Path of the scenario file as given to the run.
  std::string scenario_path() const;
  /// KEY=VALUE overrides applied to the scenario, in order.
  std::vector<std::string> overrides() const;

  /// Every attribute of /manifest rendered as text, by name.
  std::map<std::string, std::string> manifest() const;
  /// The scenario parameters ("table.key" -> TOML text of the value).
  std::map<std::string, std::string> parameters() const;
  /// True if the file holds /parameters (typed values with unit and help); files written
  /// before it existed hold only the text of /manifest/parameters.
  bool has_typed_parameters() const;
  /// Every parameter with its type, unit and help, by key (empty without has_typed_parameters).
  std::vector<ParameterRecord> typed_parameters() const;
  /// A parameter as text: a string's value itself, any other value as TOML text; "" when the
  /// file has no such key. Reads /parameters, or for older files /manifest/parameters.
  std::string parameter_string(const std::string& key) const;
  /// The scenario's run.name, or the scenario file's stem when it has none.
  std::string run_name() const;
  /// True if the file holds the /interventions table.
  bool has_interventions_table() const;
  /// The scenario's interventions in scenario order, from /interventions; for files written
  /// before it existed, from /manifest/parameters (no level, parameters as TOML text).
  std::vector<InterventionRecord> interventions() const;
  /// Key shared by the replicates of one scenario and by nothing else (/scenario `set_key`, or
  /// for older files the same hash of the effective scenario without run.replicate).
  std::string set_key() const;

  /// Scenario seed.
  std::uint64_t seed() const;
  /// Replicate number.
  std::uint32_t replicate() const;
  /// Worker threads the run used.
  std::uint32_t threads() const;
  /// Steps the run was meant to take.
  std::uint32_t steps_planned() const;
  /// Last step whose data is complete in the file (0: only the initial state).
  std::uint32_t steps_completed() const { return steps_completed_; }
  /// "running" (still running, or killed) or "complete".
  std::string status() const;

  /// Number of agents.
  std::size_t agent_count() const { return agents_; }
  /// Each agent's id in the network source.
  std::vector<std::int64_t> original_ids() const;
  /// Each agent's neighbourhood/block, -1 where unknown.
  std::vector<std::int32_t> groups() const;
  /// Names of the groups, group 0 first (may be empty: files of schema v1 need not have them).
  std::vector<std::string> group_names() const;
  /// Each agent's wellbeing at step 0.
  std::vector<float> initial_wellbeing() const;
  /// Each agent's susceptibility to others' influence.
  std::vector<float> susceptibility() const;
  /// The network as it was frozen for the run, with original ids and groups.
  sim::Network network() const;

  /// True if the file holds the viewer's node positions (/layout, optional).
  bool has_layout() const { return has_layout_; }
  /// Node x positions (empty when has_layout() is false).
  std::vector<float> layout_x() const;
  /// Node y positions (empty when has_layout() is false).
  std::vector<float> layout_y() const;

  /// Step numbers of the complete steps: 0..steps_completed().
  std::vector<std::int32_t> steps() const;
  /// One per-step statistic ("mean", "sd", ..., see kStatFields) for the complete steps.
  std::vector<double> stat(const std::string& name) const;
  /// Per-agent wellbeing is recorded every this many steps (plus the first and last).
  std::uint32_t record_every() const;
  /// The steps with a per-agent wellbeing row, in order.
  std::vector<std::int32_t> recorded_steps() const;
  /// Every agent's wellbeing at recorded_steps()[record_index].
  std::vector<float> wellbeing_at(std::size_t record_index) const;

  /// True if the file holds a community model's people (/people, schema 2).
  bool has_people() const { return has_people_; }
  /// A /people column of 8-bit codes: "age", "traits", "tenure" (empty without people).
  std::vector<std::uint8_t> people_codes(const std::string& name) const;
  /// A /people column of numbers: "wage", "housing_cost", "set_point", "disposable".
  std::vector<float> people_values(const std::string& name) const;
  /// Each person's household index (empty without people).
  std::vector<std::uint32_t> households() const;
  /// /people/entered and /people/left ([demography]; docs/output-format.md): the week each row
  /// joined the town (-1: never) and left it (-1: never), each checked; both empty when the file
  /// has none (no [demography], or a run stopped before it completed).
  std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>> presence_weeks() const;
  /// Names of the Domain bits, bit 0 first (empty without people).
  std::vector<std::string> domain_names() const;
  /// Names of the codes of a /people column, code 0 first: `attribute` is "activity_names",
  /// "tenure_names" or "trait_names" (bit order). Empty without people.
  std::vector<std::string> people_names(const std::string& attribute) const;
  /// Every agent's Domain bits at recorded_steps()[record_index] (needs has_people()).
  std::vector<std::uint32_t> domains_at(std::size_t record_index) const;
  /// Every agent's Activity at recorded_steps()[record_index] (needs has_people()).
  std::vector<std::uint8_t> activity_at(std::size_t record_index) const;

  /// Names of the model's per-step series ("prevalence/homeless", ...); empty if none.
  const std::vector<std::string>& series_names() const { return series_names_; }
  /// True if the file has series `name`: for series that may legitimately be absent (a run
  /// without services), asked before series() instead of reading zeros.
  bool has_series(const std::string& name) const;
  /// One named series for the complete steps; a sim::InputError names the nearest known series
  /// when there is no such name.
  std::vector<double> series(const std::string& name) const;
  /// Every series for the complete steps, [step][series] flattened row-major (read once).
  const std::vector<double>& series_matrix() const;

  /// Events of the complete steps, one column per field.
  struct Events {
    std::vector<std::uint32_t> step, agent, other;  ///< when, who, and the other person or ~0u
    std::vector<std::uint16_t> kind, detail;        ///< index into event_kinds(), kind's code
  };
  /// Names of the event kinds ("onset/homeless", "intervention/food_bank/start", ...).
  std::vector<std::string> event_kinds() const;
  /// Every event of the complete steps, in the order they happened.
  Events events() const;

  /// Every dataset in the file as an absolute path, sorted (for dataset-by-dataset comparison).
  std::vector<std::string> dataset_names() const;
  /// The stored bytes of one dataset, for bitwise comparison of two runs.
  std::vector<std::uint8_t> raw_bytes(const std::string& dataset) const;

 private:
  [[noreturn]] void fail(const std::string& what) const;
  void check_schema();
  void check_layout();
  void check_network(const sim::Network& net) const;
  std::vector<InterventionRecord> legacy_interventions() const;

  std::string path_;
  h5::File file_;
  std::uint32_t schema_version_ = 0;
  std::uint32_t steps_completed_ = 0;
  std::size_t agents_ = 0;
  std::size_t rows_ = 0;
  bool has_layout_ = false;  // per-agent wellbeing rows that belong to complete steps
  bool has_people_ = false;
  std::vector<std::string> series_names_;
  // /series/values of the complete steps, read on first use: every named series is a column of
  // it, and callers ask for many (compare, inspect), so the file is read once.
  mutable std::vector<double> series_cache_;
  mutable bool series_read_ = false;
  std::size_t events_ = 0;  // event rows that belong to complete steps
  void check_model_layout();
};

}  // namespace wellsim::output
