// Why this file exists: H5Fcreate(..., H5F_ACC_TRUNC) truncates an existing file before HDF5's
// lock check refuses it, so a second run with --overwrite destroyed the first run's file while
// the first went on to exit 0 (issue 14). A run now writes to a name of its own and takes the
// real name only with rename(2), after checking with flock(2) that nobody holds the old file.
#include "output/file_install.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "sim/errors.hpp"

namespace wellsim::output {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
  throw sim::RuntimeError(sim::where(path) + what + ": " + std::strerror(err));
}

/// rename(temp, path) that fails with EEXIST if `path` exists; link+unlink where the file system
/// lacks RENAME_NOREPLACE.
bool rename_no_replace(const std::string& temp, const std::string& path) {
  if (renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno == EEXIST) return false;
  if (errno != EINVAL && errno != ENOSYS) fail(path, "cannot create the file", errno);
  if (::link(temp.c_str(), path.c_str()) != 0) {
    if (errno == EEXIST) return false;
    fail(path, "cannot create the file", errno);
  }
  ::unlink(temp.c_str());
  return true;
}

[[noreturn]] void refuse_held(const std::string& path) {
  throw sim::RuntimeError(sim::where(path) +
                          "in use by another process (a wellsim writing it, or a reader); not "
                          "replaced: wait for it to finish or choose another -o");
}

/// One attempt at replacing an existing `path`: false if the name changed under us (try again).
bool replace_unheld(const std::string& temp, const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT) return rename_no_replace(temp, path);
    fail(path, "cannot replace the file", errno);
  }
  // Held while renaming, so no run can take HDF5's lock on the old file in between.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) refuse_held(path);
    fail(path, "cannot lock the file", err);
  }
  struct stat held {
  }, named{};
  const bool same = ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
                    held.st_ino == named.st_ino && held.st_dev == named.st_dev;
  const int rc = same ? ::rename(temp.c_str(), path.c_str()) : 0;
  const int err = errno;
  ::close(fd);
  if (rc != 0) fail(path, "cannot replace the file", err);
  return same;
}

}  // namespace

void check_target(const std::string& path, bool overwrite) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (!fs::exists(st)) return;
  if (fs::is_directory(st))
    throw sim::RuntimeError(sim::where(path) + "is a folder; give -o a file name");
  if (!fs::is_regular_file(st))
    throw sim::RuntimeError(sim::where(path) +
                            "is not a regular file (a device, pipe or link); give -o a file name");
  if (!overwrite)
    throw sim::InputError(sim::where(path) + "exists; pass --overwrite to replace it");
}

std::string temporary_name(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !fs::create_directories(parent, ec) && ec)
    throw sim::RuntimeError(sim::where(path) + "cannot create folder " + parent.string() + ": " +
                            ec.message());
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

void install_file(const std::string& temp, const std::string& path, bool overwrite) {
  if (!overwrite) {
    if (!rename_no_replace(temp, path))
      throw sim::RuntimeError(sim::where(path) +
                              "created by another process while this run started; not replaced "
                              "(pass --overwrite to replace it or -o to choose another)");
    return;
  }
  for (int attempt = 0; attempt < 100; ++attempt)
    if (replace_unheld(temp, path)) return;
  refuse_held(path);
}

std::string system_reason(int err) {
  switch (err) {
    case ENOSPC:
    case EDQUOT:
    case EIO:
    case EROFS:
    case EFBIG:
    case EACCES:
    case EPERM: return std::string(": ") + std::strerror(err);
    default: return "";
  }
}

}  // namespace wellsim::output
