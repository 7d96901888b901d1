#pragma once
// Dynamic task dispatch over MPI ranks: rank 0 hands out task numbers on request, so a slow task
// holds up only the rank running it. Built only when Debian's OpenMPI (libopenmpi-dev) is found
// (WELLSIM_HAVE_MPI); elsewhere mpi_available() is false and the functions throw.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace wellsim::batch {

/// True when this build can run under MPI.
bool mpi_available();

/// What happened to one task.
struct DispatchResult {
  std::uint32_t task = 0;  ///< its number in [0, count)
  bool ok = false;
  std::string error;  ///< one line when !ok
  int rank = 0;       ///< the rank that ran it
};

/// MPI for the life of the object: MPI_Init_thread (FUNNELED: tasks use TBB threads, only the
/// main thread calls MPI) on construction, MPI_Finalize on destruction. One per process.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }  ///< this process's rank in MPI_COMM_WORLD
  int size() const { return size_; }  ///< number of ranks

 private:
  int rank_ = 0, size_ = 1;
};

/// Runs `work(i)` for every i in [0, count) across the session's ranks. Rank 0 coordinates (and
/// with one rank, works); each other rank asks for a task, runs it and reports. `work` returns ""
/// on success or a one-line error; it must not throw. On rank 0, `on_result` is called for each
/// finished task in order of completion (for the progress line); the return value on rank 0 is
/// every result, on the other ranks their own.
std::vector<DispatchResult> mpi_dispatch(
    const MpiSession& session, std::uint32_t count,
    const std::function<std::string(std::uint32_t)>& work,
    const std::function<void(const DispatchResult&)>& on_result = {});

/// Rank 0's `values`, on every rank (e.g. the list of tasks to run, decided once).
std::vector<std::uint32_t> mpi_broadcast(const MpiSession& session,
                                         std::vector<std::uint32_t> values);

}  // namespace wellsim::batch
