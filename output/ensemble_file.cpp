// Why this file exists: `wellsim merge` gathers a sweep's tasks into one file of plain columns
// (output/ensemble_file.hpp has the layout) that `wellsim sensitivity`, h5py and xarray read.
// Writing goes to PATH.tmp-PID and is renamed over PATH only by finish(), so a merge that is
// killed or fails never leaves a file that looks complete; reading trusts nothing in the file:
// every dataset's presence, rank, type and length and every index is checked before use.
#include "output/ensemble_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <unordered_set>

#include "output/extendible.hpp"
#include "output/h5_util.hpp"
#include "sim/errors.hpp"

namespace wellsim::output {

namespace {

constexpr const char* kFormat = "wellsim-ensemble";
constexpr std::uint32_t kVersion = 1;
// 1,024 rows (8 KiB of float64) per chunk of a per-task column: one chunk per thousand tasks.
constexpr hsize_t kColumnChunk = 1024;
// Series rows are compressed one row per chunk (Extendible filters whole rows).
constexpr int kSeriesCompression = 4;

/// A group whose links keep their creation order, so h5py lists factors and outcomes in the
/// design's column order rather than alphabetically.
h5::Group create_ordered_group(hid_t parent, const std::string& name) {
  h5::Plist gcpl(H5Pcreate(H5P_GROUP_CREATE), "cannot create a property list");
  h5::check(H5Pset_link_creation_order(gcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
            "cannot track the creation order of " + name);
  return h5::Group(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT),
                   "cannot create group " + name);
}

/// A factor or outcome name becomes a dataset name: it must be one path component.
void check_name(const std::string& path, const char* what, const std::string& name) {
  if (name.empty() || name == "." || name.find('/') != std::string::npos)
    throw sim::InputError(sim::where(path) + what + " name \"" + name +
                          "\" cannot name a dataset (empty, \".\" or holding '/')");
}

/// The header's parts must agree in size: a mismatch is a bug in the caller.
void check_header(const std::string& path, const EnsembleHeader& h) {
  auto require = [](bool ok, const std::string& what) {
    if (!ok) throw std::invalid_argument("EnsembleWriter: " + what);
  };
  const std::size_t k = h.factors.size();
  require(h.factor_lo.size() == k && h.factor_hi.size() == k,
          "factor_lo/factor_hi are not one per factor");
  for (const auto& row : h.points) require(row.size() == k, "a design row is not one per factor");
  require(h.outcome_units.empty() || h.outcome_units.size() == h.outcomes.size(),
          "outcome_units are not one per outcome");
  require(h.outcome_help.empty() || h.outcome_help.size() == h.outcomes.size(),
          "outcome_help is not one per outcome");
  require(h.series_steps < h5::kMaxChunkElements, "series_steps is too large");
  std::unordered_set<std::string> seen;
  for (const auto& f : h.factors) {
    check_name(path, "factor", f);
    if (!seen.insert(f).second) throw sim::InputError(sim::where(path) + "factor " + f + " twice");
  }
  seen.clear();
  for (const auto& o : h.outcomes) {
    check_name(path, "outcome", o);
    if (!seen.insert(o).second) throw sim::InputError(sim::where(path) + "outcome " + o + " twice");
  }
}

/// The entry `i` of `v`, or "" when `v` is shorter (units and help are optional).
std::string entry(const std::vector<std::string>& v, std::size_t i) {
  return i < v.size() ? v[i] : std::string();
}

/// Removes the temporary file when the writer goes away without finish(). Declared before the
/// HDF5 handles, so it runs after they are closed.
struct TempFile {
  std::string path;
  bool keep = false;
  ~TempFile() {
    std::error_code ec;
    if (!keep && !path.empty()) std::filesystem::remove(path, ec);
  }
};

/// Forces the file's bytes to disk before it is renamed into place.
void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw h5::Error(std::string("cannot reopen to sync: ") + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) throw h5::Error(std::string("cannot sync: ") + std::strerror(err));
}

}  // namespace

struct EnsembleWriter::Impl {
  std::string path;
  EnsembleHeader header;
  bool overwrite = false, finished = false;
  TempFile temp;
  h5::File file;  // declared before every object in it, so it is closed after them
  h5::Extendible scenario_index, point, replicate, seed;
  std::vector<h5::Extendible> factors, outcomes;
  h5::Extendible series;
  std::vector<std::string> task_id, scenario, incomplete_id, incomplete_reason;
  std::unordered_set<std::string> ids;

  void create();
  void write_points();
  void create_columns();
  void append(const EnsembleRow& row);
  void write_strings();
  void close();
};

void EnsembleWriter::Impl::create() {
  h5::write_attribute(file, "format", std::string(kFormat));
  h5::write_attribute(file, "version", kVersion);
  h5::write_attribute(file, "experiment", header.experiment);
  h5::write_attribute(file, "design", header.design);
  h5::write_attribute(file, "base", header.base);
  h5::write_attribute(file, "levels", header.levels);
  h5::write_attribute(file, "baseline", header.baseline);
  h5::write_attribute(file, "scenarios", header.scenarios);
  h5::write_attribute(file, "tasks_planned", header.tasks_planned);
  h5::write_attribute(file, "tasks_merged", std::uint32_t{0});
  write_points();
  create_columns();
}

void EnsembleWriter::Impl::write_points() {
  h5::Group points = create_ordered_group(file, "points");
  std::vector<double> column(header.points.size());
  for (std::size_t f = 0; f < header.factors.size(); ++f) {
    for (std::size_t p = 0; p < header.points.size(); ++p) column[p] = header.points[p][f];
    h5::write_array<double>(points, header.factors[f], column, 0);
    h5::Object d(H5Oopen(points, header.factors[f].c_str(), H5P_DEFAULT),
                 "cannot open points/" + header.factors[f]);
    h5::write_attribute(d, "lo", header.factor_lo[f]);
    h5::write_attribute(d, "hi", header.factor_hi[f]);
  }
}

void EnsembleWriter::Impl::create_columns() {
  auto column = [](hid_t parent, const std::string& name, hid_t type) {
    return h5::Extendible(parent, name, type, std::nullopt, kColumnChunk, 0);
  };
  h5::Group design = h5::create_group(file, "design");
  scenario_index = column(design, "scenario_index", H5T_STD_U32LE);
  point = column(design, "point", H5T_STD_U32LE);
  replicate = column(design, "replicate", H5T_STD_U32LE);
  seed = column(design, "seed", H5T_STD_U64LE);
  h5::Group design_factors = create_ordered_group(design, "factors");
  for (const auto& f : header.factors) factors.push_back(column(design_factors, f, H5T_IEEE_F64LE));
  h5::Group out = create_ordered_group(file, "outcomes");
  for (std::size_t i = 0; i < header.outcomes.size(); ++i) {
    outcomes.push_back(column(out, header.outcomes[i], H5T_IEEE_F64LE));
    h5::Object d(H5Oopen(out, header.outcomes[i].c_str(), H5P_DEFAULT),
                 "cannot open outcomes/" + header.outcomes[i]);
    h5::write_attribute(d, "unit", entry(header.outcome_units, i));
    h5::write_attribute(d, "help", entry(header.outcome_help, i));
  }
  h5::Group s = h5::create_group(file, "series");
  series = h5::Extendible(s, "mean_wellbeing", H5T_IEEE_F64LE, header.series_steps + hsize_t{1}, 1,
                          kSeriesCompression);
}

void EnsembleWriter::Impl::append(const EnsembleRow& row) {
  scenario_index.append_value(row.scenario_index);
  point.append_value(row.point);
  replicate.append_value(row.replicate);
  seed.append_value(row.seed);
  for (std::size_t f = 0; f < factors.size(); ++f) factors[f].append_value(row.factors[f]);
  for (std::size_t o = 0; o < outcomes.size(); ++o) outcomes[o].append_value(row.outcomes[o]);
  std::vector<double> values(series.width(), std::numeric_limits<double>::quiet_NaN());
  std::copy(row.mean_wellbeing.begin(), row.mean_wellbeing.end(), values.begin());
  series.append(values.data());
  task_id.push_back(row.task_id);
  scenario.push_back(row.scenario);
}

void EnsembleWriter::Impl::write_strings() {
  h5::Group design(H5Gopen2(file, "design", H5P_DEFAULT), "cannot open group design");
  h5::write_strings(design, "task_id", task_id);
  h5::write_strings(design, "scenario", scenario);
  h5::write_strings(design, "status", std::vector<std::string>(task_id.size(), "complete"));
  h5::Group incomplete = h5::create_group(file, "incomplete");
  h5::write_strings(incomplete, "task_id", incomplete_id);
  h5::write_strings(incomplete, "reason", incomplete_reason);
  h5::write_attribute(file, "tasks_merged", static_cast<std::uint32_t>(task_id.size()));
}

void EnsembleWriter::Impl::close() {
  // Everything is on disk once the flush succeeds; closing only releases the handles.
  h5::check(H5Fflush(file, H5F_SCOPE_GLOBAL), "cannot flush");
  for (h5::Extendible* column : {&scenario_index, &point, &replicate, &seed, &series})
    *column = h5::Extendible();
  factors.clear();
  outcomes.clear();
  file.reset();
}

EnsembleWriter::EnsembleWriter(const std::string& path, const EnsembleHeader& header,
                               bool overwrite)
    : impl_(std::make_unique<Impl>()) {
  namespace fs = std::filesystem;
  h5::silence_errors();
  check_header(path, header);
  Impl& m = *impl_;
  m.path = path;
  m.header = header;
  m.overwrite = overwrite;
  std::error_code ec;
  if (fs::exists(path, ec) && !overwrite)
    throw sim::InputError(sim::where(path) + "exists; pass --overwrite to replace it");
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::create_directories(parent, ec) && ec)
    throw sim::RuntimeError(sim::where(path) + "cannot create folder " + parent.string() + ": " +
                            ec.message());
  m.temp.path = path + ".tmp-" + std::to_string(::getpid());
  h5::translate<sim::RuntimeError>(path, [&] {
    errno = 0;
    const hid_t id = H5Fcreate(m.temp.path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    m.file = h5::File(id, errno ? std::string("cannot create the file: ") + std::strerror(errno)
                                : std::string("cannot create the file"));
    m.create();
  });
}

EnsembleWriter::~EnsembleWriter() = default;

void EnsembleWriter::add(const EnsembleRow& row) {
  Impl& m = *impl_;
  if (m.finished) throw std::logic_error("EnsembleWriter::add after finish");
  const EnsembleHeader& h = m.header;
  if (row.factors.size() != h.factors.size() || row.outcomes.size() != h.outcomes.size() ||
      row.mean_wellbeing.size() > h.series_steps + std::size_t{1})
    throw std::invalid_argument("EnsembleWriter: task " + row.task_id +
                                " does not match the header's factors, outcomes or steps");
  if (row.point >= h.points.size() || row.scenario_index >= h.scenarios.size() ||
      h.scenarios[row.scenario_index] != row.scenario)
    throw std::invalid_argument("EnsembleWriter: task " + row.task_id +
                                " names a point or scenario the header does not have");
  if (!m.ids.insert(row.task_id).second)
    throw std::invalid_argument("EnsembleWriter: task " + row.task_id + " added twice");
  h5::translate<sim::RuntimeError>(m.path, [&] { m.append(row); });
}

void EnsembleWriter::add_incomplete(const std::string& task_id, const std::string& reason) {
  if (impl_->finished) throw std::logic_error("EnsembleWriter::add_incomplete after finish");
  impl_->incomplete_id.push_back(task_id);
  impl_->incomplete_reason.push_back(reason);
}

void EnsembleWriter::finish() {
  Impl& m = *impl_;
  if (m.finished) throw std::logic_error("EnsembleWriter::finish called twice");
  h5::translate<sim::RuntimeError>(m.path, [&] {
    m.write_strings();
    m.close();
    sync_file(m.temp.path);
  });
  std::error_code ec;
  if (!m.overwrite && std::filesystem::exists(m.path, ec))
    throw sim::InputError(sim::where(m.path) +
                          "appeared while merging; pass --overwrite to replace it");
  std::filesystem::rename(m.temp.path, m.path, ec);
  if (ec)
    throw sim::RuntimeError(sim::where(m.path) +
                            "cannot rename the finished file into place: " + ec.message());
  m.temp.keep = true;
  m.finished = true;
}

// ---- reading ---------------------------------------------------------------------------------

namespace {

/// Reads one ensemble file, checking everything before it is used; every failure is a one-line
/// sim::InputError "PATH: what".
class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {}
  Ensemble read();

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw sim::InputError(sim::where(path_) + what);
  }
  void open();
  void check_format();
  void read_attributes(EnsembleHeader& h);
  void read_points(EnsembleHeader& h);
  void read_tasks(Ensemble& e);
  void read_outcomes(Ensemble& e);
  void read_incomplete(Ensemble& e);
  std::vector<std::string> members(const std::string& group);
  std::uint32_t uint32_attribute(const std::string& name);
  std::string string_attribute(hid_t obj, const std::string& where, const std::string& name,
                               bool required);
  hsize_t column(const std::string& p, H5T_class_t want, const char* kind);
  void expect_rows(const std::string& p, H5T_class_t want, const char* kind, hsize_t rows,
                   const std::string& of);
  std::vector<std::uint32_t> index_column(const std::string& p, hsize_t rows, std::uint64_t limit,
                                          const std::string& what);

  std::string path_;
  h5::File file_;
};

void Reader::open() {
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec)) fail("no such file");
  if (std::filesystem::is_directory(path_, ec)) fail("is a folder");
  if (std::filesystem::file_size(path_, ec) == 0) fail("empty file");
  const htri_t is_hdf5 = H5Fis_hdf5(path_.c_str());
  if (is_hdf5 < 0) fail("cannot read the file");
  if (is_hdf5 == 0) fail("not an HDF5 file");
  const hid_t id = H5Fopen(path_.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) fail("cannot open: truncated or damaged HDF5 file");
  file_ = h5::File(id, "");
}

void Reader::check_format() {
  if (!h5::has_attribute(file_, "format")) {
    if (h5::has_attribute(file_, "schema"))
      fail("a run file, not an ensemble file (wellsim merge makes one from a sweep's runs)");
    fail("not a wellsim ensemble file (no format attribute)");
  }
  const std::string format = h5::read_string_attribute(file_, "format");
  if (format != kFormat) fail("not a wellsim ensemble file (format is \"" + format + "\")");
  if (!h5::has_attribute(file_, "version")) fail("damaged ensemble file: no attribute version");
  const std::uint64_t version = h5::read_uint_attribute(file_, "version");
  if (version > kVersion)
    fail("ensemble version " + std::to_string(version) + " is newer than this build reads (" +
         std::to_string(kVersion) + "); use a newer wellsim");
  if (version == 0) fail("ensemble version 0 is not a version wellsim ever wrote");
}

std::uint32_t Reader::uint32_attribute(const std::string& name) {
  if (!h5::has_attribute(file_, name)) fail("damaged ensemble file: no attribute " + name);
  const std::uint64_t v = h5::read_uint_attribute(file_, name);
  if (v > UINT32_MAX) fail("attribute " + name + " is out of range");
  return static_cast<std::uint32_t>(v);
}

std::string Reader::string_attribute(hid_t obj, const std::string& where, const std::string& name,
                                     bool required) {
  if (!h5::has_attribute(obj, name)) {
    if (required) fail("damaged ensemble file: " + where + " has no attribute " + name);
    return "";
  }
  return h5::read_string_attribute(obj, name);
}

void Reader::read_attributes(EnsembleHeader& h) {
  h.experiment = string_attribute(file_, "/", "experiment", true);
  h.design = string_attribute(file_, "/", "design", true);
  h.baseline = string_attribute(file_, "/", "baseline", true);
  h.base = uint32_attribute("base");
  h.levels = uint32_attribute("levels");
  h.tasks_planned = uint32_attribute("tasks_planned");
  if (!h5::has_attribute(file_, "scenarios")) fail("damaged ensemble file: no attribute scenarios");
  h.scenarios = h5::read_strings_attribute(file_, "scenarios");
}

/// The names in `group`, in creation order where the group keeps it (ours do), else by name.
std::vector<std::string> Reader::members(const std::string& group) {
  if (H5Lexists(file_, group.c_str(), H5P_DEFAULT) <= 0)
    fail("damaged ensemble file: missing group " + group);
  h5::Object g(H5Oopen(file_, group.c_str(), H5P_DEFAULT), "cannot open " + group);
  if (H5Iget_type(g) != H5I_GROUP) fail(group + " is not a group");
  unsigned flags = 0;
  {
    h5::Plist gcpl(H5Gget_create_plist(g), "cannot inspect " + group);
    h5::check(H5Pget_link_creation_order(gcpl, &flags), "cannot inspect " + group);
  }
  std::vector<std::string> names;
  auto cb = [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->push_back(name);
    return 0;
  };
  const bool ordered = (flags & H5P_CRT_ORDER_INDEXED) != 0;
  if (!ordered || H5Literate(g, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, cb, &names) < 0) {
    names.clear();
    h5::check(H5Literate(g, H5_INDEX_NAME, H5_ITER_INC, nullptr, cb, &names),
              "cannot list " + group);
  }
  return names;
}

/// The length of 1-D dataset `p` after checking that it exists and holds `kind` values.
hsize_t Reader::column(const std::string& p, H5T_class_t want, const char* kind) {
  if (!h5::has_dataset(file_, p)) fail("damaged ensemble file: missing dataset " + p);
  const auto dims = h5::shape(file_, p);
  if (dims.size() != 1) fail(p + " is not a 1-D dataset");
  if (h5::type_class(file_, p) != want) fail(p + " does not hold " + kind);
  return dims[0];
}

void Reader::expect_rows(const std::string& p, H5T_class_t want, const char* kind, hsize_t rows,
                         const std::string& of) {
  const hsize_t n = column(p, want, kind);
  if (n != rows)
    fail(p + " has " + std::to_string(n) + " entries, " + of + " has " + std::to_string(rows));
}

/// A column of indices, each below `limit`.
std::vector<std::uint32_t> Reader::index_column(const std::string& p, hsize_t rows,
                                                std::uint64_t limit, const std::string& what) {
  const auto v = h5::read_array<std::int64_t>(file_, p, rows);
  std::vector<std::uint32_t> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] < 0 || static_cast<std::uint64_t>(v[i]) >= limit)
      fail(p + "[" + std::to_string(i) + "] is " + std::to_string(v[i]) + ", not " + what + " (0-" +
           (limit ? std::to_string(limit - 1) : std::string("none")) + ")");
    out[i] = static_cast<std::uint32_t>(v[i]);
  }
  return out;
}

void Reader::read_points(EnsembleHeader& h) {
  h.factors = members("/points");
  std::vector<std::vector<double>> columns;
  hsize_t rows = 0;
  for (std::size_t f = 0; f < h.factors.size(); ++f) {
    const std::string p = "/points/" + h.factors[f];
    if (f == 0) rows = column(p, H5T_FLOAT, "floating-point values");
    expect_rows(p, H5T_FLOAT, "floating-point values", rows, "/points/" + h.factors[0]);
    columns.push_back(h5::read_array<double>(file_, p, rows));
    h5::Object d(H5Oopen(file_, p.c_str(), H5P_DEFAULT), "cannot open " + p);
    for (const char* bound : {"lo", "hi"})
      if (!h5::has_attribute(d, bound)) fail("damaged ensemble file: " + p + " has no " + bound);
    h.factor_lo.push_back(h5::read_double_attribute(d, "lo"));
    h.factor_hi.push_back(h5::read_double_attribute(d, "hi"));
    if (!(h.factor_lo.back() < h.factor_hi.back()))
      fail(p + ": range lo = " + std::to_string(h.factor_lo.back()) +
           " is not below hi = " + std::to_string(h.factor_hi.back()));
  }
  h.points.assign(rows, std::vector<double>(h.factors.size()));
  for (std::size_t f = 0; f < columns.size(); ++f)
    for (hsize_t p = 0; p < rows; ++p) h.points[p][f] = columns[f][p];
}

void Reader::read_tasks(Ensemble& e) {
  const std::string first = "/design/task_id";
  const hsize_t tasks = column(first, H5T_STRING, "strings");
  for (const char* p : {"/design/scenario", "/design/status"})
    expect_rows(p, H5T_STRING, "strings", tasks, first);
  for (const char* p :
       {"/design/scenario_index", "/design/point", "/design/replicate", "/design/seed"})
    expect_rows(p, H5T_INTEGER, "integers", tasks, first);
  if (members("/design/factors") != e.header.factors)
    fail("/design/factors does not hold one column per factor of /points");
  for (const auto& f : e.header.factors)
    expect_rows("/design/factors/" + f, H5T_FLOAT, "floating-point values", tasks, first);
  e.task_id = h5::read_strings(file_, first);
  e.scenario = h5::read_strings(file_, "/design/scenario");
  e.status = h5::read_strings(file_, "/design/status");
  const auto& scenarios = e.header.scenarios;
  e.scenario_index =
      index_column("/design/scenario_index", tasks, scenarios.size(), "a scenario index");
  e.point = index_column("/design/point", tasks, e.header.points.size(), "a design point");
  e.replicate = index_column("/design/replicate", tasks, UINT32_MAX, "a replicate number");
  for (hsize_t i = 0; i < tasks; ++i)
    if (e.scenario[i] != scenarios[e.scenario_index[i]])
      fail("/design/scenario[" + std::to_string(i) + "] is \"" + e.scenario[i] +
           "\" but its scenario_index names \"" + scenarios[e.scenario_index[i]] + "\"");
  if (tasks != uint32_attribute("tasks_merged"))
    fail("tasks_merged is " + std::to_string(uint32_attribute("tasks_merged")) + " but " + first +
         " has " + std::to_string(tasks) + " entries");
  const auto series = h5::has_dataset(file_, "/series/mean_wellbeing")
                          ? h5::shape(file_, "/series/mean_wellbeing")
                          : std::vector<hsize_t>{};
  if (series.size() != 2 || series[0] != tasks || series[1] == 0 ||
      h5::type_class(file_, "/series/mean_wellbeing") != H5T_FLOAT)
    fail("/series/mean_wellbeing is not a [" + std::to_string(tasks) +
         ", steps + 1] matrix of floating-point values");
  if (series[1] - 1 > UINT32_MAX) fail("/series/mean_wellbeing is too wide");
  e.header.series_steps = static_cast<std::uint32_t>(series[1] - 1);
}

void Reader::read_outcomes(Ensemble& e) {
  EnsembleHeader& h = e.header;
  h.outcomes = members("/outcomes");
  for (const auto& name : h.outcomes) {
    const std::string p = "/outcomes/" + name;
    expect_rows(p, H5T_FLOAT, "floating-point values", e.task_id.size(), "/design/task_id");
    e.outcomes.push_back(h5::read_array<double>(file_, p));
    h5::Object d(H5Oopen(file_, p.c_str(), H5P_DEFAULT), "cannot open " + p);
    h.outcome_units.push_back(string_attribute(d, p, "unit", false));
    h.outcome_help.push_back(string_attribute(d, p, "help", false));
  }
}

void Reader::read_incomplete(Ensemble& e) {
  const hsize_t n = column("/incomplete/task_id", H5T_STRING, "strings");
  expect_rows("/incomplete/reason", H5T_STRING, "strings", n, "/incomplete/task_id");
  e.incomplete = h5::read_strings(file_, "/incomplete/task_id");
}

Ensemble Reader::read() {
  h5::silence_errors();
  open();
  Ensemble e;
  h5::translate<sim::InputError>(path_, [&] {
    check_format();
    read_attributes(e.header);
    read_points(e.header);
    read_tasks(e);
    read_outcomes(e);
    read_incomplete(e);
  });
  return e;
}

}  // namespace

const std::vector<double>& Ensemble::outcome(const std::string& name) const {
  for (std::size_t i = 0; i < header.outcomes.size() && i < outcomes.size(); ++i)
    if (header.outcomes[i] == name) return outcomes[i];
  std::string names;
  for (const auto& o : header.outcomes) names += (names.empty() ? "" : ", ") + o;
  throw sim::InputError("unknown outcome \"" + name + "\"; the ensemble's outcomes: " +
                        (names.empty() ? std::string("(none)") : names));
}

Ensemble read_ensemble(const std::string& path) { return Reader(path).read(); }

}  // namespace wellsim::output
