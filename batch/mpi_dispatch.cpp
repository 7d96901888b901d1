#include "batch/mpi_dispatch.hpp"

#include <stdexcept>

#if WELLSIM_HAVE_MPI
// The C API only (MPI::MPI_C): keep OpenMPI's and MPICH's mpi.h from pulling in C++ bindings.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <exception>
#include <optional>
#include <thread>
#endif

namespace wellsim::batch {

using Work = std::function<std::string(std::uint32_t)>;
using OnResult = std::function<void(const DispatchResult&)>;

#if !WELLSIM_HAVE_MPI

namespace {
constexpr const char* kNoMpi =
    "this wellsim was built without MPI (install libopenmpi-dev and rebuild)";
}

bool mpi_available() { return false; }

MpiSession::MpiSession() { throw std::runtime_error(kNoMpi); }

MpiSession::~MpiSession() = default;

std::vector<DispatchResult> mpi_dispatch(const MpiSession&, std::uint32_t, const Work&,
                                         const OnResult&) {
  throw std::runtime_error(kNoMpi);
}

std::vector<std::uint32_t> mpi_broadcast(const MpiSession&, std::vector<std::uint32_t>) {
  throw std::runtime_error(kNoMpi);
}

#else

namespace {

// A worker's report carries its previous result (if any) and asks for the next task; rank 0
// answers with a task number or kStop.
constexpr int kTagReport = 1;
constexpr int kTagAssign = 2;
constexpr std::int64_t kStop = -1;

// Report layout: [has_result u8][ok u8][task u32][error bytes...].
constexpr std::size_t kReportHeader = 2 + sizeof(std::uint32_t);

// The session that called MPI_Init_thread, and so calls MPI_Finalize (one per process).
const MpiSession* g_owner = nullptr;

// Sleeps between polls, 50 us doubling to 2 ms. OpenMPI's blocking calls poll at 100% CPU, which
// on a machine with fewer cores than ranks takes the core from a rank that is working.
class Backoff {
 public:
  void reset() { pause_ = kMin; }
  void wait() {
    std::this_thread::sleep_for(pause_);
    pause_ = std::min(pause_ * 2, kMax);
  }

 private:
  static constexpr std::chrono::microseconds kMin{50}, kMax{2000};
  std::chrono::microseconds pause_ = kMin;
};

// Completes `request` by MPI_Test and sleeps, never by a spinning MPI_Wait.
void wait_politely(MPI_Request& request) {
  Backoff backoff;
  int done = 0;
  for (MPI_Test(&request, &done, MPI_STATUS_IGNORE); !done;
       MPI_Test(&request, &done, MPI_STATUS_IGNORE))
    backoff.wait();
}

void send_politely(const void* data, int n, MPI_Datatype type, int dest, int tag) {
  MPI_Request request;
  MPI_Isend(data, n, type, dest, tag, MPI_COMM_WORLD, &request);
  wait_politely(request);
}

DispatchResult run_task(const Work& work, std::uint32_t task, int rank) {
  DispatchResult r;
  r.task = task;
  r.rank = rank;
  try {
    r.error = work(task);
  } catch (const std::exception& e) {
    r.error = std::string("task threw: ") + e.what();
  } catch (...) {
    r.error = "task threw something that is not a std::exception";
  }
  r.ok = r.error.empty();
  return r;
}

std::vector<char> encode_report(const DispatchResult* previous) {
  std::vector<char> bytes(kReportHeader + (previous ? previous->error.size() : 0));
  bytes[0] = previous ? 1 : 0;
  if (!previous) return bytes;
  bytes[1] = previous->ok ? 1 : 0;
  std::memcpy(bytes.data() + 2, &previous->task, sizeof previous->task);
  std::memcpy(bytes.data() + kReportHeader, previous->error.data(), previous->error.size());
  return bytes;
}

std::optional<DispatchResult> decode_report(const std::vector<char>& bytes, int source) {
  if (bytes.size() < kReportHeader || bytes[0] == 0) return std::nullopt;
  DispatchResult r;
  r.ok = bytes[1] != 0;
  std::memcpy(&r.task, bytes.data() + 2, sizeof r.task);
  r.error.assign(bytes.begin() + kReportHeader, bytes.end());
  r.rank = source;
  return r;
}

// Rank 0 with other ranks: answers reports until every worker has been told to stop. Between
// reports it polls with MPI_Improbe and sleeps, so it leaves the cores to the workers.
std::vector<DispatchResult> coordinate(const MpiSession& session, std::uint32_t count,
                                       const OnResult& on_result) {
  std::vector<DispatchResult> results;
  results.reserve(count);
  std::uint32_t next = 0;
  int stopped = 0;
  Backoff backoff;
  while (stopped < session.size() - 1) {
    int found = 0;
    MPI_Message message;
    MPI_Status status;
    MPI_Improbe(MPI_ANY_SOURCE, kTagReport, MPI_COMM_WORLD, &found, &message, &status);
    if (!found) {
      backoff.wait();
      continue;
    }
    backoff.reset();
    int n = 0;
    MPI_Get_count(&status, MPI_CHAR, &n);
    std::vector<char> bytes(static_cast<std::size_t>(n));
    MPI_Mrecv(bytes.data(), n, MPI_CHAR, &message, MPI_STATUS_IGNORE);
    // Answer first: the worker starts its next task while rank 0 records this one.
    const std::int64_t answer = next < count ? std::int64_t{next++} : kStop;
    if (answer == kStop) ++stopped;
    send_politely(&answer, 1, MPI_INT64_T, status.MPI_SOURCE, kTagAssign);
    if (auto result = decode_report(bytes, status.MPI_SOURCE)) {
      results.push_back(std::move(*result));
      if (on_result) on_result(results.back());
    }
  }
  std::sort(results.begin(), results.end(),
            [](const DispatchResult& a, const DispatchResult& b) { return a.task < b.task; });
  return results;
}

// A rank other than 0: reports (with its previous result), runs what it is given, until told
// to stop.
std::vector<DispatchResult> serve(const MpiSession& session, const Work& work) {
  std::vector<DispatchResult> mine;
  for (;;) {
    const std::vector<char> report = encode_report(mine.empty() ? nullptr : &mine.back());
    send_politely(report.data(), static_cast<int>(report.size()), MPI_CHAR, 0, kTagReport);
    std::int64_t task = kStop;
    MPI_Request request;
    MPI_Irecv(&task, 1, MPI_INT64_T, 0, kTagAssign, MPI_COMM_WORLD, &request);
    wait_politely(request);
    if (task == kStop) return mine;
    mine.push_back(run_task(work, static_cast<std::uint32_t>(task), session.rank()));
  }
}

std::vector<DispatchResult> run_alone(std::uint32_t count, const Work& work,
                                      const OnResult& on_result) {
  std::vector<DispatchResult> results;
  results.reserve(count);
  for (std::uint32_t task = 0; task < count; ++task) {
    results.push_back(run_task(work, task, 0));
    if (on_result) on_result(results.back());
  }
  return results;
}

}  // namespace

bool mpi_available() { return true; }

MpiSession::MpiSession() {
  int initialised = 0, finalised = 0;
  MPI_Initialized(&initialised);
  MPI_Finalized(&finalised);
  if (finalised) throw std::runtime_error("MPI was already finalised in this process");
  if (!initialised) {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    g_owner = this;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  if (g_owner != this) return;
  g_owner = nullptr;
  int finalised = 0;
  MPI_Finalized(&finalised);
  if (!finalised) MPI_Finalize();
}

std::vector<DispatchResult> mpi_dispatch(const MpiSession& session, std::uint32_t count,
                                         const Work& work, const OnResult& on_result) {
  if (session.size() == 1) return run_alone(count, work, on_result);
  if (session.rank() == 0) return coordinate(session, count, on_result);
  return serve(session, work);
}

std::vector<std::uint32_t> mpi_broadcast(const MpiSession& session,
                                         std::vector<std::uint32_t> values) {
  // A blocking collective: every rank waits here until rank 0 has decided (it is called once,
  // before any task runs, so its polling does not matter).
  std::uint64_t count = values.size();
  MPI_Bcast(&count, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  if (session.rank() != 0) values.resize(count);
  if (count > 0) MPI_Bcast(values.data(), static_cast<int>(count), MPI_UINT32_T, 0, MPI_COMM_WORLD);
  return values;
}

#endif

}  // namespace wellsim::batch
