// Why this file exists: the one way C++ code reads a run file back (analysis/, viz/, inspect):
// the layout is validated once when the file is opened so every accessor can rely on it, and a
// killed run reads as the steps it completed.
#include "output/run_reader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "output/file_open.hpp"
#include "output/h5_util.hpp"
#include "output/run_checks.hpp"
#include "output/schema.hpp"
#include "sim/errors.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::output {

namespace {

constexpr hsize_t kAll = ~hsize_t{0};

/// Every dataset a version-1 run file has once step 0 is written (/network/weight is optional).
/// The per-step series: one entry per step, cut together to the complete steps.
std::vector<std::string> series_datasets() {
  std::vector<std::string> paths{"/steps/step"};
  for (const auto& f : kStatFields) paths.push_back(std::string("/steps/") + f.name);
  return paths;
}

std::vector<std::string> required_datasets() {
  std::vector<std::string> paths = {"/scenario",
                                    "/agents/original_id",
                                    "/agents/group",
                                    "/agents/initial_wellbeing",
                                    "/agents/susceptibility",
                                    "/network/offsets",
                                    "/network/neighbours",
                                    "/network/layer",
                                    "/wellbeing/values",
                                    "/wellbeing/steps"};
  for (auto& p : series_datasets()) paths.push_back(std::move(p));
  return paths;
}

/// Runs `f` on the open group or dataset `object`, failures reported as InputErrors of `path`.
template <typename F>
auto on_object(const std::string& path, hid_t file, const char* object, F&& f) {
  return h5::translate<sim::InputError>(path, [&] {
    h5::Object obj(H5Oopen(file, object, H5P_DEFAULT), std::string("cannot open ") + object);
    return f(obj.id());
  });
}

/// The first `count` entries (all by default) of a 1-D dataset.
template <typename T>
std::vector<T> column(const std::string& path, hid_t file, const std::string& dataset,
                      hsize_t count = kAll) {
  return h5::translate<sim::InputError>(path,
                                        [&] { return h5::read_array<T>(file, dataset, count); });
}

/// An integer attribute of `object` ("/manifest") that must fit 32 bits.
std::uint32_t uint32_attribute(const std::string& path, hid_t file, const char* object,
                               const std::string& name) {
  return on_object(path, file, object, [&](hid_t obj) {
    const std::uint64_t v = h5::read_uint_attribute(obj, name);
    if (v > UINT32_MAX)
      throw h5::Error(std::string(object + 1) + " attribute " + name + " is out of range");
    return static_cast<std::uint32_t>(v);
  });
}

/// A manifest attribute that must fit 32 bits.
std::uint32_t manifest_uint(const std::string& path, hid_t file, const std::string& name) {
  return uint32_attribute(path, file, "/manifest", name);
}

/// A string attribute of `object`.
std::string text_attribute(const std::string& path, hid_t file, const char* object,
                           const std::string& name) {
  return on_object(path, file, object,
                   [&](hid_t obj) { return h5::read_string_attribute(obj, name); });
}

}  // namespace

RunReader::RunReader(const std::string& path) : path_(path) {
  h5::silence_errors();
  file_ = open_file(path);
  h5::translate<sim::InputError>(path_, [&] {
    check_schema();
    check_layout();
  });
  checks::run_values(*this);
}

void RunReader::fail(const std::string& what) const {
  throw sim::InputError(sim::where(path_) + what);
}

void RunReader::check_schema() {
  if (!h5::has_attribute(file_, "schema")) fail("not a wellsim run file (no schema attribute)");
  const std::string schema = h5::read_string_attribute(file_, "schema");
  if (schema != kSchemaName) fail("not a wellsim run file (schema is \"" + schema + "\")");
  if (!h5::has_attribute(file_, "schema_version"))
    fail("not a wellsim run file (no schema_version attribute)");
  const std::uint64_t version = h5::read_uint_attribute(file_, "schema_version");
  if (version > kSchemaVersion)
    fail("schema version " + std::to_string(version) + " is newer than this build reads (" +
         std::to_string(kSchemaVersion) + "); use a newer wellsim");
  if (version == 0) fail("schema version 0 is not a version wellsim ever wrote");
  schema_version_ = static_cast<std::uint32_t>(version);
}

void RunReader::check_layout() {
  if (H5Lexists(file_, "manifest", H5P_DEFAULT) <= 0)
    fail("truncated or damaged run file: missing group /manifest");
  const bool started = on_object(path_, file_, "/manifest", [](hid_t manifest) {
    return h5::has_attribute(manifest, "steps_completed");
  });
  if (!started) fail("no complete step: the run stopped before step 0 was written");
  for (const auto& p : required_datasets())
    if (!h5::has_dataset(file_, p)) fail("truncated or damaged run file: missing dataset " + p);
  steps_completed_ = manifest_uint(path_, file_, "steps_completed");

  // Sizes must agree with each other, or a later accessor would read past an end.
  auto length = [&](const std::string& p) { return h5::length_1d(file_, p); };
  auto expect = [&](const std::string& p, hsize_t want, const std::string& of) {
    if (length(p) != want)
      fail(p + " has " + std::to_string(length(p)) + " entries, " + of + " has " +
           std::to_string(want));
  };
  agents_ = length("/agents/original_id");
  for (const char* p : {"/agents/group", "/agents/initial_wellbeing", "/agents/susceptibility"})
    expect(p, agents_, "/agents/original_id");
  expect("/network/offsets", agents_ + 1, "the population plus one");
  const hsize_t entries = length("/network/neighbours");
  expect("/network/layer", entries, "/network/neighbours");
  if (h5::has_dataset(file_, "/network/weight"))
    expect("/network/weight", entries, "/network/neighbours");
  has_layout_ = h5::has_dataset(file_, "/layout/x") || h5::has_dataset(file_, "/layout/y");
  if (has_layout_) {
    for (const char* p : {"/layout/x", "/layout/y"})
      if (!h5::has_dataset(file_, p)) fail(std::string("damaged run file: missing dataset ") + p);
    expect("/layout/x", agents_, "/agents/original_id");
    expect("/layout/y", agents_, "/agents/original_id");
  }
  for (const auto& p : series_datasets())
    if (length(p) <= steps_completed_)
      fail("truncated run file: " + p + " stops before step " + std::to_string(steps_completed_) +
           ", which the manifest says is complete");

  const auto values = h5::shape(file_, "/wellbeing/values");
  if (values.size() != 2 || values[1] != agents_)
    fail("/wellbeing/values is not a [records, " + std::to_string(agents_) + "] matrix");
  const std::uint64_t rows = on_object(path_, file_, "/wellbeing", [](hid_t wellbeing) {
    return h5::has_attribute(wellbeing, "rows") ? h5::read_uint_attribute(wellbeing, "rows") : 0;
  });
  rows_ = std::min({rows, std::uint64_t{values[0]}, std::uint64_t{length("/wellbeing/steps")}});
  // Rows vouched for by a newer `rows` than steps_completed (a kill between the two attribute
  // writes) belong to an incomplete step: leave them out.
  const auto recorded = h5::read_array<std::int32_t>(file_, "/wellbeing/steps", rows_);
  checks::increasing<std::int32_t>(path_, "/wellbeing/steps", recorded, true);
  while (rows_ > 0 && recorded[rows_ - 1] > static_cast<std::int64_t>(steps_completed_)) --rows_;
  // What is left must be steps 0..steps_completed (a negative one reads as huge here).
  checks::below<std::int32_t>(path_, "/wellbeing/steps", std::span(recorded).first(rows_),
                              std::uint64_t{steps_completed_} + 1, "steps completed");
  if (schema_version_ >= 2) check_model_layout();
}

void RunReader::check_model_layout() {
  auto length = [&](const std::string& p) { return h5::length_1d(file_, p); };
  has_people_ = H5Lexists(file_, "people", H5P_DEFAULT) > 0;
  if (has_people_) {
    for (const char* name : {"household", "age", "traits", "tenure", "wage", "housing_cost",
                             "set_point", "disposable"}) {
      const std::string p = std::string("/people/") + name;
      if (!h5::has_dataset(file_, p)) fail("truncated or damaged run file: missing dataset " + p);
      if (length(p) != agents_)
        fail(p + " has " + std::to_string(length(p)) + " entries, the population has " +
             std::to_string(agents_));
    }
    for (const char* p : {"/wellbeing/domains", "/wellbeing/activity"}) {
      if (!h5::has_dataset(file_, p)) fail(std::string("damaged run file: missing dataset ") + p);
      const auto shape = h5::shape(file_, p);
      if (shape.size() != 2 || shape[1] != agents_ || shape[0] < rows_)
        fail(std::string(p) + " does not hold a row per recorded step");
    }
  }
  if (H5Lexists(file_, "series", H5P_DEFAULT) > 0) {
    series_names_ = on_object(path_, file_, "/series",
                              [](hid_t g) { return h5::read_strings_attribute(g, "names"); });
    const auto shape = h5::shape(file_, "/series/values");
    if (shape.size() != 2 || shape[1] != series_names_.size())
      fail("/series/values does not have one column per name in /series names");
    if (shape[0] <= steps_completed_)
      fail("truncated run file: /series/values stops before step " +
           std::to_string(steps_completed_) + ", which the manifest says is complete");
  }
  if (H5Lexists(file_, "events", H5P_DEFAULT) <= 0) fail("damaged run file: missing group /events");
  std::uint64_t rows = on_object(path_, file_, "/events", [](hid_t g) {
    return h5::has_attribute(g, "rows") ? h5::read_uint_attribute(g, "rows") : 0;
  });
  for (const char* name : {"step", "agent", "other", "kind", "detail"}) {
    const std::string p = std::string("/events/") + name;
    if (!h5::has_dataset(file_, p)) fail("damaged run file: missing dataset " + p);
    rows = std::min<std::uint64_t>(rows, length(p));
  }
  // As with per-agent rows: events of a step beyond steps_completed are left out.
  const auto steps = h5::read_array<std::uint32_t>(file_, "/events/step", rows);
  checks::increasing<std::uint32_t>(path_, "/events/step", steps, false);
  while (rows > 0 && steps[rows - 1] > steps_completed_) --rows;
  events_ = rows;
}

std::string RunReader::scenario_text() const {
  return h5::translate<sim::InputError>(path_, [&] { return h5::read_text(file_, "/scenario"); });
}

std::string RunReader::effective_scenario() const {
  return text_attribute(path_, file_, "/scenario", "effective");
}

std::string RunReader::scenario_hash() const {
  return text_attribute(path_, file_, "/scenario", "hash");
}

std::string RunReader::scenario_path() const {
  return text_attribute(path_, file_, "/scenario", "path");
}

std::vector<std::string> RunReader::overrides() const {
  return on_object(path_, file_, "/scenario",
                   [](hid_t s) { return h5::read_strings_attribute(s, "overrides"); });
}

std::map<std::string, std::string> RunReader::manifest() const {
  return on_object(path_, file_, "/manifest", h5::attributes_as_text);
}

std::map<std::string, std::string> RunReader::parameters() const {
  return on_object(path_, file_, "/manifest/parameters", h5::attributes_as_text);
}

std::uint64_t RunReader::seed() const {
  return on_object(path_, file_, "/manifest",
                   [](hid_t m) { return h5::read_uint_attribute(m, "seed"); });
}

std::uint32_t RunReader::replicate() const { return manifest_uint(path_, file_, "replicate"); }
std::uint32_t RunReader::threads() const { return manifest_uint(path_, file_, "threads"); }

std::uint32_t RunReader::steps_planned() const {
  return manifest_uint(path_, file_, "steps_planned");
}

std::string RunReader::status() const {
  return text_attribute(path_, file_, "/manifest", "status");
}

std::vector<std::int64_t> RunReader::original_ids() const {
  return column<std::int64_t>(path_, file_, "/agents/original_id");
}

std::vector<std::int32_t> RunReader::groups() const {
  auto out = column<std::int32_t>(path_, file_, "/agents/group");
  // Group ids size the per-group tables of the viewer and the analysis: no more groups than
  // names or people.
  checks::groups(path_, out, std::max<std::uint64_t>(agents_, group_names().size()));
  return out;
}

std::vector<std::string> RunReader::group_names() const {
  // Optional in schema v1: files written before group names were stored have none.
  return on_object(path_, file_, "/agents", [](hid_t g) {
    return h5::has_attribute(g, "group_names") ? h5::read_strings_attribute(g, "group_names")
                                               : std::vector<std::string>{};
  });
}

std::vector<float> RunReader::initial_wellbeing() const {
  auto out = column<float>(path_, file_, "/agents/initial_wellbeing");
  checks::wellbeing(path_, "/agents/initial_wellbeing", out, has_people_);
  return out;
}

std::vector<float> RunReader::susceptibility() const {
  auto out = column<float>(path_, file_, "/agents/susceptibility");
  checks::finite(path_, "/agents/susceptibility", out);
  return out;
}

sim::Network RunReader::network() const {
  sim::Network net;
  net.offsets = column<std::uint64_t>(path_, file_, "/network/offsets");
  net.neighbours = column<std::uint32_t>(path_, file_, "/network/neighbours");
  net.layer = column<std::uint8_t>(path_, file_, "/network/layer");
  if (h5::has_dataset(file_, "/network/weight"))
    net.weight = column<float>(path_, file_, "/network/weight");
  net.layer_names = on_object(path_, file_, "/network",
                              [](hid_t g) { return h5::read_strings_attribute(g, "layer_names"); });
  net.original_id = original_ids();
  net.group = groups();
  net.group_names = group_names();
  check_network(net);
  return net;
}

void RunReader::check_network(const sim::Network& net) const {
  // The constructor has checked the arrays' lengths against each other; this checks the values,
  // so a damaged file cannot hand out-of-range indices to the viewer or the analysis.
  auto damaged = [&](const std::string& what) {
    return sim::InputError(sim::where(path_) + "damaged network: " + what);
  };
  const std::size_t n = agents_;
  if (net.offsets.front() != 0 || net.offsets.back() != net.neighbours.size())
    throw damaged("/network/offsets does not span /network/neighbours");
  for (std::size_t i = 0; i < n; ++i)
    if (net.offsets[i] > net.offsets[i + 1]) throw damaged("/network/offsets decreases");
  for (sim::AgentId j : net.neighbours)
    if (j >= n) throw damaged("/network/neighbours names agent " + std::to_string(j));
  for (float w : net.weight)
    if (!std::isfinite(w)) throw damaged("/network/weight holds a value that is not a number");
  for (std::uint8_t l : net.layer)
    if (l >= net.layer_names.size())
      throw damaged("/network/layer names layer " + std::to_string(l));
}

std::vector<float> RunReader::layout_x() const {
  if (!has_layout_) return {};
  auto out = column<float>(path_, file_, "/layout/x");
  checks::finite(path_, "/layout/x", out);
  return out;
}

std::vector<float> RunReader::layout_y() const {
  if (!has_layout_) return {};
  auto out = column<float>(path_, file_, "/layout/y");
  checks::finite(path_, "/layout/y", out);
  return out;
}

std::vector<std::int32_t> RunReader::steps() const {
  auto out = column<std::int32_t>(path_, file_, "/steps/step", steps_completed_ + hsize_t{1});
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] != static_cast<std::int64_t>(i))
      checks::fail(path_, "/steps/step", "does not count the steps 0, 1, 2, ...", i);
  return out;
}

std::vector<double> RunReader::stat(const std::string& name) const {
  const bool known = std::any_of(kStatFields.begin(), kStatFields.end(),
                                 [&](const StatField& f) { return name == f.name; });
  if (!known) {
    std::string list;
    for (const auto& f : kStatFields) list += (list.empty() ? "" : ", ") + std::string(f.name);
    fail("no statistic \"" + name + "\" (known: " + list + ")");
  }
  auto out = column<double>(path_, file_, "/steps/" + name, steps_completed_ + hsize_t{1});
  checks::wellbeing(path_, "/steps/" + name, out, has_people_);
  return out;
}

std::uint32_t RunReader::record_every() const {
  return uint32_attribute(path_, file_, "/wellbeing", "record_every");
}

std::vector<std::int32_t> RunReader::recorded_steps() const {
  return column<std::int32_t>(path_, file_, "/wellbeing/steps", rows_);
}

std::vector<float> RunReader::wellbeing_at(std::size_t record_index) const {
  if (record_index >= rows_)
    throw std::out_of_range(sim::where(path_) + "no per-agent record " +
                            std::to_string(record_index) + " (the file has " +
                            std::to_string(rows_) + ")");
  std::vector<float> out(agents_);
  h5::translate<sim::InputError>(path_, [&] {
    h5::read_raw_rows(file_, "/wellbeing/values", H5T_NATIVE_FLOAT, record_index, 1, agents_,
                      out.data());
  });
  checks::wellbeing(path_, "/wellbeing/values", out, has_people_);
  return out;
}

std::vector<std::uint8_t> RunReader::people_codes(const std::string& name) const {
  if (!has_people_) return {};
  if (name != "age" && name != "traits" && name != "tenure")
    fail("no 8-bit people column \"" + name + "\" (known: age, traits, tenure)");
  auto out = column<std::uint8_t>(path_, file_, "/people/" + name);
  if (name == "traits")
    checks::bits<std::uint8_t>(path_, "/people/traits", out, people_names("trait_names").size());
  if (name == "tenure")
    checks::below<std::uint8_t>(path_, "/people/tenure", out, people_names("tenure_names").size(),
                                "tenure names");
  return out;
}

std::vector<float> RunReader::people_values(const std::string& name) const {
  if (!has_people_) return {};
  if (name != "wage" && name != "housing_cost" && name != "set_point" && name != "disposable")
    fail("no people column \"" + name + "\" (known: wage, housing_cost, set_point, disposable)");
  auto out = column<float>(path_, file_, "/people/" + name);
  checks::finite(path_, "/people/" + name, out);
  return out;
}

std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>> RunReader::presence_weeks() const {
  if (!has_people_ || !h5::has_dataset(file_, "people/entered")) return {};
  auto entered = column<std::int32_t>(path_, file_, "/people/entered");
  auto left = column<std::int32_t>(path_, file_, "/people/left");
  if (entered.size() != agents_ || left.size() != entered.size())
    checks::fail(path_, "/people/entered", "and /people/left need one entry per agent",
                 entered.size());
  for (std::size_t i = 0; i < entered.size(); ++i) {
    // A row joins at most once and leaves only after joining: -1 means never, for either.
    if (entered[i] < -1) checks::fail(path_, "/people/entered", "is below -1", i);
    if (left[i] < -1) checks::fail(path_, "/people/left", "is below -1", i);
    if (left[i] >= 0 && (entered[i] < 0 || left[i] < entered[i]))
      checks::fail(path_, "/people/left", "is before the row entered", i);
  }
  return {std::move(entered), std::move(left)};
}

std::vector<std::uint32_t> RunReader::households() const {
  if (!has_people_) return {};
  // A household index sizes per-household tables: no more households than people.
  auto out = column<std::uint32_t>(path_, file_, "/people/household");
  checks::below<std::uint32_t>(path_, "/people/household", out, agents_, "people");
  return out;
}

std::vector<std::string> RunReader::domain_names() const { return people_names("domain_names"); }

std::vector<std::string> RunReader::people_names(const std::string& attribute) const {
  if (!has_people_) return {};
  return on_object(path_, file_, "/people",
                   [&](hid_t g) { return h5::read_strings_attribute(g, attribute); });
}

namespace {
template <typename T>
std::vector<T> agent_row(const std::string& path, hid_t file, const char* dataset, hid_t mem,
                         std::size_t index, std::size_t rows, std::size_t agents) {
  if (index >= rows)
    throw std::out_of_range(sim::where(path) + "no per-agent record " + std::to_string(index) +
                            " (the file has " + std::to_string(rows) + ")");
  std::vector<T> out(agents);
  h5::translate<sim::InputError>(
      path, [&] { h5::read_raw_rows(file, dataset, mem, index, 1, agents, out.data()); });
  return out;
}
}  // namespace

std::vector<std::uint32_t> RunReader::domains_at(std::size_t record_index) const {
  if (!has_people_) fail("no people in this run (not a community model run)");
  // Read as 32 bits whatever the file holds: schema 2 stored 16 (HDF5 widens them).
  auto out = agent_row<std::uint32_t>(path_, file_, "/wellbeing/domains", H5T_NATIVE_UINT32,
                                      record_index, rows_, agents_);
  checks::bits<std::uint32_t>(path_, "/wellbeing/domains", out, domain_names().size());
  return out;
}

std::vector<std::uint8_t> RunReader::activity_at(std::size_t record_index) const {
  if (!has_people_) fail("no people in this run (not a community model run)");
  auto out = agent_row<std::uint8_t>(path_, file_, "/wellbeing/activity", H5T_NATIVE_UINT8,
                                     record_index, rows_, agents_);
  checks::below<std::uint8_t>(path_, "/wellbeing/activity", out,
                              people_names("activity_names").size(), "activity names");
  return out;
}

const std::vector<double>& RunReader::series_matrix() const {
  if (series_read_ || series_names_.empty()) return series_cache_;
  series_cache_.resize((steps_completed_ + std::size_t{1}) * series_names_.size());
  h5::translate<sim::InputError>(path_, [&] {
    h5::read_raw_rows(file_, "/series/values", H5T_NATIVE_DOUBLE, 0, steps_completed_ + 1,
                      series_names_.size(), series_cache_.data());
  });
  series_read_ = true;
  return series_cache_;
}

std::vector<double> RunReader::series(const std::string& name) const {
  auto it = std::find(series_names_.begin(), series_names_.end(), name);
  if (it == series_names_.end()) {
    const std::string near = sim::nearest_name(series_names_, name);
    fail("no series \"" + name + "\"" + (near.empty() ? "" : "; did you mean \"" + near + "\"?"));
  }
  const std::size_t k = it - series_names_.begin(), width = series_names_.size();
  const std::vector<double>& all = series_matrix();
  std::vector<double> out(steps_completed_ + std::size_t{1});
  for (std::size_t s = 0; s < out.size(); ++s) out[s] = all[s * width + k];
  return out;
}

std::vector<std::string> RunReader::event_kinds() const {
  if (schema_version_ < 2) return {};
  return on_object(path_, file_, "/events",
                   [](hid_t g) { return h5::read_strings_attribute(g, "kinds"); });
}

RunReader::Events RunReader::events() const {
  Events e;
  if (schema_version_ < 2) return e;
  e.step = column<std::uint32_t>(path_, file_, "/events/step", events_);
  e.agent = column<std::uint32_t>(path_, file_, "/events/agent", events_);
  e.other = column<std::uint32_t>(path_, file_, "/events/other", events_);
  e.kind = column<std::uint16_t>(path_, file_, "/events/kind", events_);
  e.detail = column<std::uint16_t>(path_, file_, "/events/detail", events_);
  checks::below<std::uint32_t>(path_, "/events/agent", e.agent, agents_, "people");
  checks::below<std::uint32_t>(path_, "/events/other", e.other, agents_, "people", ~0u);
  checks::below<std::uint16_t>(path_, "/events/kind", e.kind, event_kinds().size(), "event kinds");
  return e;
}

std::vector<std::string> RunReader::dataset_names() const {
  return h5::translate<sim::InputError>(path_, [&] { return h5::dataset_paths(file_); });
}

std::vector<std::uint8_t> RunReader::raw_bytes(const std::string& dataset) const {
  return h5::translate<sim::InputError>(path_, [&] {
    if (!h5::has_dataset(file_, dataset)) throw h5::Error("no dataset " + dataset);
    return h5::raw_bytes(file_, dataset);
  });
}

}  // namespace wellsim::output
