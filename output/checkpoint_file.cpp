// Why this file exists: a checkpoint is the one file a resumed run trusts for its state, so it
// is written whole or not at all, and read back only into the run and build that wrote it.
#include "output/checkpoint_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "output/file_install.hpp"
#include "output/file_open.hpp"
#include "output/h5_util.hpp"
#include "sim/build_info.hpp"
#include "sim/errors.hpp"

namespace wellsim::output {

namespace {

constexpr const char* kSchema = "wellsim-checkpoint";
constexpr std::uint32_t kVersion = 1;

/// Columns are stored as bytes, dataset "0", "1", ... in listing order, each with its name and
/// element size: names are free text (mechanism names hold '/'), and the order is the check.
class ColumnWriter : public sim::StateVisitor {
 public:
  explicit ColumnWriter(hid_t group) : group_(group) {}
  void column(const sim::StateColumn& c) override {
    const std::string key = std::to_string(index_++);
    h5::write_raw_array(group_, key, H5T_NATIVE_UINT8, H5T_STD_U8LE, c.count * c.element_size,
                        c.data, 0);
    h5::Dataset d(H5Dopen2(group_, key.c_str(), H5P_DEFAULT), "cannot open column " + key);
    h5::write_attribute(d, "name", c.name);
    h5::write_attribute(d, "element_size", static_cast<std::uint64_t>(c.element_size));
  }

 private:
  hid_t group_;
  std::size_t index_ = 0;
};

class ColumnReader : public sim::StateVisitor {
 public:
  ColumnReader(hid_t group, std::string path) : group_(group), path_(std::move(path)) {}
  void column(const sim::StateColumn& c) override {
    const std::string key = std::to_string(index_++);
    const std::string at = sim::where(path_) + "column " + key + " (" + c.name + "): ";
    if (!h5::has_dataset(group_, key))
      throw sim::InputError(at + "missing (a checkpoint of another build?)");
    h5::Dataset d(H5Dopen2(group_, key.c_str(), H5P_DEFAULT), "cannot open column " + key);
    const std::string name = h5::read_string_attribute(d, "name");
    const std::uint64_t size = h5::read_uint_attribute(d, "element_size");
    if (name != c.name || size != c.element_size)
      throw sim::InputError(at + "holds " + name + " of " + std::to_string(size) +
                            "-byte elements (a checkpoint of another build?)");
    std::vector<std::uint8_t> bytes = h5::read_array<std::uint8_t>(group_, key);
    if (bytes.size() % size != 0)
      throw sim::InputError(at + std::to_string(bytes.size()) + " bytes is not whole elements");
    void* into = c.resize(bytes.size() / size);
    if (into == nullptr && !bytes.empty())
      throw sim::InputError(at + "holds " + std::to_string(bytes.size() / size) +
                            " values where one is expected");
    if (!bytes.empty()) std::memcpy(into, bytes.data(), bytes.size());
  }
  /// Columns listed so far; the file must hold no more.
  std::size_t count() const { return index_; }

 private:
  hid_t group_;
  std::string path_;
  std::size_t index_ = 0;
};

}  // namespace

std::string checkpoint_path(const std::string& run_file) { return run_file + ".checkpoint"; }

std::string checkpoint_build() {
  const sim::BuildInfo& b = sim::build_info();
  return std::string(b.version) + " " + std::string(b.git_commit) + " " +
         std::string(b.build_type) + " " + std::string(b.compiler);
}

void write_checkpoint(const std::string& path, const CheckpointHeader& header,
                      const StateLister& list) {
  h5::silence_errors();
  const std::string temp = temporary_name(path);
  try {
    h5::translate<sim::RuntimeError>(path, [&] {
      errno = 0;
      h5::File file(H5Fcreate(temp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                    std::string("cannot create the checkpoint") +
                        (errno ? std::string(": ") + std::strerror(errno) : std::string()));
      h5::write_attribute(file, "schema", std::string(kSchema));
      h5::write_attribute(file, "schema_version", kVersion);
      h5::write_attribute(file, "step", header.step);
      h5::write_attribute(file, "scenario_hash", header.scenario_hash);
      h5::write_attribute(file, "replicate", header.replicate);
      h5::write_attribute(file, "build", header.build);
      h5::Group state = h5::create_group(file, "state");
      ColumnWriter writer(state);
      list(writer);
      errno = 0;
      h5::check(H5Fflush(file, H5F_SCOPE_GLOBAL),
                "cannot write the checkpoint" + system_reason(errno));
    });
    std::filesystem::rename(temp, path);
  } catch (const std::filesystem::filesystem_error& e) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    throw sim::RuntimeError(sim::where(path) +
                            "cannot put the checkpoint in place: " + e.code().message());
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    throw;
  }
}

CheckpointHeader read_checkpoint_header(const std::string& path) {
  h5::silence_errors();
  h5::File file = open_file(path);
  return h5::translate<sim::InputError>(path, [&] {
    if (!h5::has_attribute(file, "schema") || h5::read_string_attribute(file, "schema") != kSchema)
      throw h5::Error("not a wellsim checkpoint");
    if (h5::read_uint_attribute(file, "schema_version") != kVersion)
      throw h5::Error("checkpoint version " +
                      std::to_string(h5::read_uint_attribute(file, "schema_version")) + " is not " +
                      std::to_string(kVersion));
    CheckpointHeader h;
    const std::uint64_t step = h5::read_uint_attribute(file, "step");
    const std::uint64_t replicate = h5::read_uint_attribute(file, "replicate");
    if (step > UINT32_MAX || replicate > UINT32_MAX)
      throw h5::Error("step or replicate out of range");
    h.step = static_cast<std::uint32_t>(step);
    h.replicate = static_cast<std::uint32_t>(replicate);
    h.scenario_hash = h5::read_string_attribute(file, "scenario_hash");
    h.build = h5::read_string_attribute(file, "build");
    return h;
  });
}

void load_checkpoint(const std::string& path, const StateLister& list) {
  h5::silence_errors();
  h5::File file = open_file(path);
  h5::translate<sim::InputError>(path, [&] {
    h5::Group state(H5Gopen2(file, "state", H5P_DEFAULT), "no /state group");
    ColumnReader reader(state, path);
    list(reader);
    H5G_info_t info;
    h5::check(H5Gget_info(state, &info), "cannot list /state");
    if (info.nlinks != reader.count())
      throw h5::Error("holds " + std::to_string(info.nlinks) + " columns where this build has " +
                      std::to_string(reader.count()) + " (a checkpoint of another build?)");
  });
}

}  // namespace wellsim::output
