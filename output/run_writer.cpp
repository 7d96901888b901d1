// Why this file exists: a run streams into one self-describing HDF5 file (DESIGN invariant 7),
// readable at every step boundary so a killed run loses nothing it finished (invariant 8).
#include "output/run_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <numeric>
#include <stdexcept>

#include "output/file_install.hpp"
#include "output/run_contract.hpp"
#include "output/run_labels.hpp"
#include "sim/build_info.hpp"
#include "sim/errors.hpp"

namespace wellsim::output {

namespace {

// 512 entries (4 KiB of float64) per chunk of a per-step series: a 10-year weekly run fits in
// one chunk, and a flush rewrites only the chunk that changed.
constexpr hsize_t kSeriesChunk = 512;

}  // namespace

std::string RunWriter::utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  return std::string(buf, std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm));
}

namespace {

std::string host_name() {
  char buf[256] = {};
  return gethostname(buf, sizeof buf - 1) == 0 ? std::string(buf) : std::string("unknown");
}

/// The writer's inputs must agree in size; a mismatch is a bug upstream, reported before any
/// of it reaches the file.
void check_sizes(const sim::Network& net, const sim::AgentStore& agents) {
  const std::size_t n = net.size(), m = net.entries();
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw std::invalid_argument("RunWriter: " + what);
  };
  require(n > 0, "the population is empty");
  require(agents.size() == n, "the agent store and the network differ in size");
  require(agents.initial_wellbeing.size() == n && agents.susceptibility.size() == n,
          "agent columns are not all of the network's size");
  require(net.original_id.empty() || net.original_id.size() == n, "original_id is not of size n");
  require(net.group.empty() || net.group.size() == n, "group is not of size n");
  require(net.layer.size() == m, "layer is not of size m");
  require(net.weight.empty() || net.weight.size() == m, "weight is neither empty nor of size m");
}

}  // namespace

template <typename F>
void RunWriter::guarded(F&& f) {
  errno = 0;
  try {
    f();
  } catch (const h5::Error& e) {
    const std::string what = e.what();
    std::string reason = system_reason(errno);
    if (!reason.empty() && what.find(reason.substr(2)) != std::string::npos) reason.clear();
    throw sim::RuntimeError(sim::where(path_) + what + reason +
                            (installed_ ? " (the file holds the steps completed before; status "
                                          "stays \"running\")"
                                        : ""));
  }
}

RunWriter::RunWriter(const std::string& path, const RunInfo& info, const WriterOptions& opts)
    : path_(path), opts_(opts), steps_planned_(info.steps_planned) {
  h5::silence_errors();
  if (opts.compression < 0 || opts.compression > 9)
    throw sim::InputError(sim::where(path) + "compression level " +
                          std::to_string(opts.compression) + " is not in 0-9");
  check_target(path, opts.overwrite);
  temp_path_ = temporary_name(path);
  try {
    write_header(info);
  } catch (...) {
    discard();  // the destructor does not run for a constructor that throws
    throw;
  }
}

void RunWriter::discard() {
  if (installed_ || temp_path_.empty()) return;
  // Never installed: the temporary file is nobody's run, whatever stopped it.
  manifest_.reset();
  file_.reset();
  std::error_code ec;
  std::filesystem::remove(temp_path_, ec);
}

void RunWriter::write_header(const RunInfo& info) {
  guarded([&] {
    errno = 0;
    // A fresh name of this process's own: nothing another process holds is ever truncated.
    // The 1.8 file format (readable by every HDF5 since 2008) keeps large attributes in dense
    // storage: the series names of a town with hundreds of neighbourhoods outgrow the 64 KiB an
    // attribute may take in the oldest format ("cannot create attribute names").
    h5::Plist fapl(H5Pcreate(H5P_FILE_ACCESS), "cannot create a property list");
    h5::check(H5Pset_libver_bounds(fapl, H5F_LIBVER_V18, H5F_LIBVER_V18),
              "cannot choose the file format");
    const hid_t id = H5Fcreate(temp_path_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
    // HDF5's own message is a stack dump; the system's reason for the failed open is the news.
    file_ = h5::File(id, errno ? std::string("cannot create the file: ") + std::strerror(errno)
                               : std::string("cannot create the file"));
    h5::write_attribute(file_, "schema", std::string(kSchemaName));
    h5::write_attribute(file_, "schema_version", kSchemaVersion);
    h5::Dataset scenario = h5::write_text(file_, "scenario", info.scenario_text);
    h5::write_attribute(scenario, "path", info.scenario_path);
    h5::write_attribute(scenario, "hash", info.scenario_hash);
    h5::write_attribute(scenario, "effective", info.effective_scenario);
    h5::write_attribute(scenario, "overrides", info.overrides);
    h5::write_attribute(scenario, "set_key", set_key_of(info.effective_scenario));
    write_manifest(info);
    write_parameters(file_, info.typed_parameters);
    write_interventions(file_, info.interventions);
    h5::check(H5Fflush(file_, H5F_SCOPE_GLOBAL), "cannot write the file");
  });
}

RunWriter::~RunWriter() { discard(); }

void RunWriter::install() {
  install_file(temp_path_, path_, opts_.overwrite);
  installed_ = true;
}

void RunWriter::interrupt(const std::string& signal_name) {
  if (!started_ || finished_) return;
  guarded([&] {
    h5::write_attribute(manifest_, "status", std::string("interrupted"));
    h5::write_attribute(manifest_, "interrupted_by", signal_name);
    h5::write_attribute(manifest_, "finished_at", utc_now());
    h5::check(H5Fflush(file_, H5F_SCOPE_GLOBAL), "cannot write the file");
  });
  finished_ = true;
}

void RunWriter::write_manifest(const RunInfo& info) {
  manifest_ = h5::create_group(file_, "manifest");
  const sim::BuildInfo& build = sim::build_info();
  const std::pair<const char*, std::string> text[] = {
      {"wellsim_version", std::string(build.version)},
      {"git_commit", std::string(build.git_commit)},
      {"build_type", std::string(build.build_type)},
      {"compiler", std::string(build.compiler)},
      {"build_flags", std::string(build.flags)},
      {"status", "running"},
      {"started_at", utc_now()},
      {"finished_at", ""},
      {"host", host_name()},
      {"model", info.model},
      {"network_source", info.network_source},
  };
  for (const auto& [name, value] : text) h5::write_attribute(manifest_, name, value);
  h5::write_attribute(manifest_, "seed", info.seed);
  h5::write_attribute(manifest_, "replicate", info.replicate);
  h5::write_attribute(manifest_, "threads", info.threads);
  h5::write_attribute(manifest_, "steps_planned", info.steps_planned);
  // steps_completed is written only once step 0 is in the file: its presence means "readable".
  h5::Group parameters = h5::create_group(manifest_, "parameters");
  for (const auto& [key, value] : info.parameters) h5::write_attribute(parameters, key, value);
}

void RunWriter::set_layout(std::vector<float> x, std::vector<float> y) {
  if (started_) throw std::logic_error("RunWriter::set_layout after on_start");
  if (x.size() != y.size()) throw std::invalid_argument("RunWriter: layout x and y differ in size");
  layout_x_ = std::move(x);
  layout_y_ = std::move(y);
}

void RunWriter::on_start(const sim::Network& net, const sim::AgentStore& agents,
                         const sim::Ledger& ledger) {
  if (started_) throw std::logic_error("RunWriter::on_start called twice");
  check_sizes(net, agents);
  if (!layout_x_.empty() && layout_x_.size() != net.size())
    throw std::invalid_argument("RunWriter: the layout is not of the network's size");
  guarded([&] {
    write_population(net, agents);
    h5::Group steps = h5::create_group(file_, "steps");
    for (std::size_t i = 0; i < kStatFields.size(); ++i)
      stats_[i] =
          h5::Extendible(steps, kStatFields[i].name, H5T_IEEE_F64LE, std::nullopt, kSeriesChunk, 0);
    step_ = h5::Extendible(steps, "step", H5T_STD_I32LE, std::nullopt, kSeriesChunk, 0);
    wellbeing_group_ = h5::create_group(file_, "wellbeing");
    h5::write_attribute(wellbeing_group_, "record_every", opts_.record_every);
    // One row per chunk: a recorded step is one write of whole chunks, and a reader of one step
    // inflates only that step.
    values_ = h5::Extendible(wellbeing_group_, "values", H5T_IEEE_F32LE, agents.size(), 1,
                             opts_.compression);
    if (agents.has_people()) {
      domains_ = h5::Extendible(wellbeing_group_, "domains", H5T_STD_U32LE, agents.size(), 1,
                                opts_.compression);
      activity_ = h5::Extendible(wellbeing_group_, "activity", H5T_STD_U8LE, agents.size(), 1,
                                 opts_.compression);
    }
    recorded_ =
        h5::Extendible(wellbeing_group_, "steps", H5T_STD_I32LE, std::nullopt, kSeriesChunk, 0);
    ledger_ = LedgerWriter(file_, ledger, opts_.compression);
    // Units, descriptions and dimension scales, once: before step 0 is committed, so the file is
    // labelled before it takes its name, and nothing of it is rewritten as the datasets grow.
    label_run_file(file_, {net.size(), net.entries(), net.group_names, ledger.series_names()},
                   opts_.compression);
    started_ = true;
    write_step(0, agents);
  });
  // Only now, with step 0 readable, does the file take its name: a reader of OUT never sees a
  // file without a complete step, and a run that fails before this leaves OUT untouched.
  install();
}

void RunWriter::write_population(const sim::Network& net, const sim::AgentStore& agents) {
  const std::size_t n = net.size();
  const int level = opts_.compression;
  h5::Group group = h5::create_group(file_, "agents");
  // Written from the network's own columns: a copy of them (12 bytes a person) would be made
  // when memory is at its peak, everything built; filled in only where a source left them empty.
  std::vector<std::int64_t> ids;
  if (net.original_id.empty()) {  // the source numbered agents 0..n-1
    ids.resize(n);
    std::iota(ids.begin(), ids.end(), std::int64_t{0});
  }
  std::vector<std::int32_t> groups;
  if (net.group.empty()) groups.assign(n, -1);
  h5::write_array<std::int64_t>(group, "original_id",
                                net.original_id.empty() ? ids : net.original_id, level);
  h5::write_array<std::int32_t>(group, "group", net.group.empty() ? groups : net.group, level);
  h5::write_array<float>(group, "initial_wellbeing", agents.initial_wellbeing, level);
  h5::write_array<float>(group, "susceptibility", agents.susceptibility, level);
  h5::write_attribute(group, "group_names", net.group_names);
  if (agents.has_people()) write_people(agents);

  group = h5::create_group(file_, "network");
  const std::vector<std::uint64_t> no_ties{0};  // offsets of an empty network
  h5::write_array<std::uint64_t>(group, "offsets", net.offsets.empty() ? no_ties : net.offsets,
                                 level);
  h5::write_array<std::uint32_t>(group, "neighbours", net.neighbours, level);
  h5::write_array<std::uint8_t>(group, "layer", net.layer, level);
  if (!net.unit_weights()) h5::write_array<float>(group, "weight", net.weight, level);
  h5::write_attribute(group, "layer_names", net.layer_names);

  if (layout_x_.empty()) return;
  group = h5::create_group(file_, "layout");
  h5::write_array<float>(group, "x", layout_x_, level);
  h5::write_array<float>(group, "y", layout_y_, level);
}

void RunWriter::write_people(const sim::AgentStore& agents) {
  const int level = opts_.compression;
  h5::Group group = h5::create_group(file_, "people");
  const PeopleCodes& codes = opts_.people_codes;
  // Without the names the codes mean nothing to a reader: refuse rather than write such a file.
  if (codes.domains.empty() || codes.activities.empty() || codes.tenures.empty() ||
      codes.traits.empty())
    throw std::logic_error(
        "RunWriter: agents with person columns need WriterOptions::people_codes");
  h5::write_attribute(group, "domain_names", codes.domains);
  h5::write_attribute(group, "activity_names", codes.activities);
  h5::write_attribute(group, "tenure_names", codes.tenures);
  h5::write_attribute(group, "trait_names", codes.traits);
  h5::write_array<std::uint32_t>(group, "household", agents.household, level);
  h5::write_array<std::uint8_t>(group, "age", agents.age, level);
  h5::write_array<std::uint8_t>(group, "traits", agents.traits, level);
  h5::write_array<std::uint8_t>(group, "tenure", agents.tenure, level);
  h5::write_array<float>(group, "wage", agents.wage, level);
  h5::write_array<float>(group, "housing_cost", agents.housing_cost, level);
  h5::write_array<float>(group, "set_point", agents.set_point, level);
  h5::write_array<float>(group, "disposable", agents.disposable, level);
}

bool RunWriter::records(std::uint32_t step) const {
  return step == 0 || step == steps_planned_ ||
         (opts_.record_every > 0 && step % opts_.record_every == 0);
}

void RunWriter::on_step(std::uint32_t step, const sim::AgentStore& agents,
                        const sim::Ledger& ledger) {
  if (!started_ || finished_) throw std::logic_error("RunWriter::on_step outside a run");
  if (step != last_step_ + 1)
    throw std::logic_error("RunWriter: step " + std::to_string(step) + " after step " +
                           std::to_string(last_step_));
  if (agents.size() != values_.width())
    throw std::invalid_argument("RunWriter: the agent store changed size");
  guarded([&] {
    ledger_.append(ledger);
    write_step(step, agents);
  });
}

void RunWriter::write_step(std::uint32_t step, const sim::AgentStore& agents) {
  // With [demography] the figures are of the people in the town this week (the dead keep rows).
  std::vector<float> living;
  if (!agents.present.empty())
    for (std::size_t i = 0; i < agents.size(); ++i)
      if (agents.present[i]) living.push_back(agents.wellbeing[i]);
  const sim::StepStats stats = sim::summarise(
      agents.present.empty() ? std::span<const float>(agents.wellbeing) : std::span(living));
  for (std::size_t i = 0; i < kStatFields.size(); ++i)
    stats_[i].append_value(stats.*kStatFields[i].member);
  step_.append_value(static_cast<std::int32_t>(step));
  if (records(step)) record_row(step, agents);
  last_agents_ = &agents;
  last_step_ = step;
  commit(step);
}

void RunWriter::record_row(std::uint32_t step, const sim::AgentStore& agents) {
  values_.append(agents.wellbeing.data());
  if (agents.has_people()) {
    domains_.append(agents.domains.data());
    activity_.append(agents.activity.data());
  }
  recorded_.append_value(static_cast<std::int32_t>(step));
  last_recorded_ = step;
}

void RunWriter::commit(std::uint32_t step) {
  // Two flushes. HDF5 flushes the superblock (which holds the file's end) after every other
  // object, so a kill inside one flush can leave new B-tree entries pointing past the recorded
  // end; with a single flush the counters could land in the file and vouch for such a step
  // (seen in a SIGKILL stress test). The first flush puts the step's data and metadata on disk;
  // only then are the counters rewritten in place (no allocation, superblock untouched) and
  // flushed, so whatever a kill leaves, the counters vouch only for complete steps.
  h5::check(H5Fflush(file_, H5F_SCOPE_GLOBAL), "cannot write the file");
  h5::write_attribute(wellbeing_group_, "rows", static_cast<std::uint64_t>(values_.rows()));
  ledger_.write_counts();
  h5::write_attribute(manifest_, "steps_completed", step);
  h5::check(H5Fflush(file_, H5F_SCOPE_GLOBAL), "cannot write the file");
}

void RunWriter::on_finish(std::uint32_t steps_done) {
  if (!started_ || finished_) throw std::logic_error("RunWriter::on_finish outside a run");
  if (steps_done != last_step_)
    throw std::logic_error("RunWriter: finished after " + std::to_string(steps_done) +
                           " steps but step " + std::to_string(last_step_) + " was the last");
  guarded([&] {
    // A run stopped before its planned end still gets its final state recorded.
    if (last_recorded_ != last_step_) {
      record_row(last_step_, *last_agents_);
      commit(last_step_);
    }
    // With [demography], who was present when, row by row (a killed run has the same in its
    // birth and death events; a resumed one restored these columns from its checkpoint).
    if (!last_agents_->entered.empty()) {
      h5::write_array<std::int32_t>(file_, "people/entered", last_agents_->entered,
                                    opts_.compression);
      h5::write_array<std::int32_t>(file_, "people/left", last_agents_->left, opts_.compression);
      label_late_dataset(file_, "/people/entered");
      label_late_dataset(file_, "/people/left");
    }
    // Only once every step is safe: a kill in this last flush can cost nothing but the status.
    h5::write_attribute(manifest_, "status", std::string("complete"));
    h5::write_attribute(manifest_, "finished_at", utc_now());
    h5::check(H5Fflush(file_, H5F_SCOPE_GLOBAL), "cannot write the file");
  });
  finished_ = true;
}

}  // namespace wellsim::output
