// Why this file exists: the reader, the resume and the checkpoint loader all open files that
// may be missing, damaged or in use, and each must say which in one line.
#include "output/file_open.hpp"

#include <unistd.h>

#include <filesystem>

#include "output/h5_util.hpp"
#include "sim/errors.hpp"

namespace wellsim::output {

namespace {

bool access_denied(const std::string& path) { return ::access(path.c_str(), W_OK) != 0; }

}  // namespace

h5::File open_file(const std::string& path, Access access) {
  const std::string at = sim::where(path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw sim::InputError(at + "no such file");
  if (std::filesystem::is_directory(path, ec)) throw sim::InputError(at + "is a folder");
  if (std::filesystem::file_size(path, ec) == 0)
    throw sim::InputError(at + "empty file (a run killed before it wrote anything?)");
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 < 0) throw sim::InputError(at + "cannot read the file");
  if (is_hdf5 == 0) throw sim::InputError(at + "not an HDF5 file");
  const bool write = access == Access::ReadWrite;
  hid_t id = H5Fopen(path.c_str(), write ? H5F_ACC_RDWR : H5F_ACC_RDONLY, H5P_DEFAULT);
  const bool locked = id < 0 && h5::error_stack_has(H5E_CANTLOCKFILE);
  if (locked && access != Access::Read)
    throw sim::InputError(at + "another process holds it (a wellsim still running?)");
  if (id < 0 && write && access_denied(path))
    throw sim::InputError(at + "cannot open for writing: permission denied");
#if H5_VERSION_GE(1, 10, 7)
  if (locked) {
    // A writer in another process holds HDF5's lock on a run in progress; its completed steps
    // are safe to read, so retry without locking. (Locking stays on at first: HDF5 refuses to
    // share a file opened with the other setting, as it is when this process is the writer.)
    h5::Plist fapl(H5Pcreate(H5P_FILE_ACCESS), "cannot create a property list");
    H5Pset_file_locking(fapl, false, true);
    id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl);
  }
#endif
  if (id < 0 && locked)
    throw sim::InputError(at + "cannot open: a running wellsim is writing it (try again)");
  if (id < 0) throw sim::InputError(at + "cannot open: truncated or damaged HDF5 file");
  return h5::File(id, "");
}

}  // namespace wellsim::output
