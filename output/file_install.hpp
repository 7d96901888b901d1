#pragma once
// Putting a finished-enough file in place under its real name without ever truncating or
// replacing a file that another process holds (docs/reliability.md, "Run files and faults").
#include <string>

namespace wellsim::output {

/// Refuses `path` as a run file's destination before any work: a folder or something other than
/// a regular file (sim::RuntimeError), or an existing file without `overwrite` (sim::InputError).
void check_target(const std::string& path, bool overwrite);

/// A name beside `path`, unique to this process and call ("PATH.tmp-PID-N"), for the file while
/// it is not yet readable; its folder is created if missing.
std::string temporary_name(const std::string& path);

/// Moves `temp` to `path`. Without `overwrite` it fails if `path` exists (atomically: a second
/// run racing for the same name loses); with it, an existing `path` is replaced only if no
/// process holds a lock on it (a running wellsim writes under HDF5's exclusive lock, a reader
/// takes a shared one). Throws sim::RuntimeError with one line otherwise.
void install_file(const std::string& temp, const std::string& path, bool overwrite);

/// ": REASON" for an errno that says more than HDF5's message (disk full, quota, I/O error,
/// read-only file system, file too large); "" for any other.
std::string system_reason(int err);

}  // namespace wellsim::output
