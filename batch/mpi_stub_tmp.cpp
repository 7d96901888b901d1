// TEMPORARY (branch ens only): stands in for batch/mpi_dispatch.cpp, which is written on another
// branch, so that `wellsim` links here. Drop this file at merge.
#include <stdexcept>

#include "batch/mpi_dispatch.hpp"

namespace wellsim::batch {

bool mpi_available() { return false; }

MpiSession::MpiSession() { throw std::runtime_error("MPI is not available in this build"); }

MpiSession::~MpiSession() = default;

std::vector<DispatchResult> mpi_dispatch(const MpiSession&, std::uint32_t,
                                         const std::function<std::string(std::uint32_t)>&,
                                         const std::function<void(const DispatchResult&)>&) {
  throw std::runtime_error("MPI is not available in this build");
}

std::vector<std::uint32_t> mpi_broadcast(const MpiSession&, std::vector<std::uint32_t>) {
  throw std::runtime_error("MPI is not available in this build");
}

}  // namespace wellsim::batch
