#pragma once
// Opening an existing HDF5 file of ours (a run file, a checkpoint) with one line for every way
// it can fail: missing, a folder, empty, not HDF5, damaged, or held by a running wellsim.
#include <string>

#include "output/h5_handle.hpp"

namespace wellsim::output {

/// How a file is opened.
enum class Access {
  Read,       ///< read-only; a file a running wellsim holds is read without the lock
  ReadIdle,   ///< read-only, refused while another process writes it (nothing is changed)
  ReadWrite,  ///< to change it (resume); refused while another process holds it
};

/// Opens `path`, or throws sim::InputError "PATH: why" in one line.
h5::File open_file(const std::string& path, Access access = Access::Read);

}  // namespace wellsim::output
